using Bin.Domain.Members;
using Bin.Domain.Tips;

namespace Bin.Domain.Feedback;

/// <summary>Schedule feedback for an alert: a library template or own text, at a time or N minutes after the incident closes.</summary>
public sealed record ScheduleFeedback(
    Guid FeedbackId,
    Guid AlertId,
    string? FeedbackTemplateId,
    string? Text,
    DateTimeOffset? SendAt,
    int? AfterCloseMinutes);

/// <summary>
/// Change scheduled feedback. A part left out stays as it is: no template and no text keeps the texts; no
/// <see cref="SendAt"/> and no <see cref="AfterCloseMinutes"/> keeps the timing. Giving one timing replaces the other.
/// </summary>
public sealed record RescheduleFeedback(
    Guid FeedbackId,
    string? FeedbackTemplateId,
    string? Text,
    DateTimeOffset? SendAt,
    int? AfterCloseMinutes);

public sealed record CancelFeedback(Guid FeedbackId);

/// <summary>What scheduling needs to know about the alert and its incident; gathered by the host. Null: no such alert.</summary>
public sealed record FeedbackAlert(Guid AlertId, Guid IncidentId, DateTimeOffset IssuedAt, DateTimeOffset? IncidentClosedAt);

/// <summary>The texts a feedback sends, per language code, with the template they came from (null for own text).</summary>
public sealed record FeedbackTexts(string? FeedbackTemplateId, IReadOnlyDictionary<string, string> ByLanguage);

/// <summary>
/// Pure decisions for a feedback's stream. Input errors name the API field (<c>text</c>, <c>templateId</c>,
/// <c>sendAt</c>, <c>afterCloseMinutes</c>); an unknown alert names <c>alertId</c>, an unknown feedback <c>feedbackId</c>;
/// a step the feedback's status no longer allows (changing or cancelling what was sent or cancelled) names no field.
/// </summary>
public static class FeedbackDecisions
{
    /// <summary>A send time up to this far in the past (a slow form, a clock a little behind) means "now".</summary>
    public static readonly TimeSpan SendAtTolerance = TimeSpan.FromMinutes(1);

    /// <summary>Feedback is a follow-up, not a calendar: at most this far ahead.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(30);

    /// <summary>At most one week after the incident is closed.</summary>
    public const int MaxAfterCloseMinutes = 7 * 24 * 60;

    /// <summary>A job may fire this much before the due time (clock differences between nodes) and still send.</summary>
    public static readonly TimeSpan EarlyFireTolerance = TimeSpan.FromSeconds(2);

    public static FeedbackScheduled Schedule(FeedbackState? state, FeedbackAlert? alert, ScheduleFeedback command, DateTimeOffset now)
    {
        if (state is not null)
            throw new DomainException(DomainMessages.FeedbackAlreadyScheduled, "feedbackId");
        var target = alert ?? throw new DomainException(DomainMessages.AlertNotFound, "alertId");
        var texts = ComposeTexts(command.FeedbackTemplateId, command.Text);
        var (sendAt, afterClose) = Timing(command.SendAt, command.AfterCloseMinutes, target, now);
        return new FeedbackScheduled(command.FeedbackId, target.AlertId, target.IncidentId, texts.FeedbackTemplateId, texts.ByLanguage,
            sendAt, afterClose, now);
    }

    public static FeedbackRescheduled Reschedule(FeedbackState? state, FeedbackAlert alert, RescheduleFeedback command, DateTimeOffset now)
    {
        var feedback = EnsureOpen(state, cancelling: false);
        var changesText = !string.IsNullOrWhiteSpace(command.FeedbackTemplateId) || !string.IsNullOrWhiteSpace(command.Text);
        var changesTime = command.SendAt is not null || command.AfterCloseMinutes is not null;
        if (!changesText && !changesTime)
            throw new DomainException(DomainMessages.FeedbackNothingToChange, "text");
        var texts = changesText ? ComposeTexts(command.FeedbackTemplateId, command.Text) : new FeedbackTexts(feedback.FeedbackTemplateId, feedback.Texts);
        var (sendAt, afterClose) = changesTime
            ? Timing(command.SendAt, command.AfterCloseMinutes, alert, now)
            : (feedback.SendAt, feedback.AfterCloseMinutes);
        return new FeedbackRescheduled(feedback.Id, texts.FeedbackTemplateId, texts.ByLanguage, sendAt, afterClose, now);
    }

    public static FeedbackCancelled Cancel(FeedbackState? state, CancelFeedback command, DateTimeOffset now)
    {
        var feedback = EnsureOpen(state, cancelling: true);
        return new FeedbackCancelled(feedback.Id, now);
    }

    /// <summary>
    /// What the job records when it fires: <see cref="FeedbackSent"/> when the feedback is still scheduled and due,
    /// or null when there is nothing to do — already sent (a re-fired job), cancelled, not yet due (it was moved
    /// later) or waiting for its incident to close. Null is not an error: a job that finds nothing to do is done.
    /// </summary>
    public static FeedbackSent? Send(FeedbackState? state, DateTimeOffset? incidentClosedAt, int recipients, DateTimeOffset now)
    {
        if (state is not { Status: FeedbackStatus.Scheduled }) return null;
        if (state.DueAt(incidentClosedAt) is not { } due || due - EarlyFireTolerance > now) return null;
        return new FeedbackSent(state.Id, state.AlertId, recipients, now);
    }

