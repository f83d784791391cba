using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Features.Privacy;

/// <summary>How long personal data is kept (docs/privacy.md); each limit is enforced by <see cref="RetentionJob"/>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Reply texts are masked this many days after they arrived; the reply stays counted.</summary>
    [Range(1, 3650)] public int ReplyRetentionDays { get; set; } = 365;

    /// <summary>The number and text of a sent SMS in the outbox are blanked this many days after it was queued; the
    /// row (status, times, segments) stays for the evaluation.</summary>
    [Range(1, 3650)] public int OutboxRetentionDays { get; set; } = 30;

    /// <summary>Messages the SMS simulator carried are deleted this many days after they were sent or received.</summary>
    [Range(1, 365)] public int SimulatorRetentionDays { get; set; } = 7;

    /// <summary>A join application whose number was never confirmed is deleted after this; so is the keyed hash of
    /// every application's client address.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")] public TimeSpan UnconfirmedJoinRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the retention job runs (on one node of the cluster).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")] public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}
