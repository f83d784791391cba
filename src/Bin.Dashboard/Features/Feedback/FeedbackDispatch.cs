using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain.Feedback;
using Bin.Domain.Members;
using Bin.Domain.Sms;
using Marten;
using Npgsql;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>
/// What the jobs do when they fire: read the stream, let the pure decision say whether there is anything to send,
/// then write the event and one outbox message per recipient in ONE transaction, appending with the expected
/// version. A job killed before the commit leaves nothing behind and sends everything when it runs again; a job
/// killed after it finds the event on its next run and does nothing; two runs at once cannot both commit (the
/// second decides once more and finds nothing to send). The
/// outbox sender takes the messages from there, on any node.
/// </summary>
public sealed class FeedbackDispatch(
    IDocumentStore store,
    IMemberDirectory members,
    NpgsqlDataSource dataSource,
    OutboxWriter outbox,
    OutboxProgress progress,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<FeedbackDispatch> logger)
{
    /// <summary>Who the jobs act as in the events' metadata.</summary>
    public const string Actor = "scheduler";

    /// <summary>A concurrent run that committed first makes this one look again (<see cref="ConcurrentChange"/>), find
    /// the feedback sent, and do nothing.</summary>
    public Task<FeedbackSent?> SendFeedbackAsync(Guid feedbackId, CancellationToken ct) =>
        ConcurrentChange.RetryOnceAsync(FeedbackState.Subject, token => SendFeedbackOnceAsync(feedbackId, token), ct);

    private async Task<FeedbackSent?> SendFeedbackOnceAsync(Guid feedbackId, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var (state, version) = await CommandPipeline.LoadAsync<FeedbackState>(query, feedbackId, ct);
        if (state is null)
        {
            logger.LogWarning("Feedback {FeedbackId} fired but does not exist", feedbackId);
            return null;
        }
        var closedAt = (await query.LoadAsync<IncidentView>(state.IncidentId, ct))?.ClosedAt;
        var now = clock.GetUtcNow();
        if (FeedbackDecisions.Send(state, closedAt, 0, now) is null)
        {
            logger.LogInformation("Feedback {FeedbackId} fired with nothing to do ({Status}, due {DueAt})", feedbackId, state.Status, state.DueAt(closedAt));
            return null;
        }

        var alert = await query.LoadAsync<AlertView>(state.AlertId, ct);
        var recipients = await RecipientsAsync(alert, unacknowledgedOnly: false, ct);
        var messages = recipients.Select(r =>
        {
            var body = state.Texts.GetValueOrDefault(r.Language) ?? state.Texts[Languages.Default.Code()];
            return new OutboxMessage(Guid.CreateVersion7(), state.AlertId, r.MemberId, r.NetworkId, MessageKind.Feedback, r.Language, r.Phone,
                body, SmsEncoding.Analyze(body).Segments);
        }).ToList();
        var sent = FeedbackDecisions.Send(state, closedAt, messages.Count, now)!;
        await CommitAsync(feedbackId, version + 1, sent, messages, now, ct);
        logger.LogInformation("Feedback {FeedbackId} of alert {AlertId} queued for {Recipients} members", feedbackId, state.AlertId, messages.Count);
        return sent;
    }

    public Task<ReminderSent?> SendReminderAsync(Guid alertId, CancellationToken ct) =>
        ConcurrentChange.RetryOnceAsync(ReminderState.Subject, token => SendReminderOnceAsync(alertId, token), ct);

    private async Task<ReminderSent?> SendReminderOnceAsync(Guid alertId, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var (state, version) = await CommandPipeline.LoadAsync<ReminderState>(query, alertId, ct);
        var now = clock.GetUtcNow();
        if (ReminderDecisions.Send(state, 0, now) is null)
        {
            logger.LogInformation("Reminder of alert {AlertId} fired with nothing to do", alertId);
            return null;
        }

        var alert = await query.LoadAsync<AlertView>(alertId, ct);
        var recipients = await RecipientsAsync(alert, unacknowledgedOnly: true, ct);
        var messages = recipients.Select(r =>
        {
            var body = alert!.Texts.GetValueOrDefault(r.Language) ?? alert.Texts[Languages.Default.Code()];
            return new OutboxMessage(Guid.CreateVersion7(), alertId, r.MemberId, r.NetworkId, MessageKind.Reminder, r.Language, r.Phone,
                body, SmsEncoding.Analyze(body).Segments);
        }).ToList();
        var sent = ReminderDecisions.Send(state, messages.Count, now)!;
        await CommitAsync(alertId, version + 1, sent, messages, now, ct);
        logger.LogInformation("Reminder of alert {AlertId} queued for {Recipients} members who did not acknowledge", alertId, messages.Count);
        return sent;
    }

    private sealed record Addressee(Guid MemberId, Guid NetworkId, string Language, string Phone);

    /// <summary>The alert's tip recipients who are still active members (opted-out and erased ones are skipped), at their
    /// current number, in the language and network of their tip.</summary>
    private async Task<IReadOnlyList<Addressee>> RecipientsAsync(AlertView? alert, bool unacknowledgedOnly, CancellationToken ct)
    {
        if (alert is null) return [];
        var tipped = await progress.TipRecipientsAsync(alert.Id, unacknowledgedOnly, ct);
        if (tipped.Count == 0) return [];
        var active = (await members.ActiveRecipientsAsync(alert.NetworkIds, ct)).ToDictionary(r => r.MemberId);
        return tipped
            .Where(t => active.ContainsKey(t.MemberId))
            .Select(t => new Addressee(t.MemberId, t.NetworkId, t.Language, active[t.MemberId].Phone))
            .ToList();
    }

    private async Task CommitAsync(Guid streamId, long expectedVersion, object e, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (messages.Count > 0) await outbox.InsertAsync(connection, messages, now, ct);
        await using (var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, shouldAutoCommit: false)))
        {
            session.LastModifiedBy = Actor;
            // The expected version makes a concurrent second run fail here, taking its messages down with it.
            session.Events.Append(streamId, expectedVersion, e);
            await session.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        signal.Wake();
    }
}
