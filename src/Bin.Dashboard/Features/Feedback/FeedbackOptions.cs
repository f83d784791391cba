using System.ComponentModel.DataAnnotations;
using Bin.Domain.Feedback;

namespace Bin.Dashboard.Features.Feedback;

public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>An alert without feedback is overdue this long after it was issued. Empty (the default): at
    /// <see cref="OverdueAt"/> on the next working day (Monday–Friday, not a Belgian public holiday).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")] public TimeSpan? OverdueAfter { get; set; }

    /// <summary>The time of day (Europe/Brussels) on the next working day when an alert without feedback becomes overdue.</summary>
    public TimeOnly OverdueAt { get; set; } = new(12, 0);

    /// <summary>The watchdog looks at alerts issued within this period; older ones are history, not a to-do.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")] public TimeSpan WatchdogLookback { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often one node of the cluster checks that every pending feedback and reminder has its trigger.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")] public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public FeedbackDeadline Deadline => new(OverdueAfter, OverdueAt, FeedbackDeadline.Brussels);
}
