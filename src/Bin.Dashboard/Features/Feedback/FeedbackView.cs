using Bin.Domain.Feedback;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>One feedback message as the API, the incident panel and the "Scheduled" page show it.</summary>
public sealed class FeedbackView
{
    public Guid Id { get; set; }
    public Guid AlertId { get; set; }
    public Guid IncidentId { get; set; }
    public FeedbackStatus Status { get; set; }
    public string? FeedbackTemplateId { get; set; }
    public Dictionary<string, string> Texts { get; set; } = [];
    public DateTimeOffset? SendAt { get; set; }
    public int? AfterCloseMinutes { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public string ScheduledBy { get; set; } = "";
    public DateTimeOffset? ChangedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int? Recipients { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    /// <summary>When it goes: its time, or the incident's closing time plus the delay (null while the incident is open).</summary>
    public DateTimeOffset? DueAt(DateTimeOffset? incidentClosedAt) => FeedbackState.Due(SendAt, AfterCloseMinutes, incidentClosedAt);
}

public sealed partial class FeedbackViewProjection : SingleStreamProjection<FeedbackView, Guid>
{
    public static FeedbackView Create(IEvent<FeedbackScheduled> @event)
    {
        var e = @event.Data;
        return new FeedbackView
        {
            Id = e.FeedbackId,
            AlertId = e.AlertId,
            IncidentId = e.IncidentId,
            Status = FeedbackStatus.Scheduled,
            FeedbackTemplateId = e.FeedbackTemplateId,
            Texts = new Dictionary<string, string>(e.Texts),
            SendAt = e.SendAt,
            AfterCloseMinutes = e.AfterCloseMinutes,
            ScheduledAt = e.ScheduledAt,
            ScheduledBy = @event.UserName ?? "",
        };
    }

    public static void Apply(FeedbackRescheduled e, FeedbackView view)
    {
        view.FeedbackTemplateId = e.FeedbackTemplateId;
        view.Texts = new Dictionary<string, string>(e.Texts);
        view.SendAt = e.SendAt;
        view.AfterCloseMinutes = e.AfterCloseMinutes;
        view.ChangedAt = e.RescheduledAt;
    }

    public static void Apply(IEvent<FeedbackCancelled> @event, FeedbackView view)
    {
        view.Status = FeedbackStatus.Cancelled;
        view.CancelledAt = @event.Data.CancelledAt;
        view.CancelledBy = @event.UserName;
    }

    public static void Apply(FeedbackSent e, FeedbackView view)
    {
        view.Status = FeedbackStatus.Sent;
        view.SentAt = e.SentAt;
        view.Recipients = e.Recipients;
    }
}
