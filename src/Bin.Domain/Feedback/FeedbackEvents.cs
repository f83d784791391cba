namespace Bin.Domain.Feedback;

// Feedback lives in a stream of its own, one per feedback id (not on the alert's stream): a feedback has its own
// short life (scheduled → rescheduled → sent or cancelled) that the job reads and appends to with an expected
// version, several may exist for one alert, and the alert stream stays as it was issued. Texts are keyed by
// language code (nl, fr, de, en) like AlertIssued's, so each recipient gets the feedback in the language of their tip.
// The reminder to non-responders is part of the alert itself (chosen when issuing), so its two events live on the
// alert's stream.

/// <summary>
/// An officer scheduled feedback for an alert's recipients: either at <paramref name="SendAt"/>, or
/// <paramref name="AfterCloseMinutes"/> after the alert's incident is closed (exactly one of the two is set).
/// <paramref name="FeedbackTemplateId"/> is the library message it came from, or null for the officer's own text.
/// </summary>
public sealed record FeedbackScheduled(
    Guid FeedbackId,
    Guid AlertId,
    Guid IncidentId,
    string? FeedbackTemplateId,
    IReadOnlyDictionary<string, string> Texts,
    DateTimeOffset? SendAt,
    int? AfterCloseMinutes,
    DateTimeOffset ScheduledAt);

/// <summary>The feedback's text and/or timing changed before it was sent; the values are the new complete state.</summary>
public sealed record FeedbackRescheduled(
    Guid FeedbackId,
    string? FeedbackTemplateId,
    IReadOnlyDictionary<string, string> Texts,
    DateTimeOffset? SendAt,
    int? AfterCloseMinutes,
    DateTimeOffset RescheduledAt);

/// <summary>The feedback was called off before it was sent.</summary>
public sealed record FeedbackCancelled(Guid FeedbackId, DateTimeOffset CancelledAt);

/// <summary>
/// The feedback was handed to the outbox: one message per original recipient of the alert still a member, in the
/// language of their tip. Recorded in the same transaction as the messages, so it is the proof that nothing
/// must be sent again.
/// </summary>
public sealed record FeedbackSent(Guid FeedbackId, Guid AlertId, int Recipients, DateTimeOffset SentAt);

/// <summary>On the alert's stream: when issuing, the officer asked to re-send the tip once, <paramref name="AfterMinutes"/>
/// later, to recipients who have not acknowledged it.</summary>
public sealed record ReminderScheduled(Guid AlertId, int AfterMinutes, DateTimeOffset SendAt, DateTimeOffset ScheduledAt);

/// <summary>On the alert's stream: the reminder went into the outbox for <paramref name="Recipients"/> members (possibly
/// none, when everyone acknowledged). Recorded with the messages in one transaction.</summary>
public sealed record ReminderSent(Guid AlertId, int Recipients, DateTimeOffset SentAt);
