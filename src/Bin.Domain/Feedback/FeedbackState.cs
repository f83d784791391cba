namespace Bin.Domain.Feedback;

public enum FeedbackStatus
{
    Scheduled,
    Sent,
    Cancelled,
}

/// <summary>One feedback message as its decisions need it, folded from its stream.</summary>
public sealed record FeedbackState(
    Guid Id,
    Guid AlertId,
    Guid IncidentId,
    FeedbackStatus Status,
    string? FeedbackTemplateId,
    IReadOnlyDictionary<string, string> Texts,
    DateTimeOffset? SendAt,
    int? AfterCloseMinutes,
    DateTimeOffset? SentAt,
    DateTimeOffset? CancelledAt) : IFolded<FeedbackState>
{
    public static string Subject => "feedback";

    public static FeedbackState Create(FeedbackScheduled e) =>
        new(e.FeedbackId, e.AlertId, e.IncidentId, FeedbackStatus.Scheduled, e.FeedbackTemplateId, e.Texts, e.SendAt, e.AfterCloseMinutes,
            SentAt: null, CancelledAt: null);

    public FeedbackState Apply(FeedbackRescheduled e) => this with
    {
        FeedbackTemplateId = e.FeedbackTemplateId,
        Texts = e.Texts,
        SendAt = e.SendAt,
        AfterCloseMinutes = e.AfterCloseMinutes,
    };

    public FeedbackState Apply(FeedbackCancelled e) => this with { Status = FeedbackStatus.Cancelled, CancelledAt = e.CancelledAt };

    public FeedbackState Apply(FeedbackSent e) => this with { Status = FeedbackStatus.Sent, SentAt = e.SentAt };

    /// <summary>Folds a feedback stream; null when it holds no <see cref="FeedbackScheduled"/>.</summary>
    public static FeedbackState? Fold(IEnumerable<object> events)
    {
        FeedbackState? state = null;
        foreach (var e in events)
        {
            state = e switch
            {
                FeedbackScheduled s => Create(s),
                FeedbackRescheduled r when state is not null => state.Apply(r),
                FeedbackCancelled c when state is not null => state.Apply(c),
                FeedbackSent s when state is not null => state.Apply(s),
                _ => state,
            };
        }
        return state;
    }

    /// <summary>When it is due: its fixed time, or the incident's closing time plus the delay; null while an
    /// "after close" feedback waits for its incident to close.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset? incidentClosedAt) => Due(SendAt, AfterCloseMinutes, incidentClosedAt);

    /// <summary>The one rule for when feedback goes, for read models too.</summary>
    public static DateTimeOffset? Due(DateTimeOffset? sendAt, int? afterCloseMinutes, DateTimeOffset? incidentClosedAt) =>
        sendAt ?? (afterCloseMinutes is { } minutes && incidentClosedAt is { } closed ? closed.AddMinutes(minutes) : null);
}

/// <summary>The reminder of one alert, folded from the alert's stream; null when none was asked for.</summary>
public sealed record ReminderState(Guid AlertId, DateTimeOffset SendAt, DateTimeOffset? SentAt) : IFolded<ReminderState>
{
    public static string Subject => "alert";

    public static ReminderState? Fold(IEnumerable<object> events)
    {
        ReminderState? state = null;
        foreach (var e in events)
        {
            state = e switch
            {
                ReminderScheduled s => new ReminderState(s.AlertId, s.SendAt, null),
                ReminderSent s when state is not null => state with { SentAt = s.SentAt },
                _ => state,
            };
        }
        return state;
    }
}