    /// <summary>
    /// The texts for each member language: a library message in every language it has, or the officer's own text
    /// for everyone. The same checks as a tip (not empty, no control characters, at most four SMS segments).
    /// </summary>
    public static FeedbackTexts ComposeTexts(string? feedbackTemplateId, string? text)
    {
        var hasTemplate = !string.IsNullOrWhiteSpace(feedbackTemplateId);
        var hasText = !string.IsNullOrWhiteSpace(text);
        if (hasTemplate && hasText)
            throw new DomainException(DomainMessages.FeedbackTemplateAndText, "text");
        if (!hasTemplate && !hasText)
            throw new DomainException(DomainMessages.FeedbackTextMissing, "text");
        if (hasTemplate)
        {
            FeedbackTemplate template;
            try
            {
                template = FeedbackTemplates.Get(feedbackTemplateId!.Trim());
            }
            catch (DomainException ex) when (ex.Text is not null)
            {
                throw new DomainException(ex.Text, "templateId");
            }
            return new FeedbackTexts(template.Id, Languages.All.ToDictionary(l => l.Code(), l => ValidText(template.Text(l))));
        }
        var own = ValidText(text);
        return new FeedbackTexts(null, Languages.All.ToDictionary(l => l.Code(), _ => own));
    }

    private static string ValidText(string? text)
    {
        try
        {
            return TipText.Validate(text, DomainMessages.FeedbackRules).Value;
        }
        catch (DomainException ex) when (ex.Text is not null)
        {
            // The one text check is the tip's, worded for feedback; its field is this form's.
            throw new DomainException(ex.Text, "text");
        }
    }

    private static (DateTimeOffset? SendAt, int? AfterCloseMinutes) Timing(DateTimeOffset? sendAt, int? afterCloseMinutes, FeedbackAlert alert, DateTimeOffset now)
    {
        switch (sendAt, afterCloseMinutes)
        {
            case (null, null):
                throw new DomainException(DomainMessages.FeedbackWhenMissing, "sendAt");
            case (not null, not null):
                throw new DomainException(DomainMessages.FeedbackWhenBoth, "sendAt");
            case ({ } at, null):
                if (at < now - SendAtTolerance)
                    throw new DomainException(DomainMessages.FeedbackSendAtPast, "sendAt");
                if (at > now + MaxAhead)
                    throw new DomainException(DomainMessages.FeedbackTooFarAhead.With(MaxAhead.TotalDays), "sendAt");
                return (at < now ? now : at, null);
            case (null, { } minutes):
                if (minutes < 0 || minutes > MaxAfterCloseMinutes)
                    throw new DomainException(DomainMessages.FeedbackAfterCloseRange.With(MaxAfterCloseMinutes, minutes), "afterCloseMinutes");
                if (alert.IncidentClosedAt is { } closed && closed.AddMinutes(minutes) < now - SendAtTolerance)
                    throw new DomainException(
                        DomainMessages.FeedbackAfterClosePast.With((int)(now - closed).TotalMinutes, minutes), "afterCloseMinutes");
                return (null, minutes);
        }
    }

    private static FeedbackState EnsureOpen(FeedbackState? state, bool cancelling) => state switch
    {
        null => throw new DomainException(DomainMessages.FeedbackNotFound, "feedbackId"),
        { Status: FeedbackStatus.Sent } => throw new DomainException(cancelling ? DomainMessages.FeedbackSentNoCancel : DomainMessages.FeedbackSentNoChange),
        { Status: FeedbackStatus.Cancelled } => throw new DomainException(
            cancelling ? DomainMessages.FeedbackAlreadyCancelled : DomainMessages.FeedbackCancelledNoChange),
        _ => state,
    };
}

/// <summary>The optional reminder of an alert: the tip re-sent once, after a delay, to members who did not acknowledge it.</summary>
public static class ReminderDecisions
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 24 * 60;

    /// <summary>The reminder to record with an alert being issued, or null when none was asked for.</summary>
    public static ReminderScheduled? Schedule(Guid alertId, int? afterMinutes, DateTimeOffset issuedAt)
    {
        if (afterMinutes is not { } minutes) return null;
        if (minutes < MinMinutes || minutes > MaxMinutes)
            throw new DomainException(DomainMessages.ReminderRange.With(MinMinutes, MaxMinutes, minutes), "reminderAfterMinutes");
        return new ReminderScheduled(alertId, minutes, issuedAt.AddMinutes(minutes), issuedAt);
    }

    /// <summary>What the reminder job records: <see cref="ReminderSent"/> once, or null when there is no reminder or it was
    /// already sent (a re-fired job).</summary>
    public static ReminderSent? Send(ReminderState? state, int recipients, DateTimeOffset now) =>
        state is { SentAt: null } ? new ReminderSent(state.AlertId, recipients, now) : null;
}
