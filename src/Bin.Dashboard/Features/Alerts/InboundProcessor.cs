using System.Collections.Concurrent;
using Bin.Dashboard.Features.Members;
using Bin.Domain.Alerts;
using Bin.Domain.Members;
using Bin.Domain.Sms;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>
/// Records what received SMS mean, on every node, a batch at a time: the batch is locked in the inbox
/// (<c>FOR UPDATE SKIP LOCKED</c>), decided by <see cref="InboundDecisions"/>, and its events, the acknowledgement
/// marks in the outbox, opt-out confirmations and the inbox marks are written in that one transaction — so each
/// message is recorded exactly once, whichever node takes it, and a crash records nothing half.
/// A batch that fails is taken apart and each message retried alone, so one bad message holds up no other; a
/// message that keeps failing is given up after <see cref="AlertOptions.InboundMaxAttempts"/> and logged.
/// </summary>
internal sealed class InboundProcessor(
    InboundStore inbox,
    InboundSignal signal,
    IDocumentStore store,
    IMemberDirectory members,
    NpgsqlDataSource dataSource,
    OutboxWriter outboxWriter,
    OutboxDispatch outbox,
    OutboxSignal outboxSignal,
    IOptions<AlertOptions> options,
    TimeProvider clock,
    ILogger<InboundProcessor> logger) : BackgroundService
{
    /// <summary>A last-resort look for pending messages: its own webhook wakes a node at once, another node's through a
    /// PostgreSQL notification on the inbox (AlertProgressTable.InboundChannel).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    /// <summary>An alert's incident never changes: remembered so acknowledgements do not load the alert again.</summary>
    private readonly ConcurrentDictionary<Guid, Guid> _incidentOfAlert = new();

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await ProcessAsync(options.Value.InboundBatchSize, null, ct) == 0)
                {
                    await PruneWhenDueAsync(ct);
                    await signal.WaitAsync(Poll, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable or the like: nothing was recorded, every message is still in the inbox.
                logger.LogError(ex, "Recording received SMS failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), clock, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Once an hour, when there is nothing to record, old inbox rows go (every node may; deleting twice is harmless).</summary>
    private async Task PruneWhenDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPrune) return;
        _nextPrune = now + PruneEvery;
        var pruned = await inbox.PruneAsync(now - options.Value.InboundRetention, ct);
        if (pruned > 0) logger.LogInformation("Deleted {Count} received SMS recorded more than {Days} days ago", pruned, options.Value.InboundRetention.TotalDays);
    }

    /// <summary>Records up to <paramref name="max"/> pending messages (or just <paramref name="messageSid"/>); returns how many were taken.</summary>
    internal async Task<int> ProcessAsync(int max, string? messageSid, CancellationToken ct)
    {
        IReadOnlyList<PendingInbound> pending;
        Exception failure;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            pending = await inbox.ClaimAsync(connection, transaction, max, messageSid, ct);
            if (pending.Count == 0) return 0;
            using var activity = Infrastructure.Telemetry.BinTelemetry.Start("sms inbound record")?.SetTag("bin.messages", pending.Count);
            try
            {
                var confirmations = await RecordAsync(connection, transaction, pending, ct);
                await transaction.CommitAsync(ct);
                if (confirmations) outboxSignal.Wake();
                return pending.Count;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && !IsTransient(ex))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                failure = ex;
            }
        }

        if (pending.Count == 1)
        {
            var sid = pending[0].MessageSid;
            var givenUp = await inbox.RecordFailureAsync(sid, failure.GetType().Name + ": " + failure.Message, options.Value.InboundMaxAttempts, clock.GetUtcNow(), ct);
            if (givenUp) logger.LogError(failure, "Received SMS {MessageSid} could not be recorded and was given up", sid);
            else logger.LogWarning(failure, "Received SMS {MessageSid} could not be recorded; it will be retried", sid);
            return 1;
        }
        // Usually another node appending to the same member's stream at the same moment; rarely one bad message.
        // Alone, each message either goes through or is counted against itself only.
        logger.LogWarning(failure, "Recording a batch of {Count} received SMS failed; recording them one by one", pending.Count);
        foreach (var message in pending)
            await ProcessAsync(1, message.MessageSid, ct);
        return pending.Count;
    }

    /// <summary>The database is unreachable or restarting: no message is to blame, and none is counted as failed.</summary>
    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    /// <summary>Writes the batch's effects in the caller's transaction; true when an SMS was queued (an opt-out confirmation).</summary>
    private async Task<bool> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingInbound> pending, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var phones = pending.ToDictionary(p => p.MessageSid, p => Normalise(p.From));
        // Another node may be recording an earlier message of the same sender: wait for it, so the state read below
        // (active or not, tip acknowledged or not) includes what it wrote. Without this, two STOPs taken by two nodes
        // both found the member active and both sent a confirmation.
        await inbox.LockSendersAsync(connection, transaction, phones.Values.OfType<string>().ToList(), ct);
        var senders = await members.FindByPhonesAsync(phones.Values.OfType<string>().Distinct().ToList(), ct);
        MemberMatch? SenderOf(PendingInbound p) => phones[p.MessageSid] is { } phone ? senders.GetValueOrDefault(phone) : null;

        var window = options.Value.AcknowledgementWindow;
        var since = pending.Where(p => SenderOf(p) is not null)
            .GroupBy(p => SenderOf(p)!.MemberId)
            .ToDictionary(g => g.Key, g => g.Min(p => p.ReceivedAt) - window);
        var tips = await outbox.LatestTipsAsync(connection, transaction, since, ct);

        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
        session.LastModifiedBy = "sms";
        var incidents = await IncidentsOfAsync(session, tips.Values.Select(t => t.AlertId), ct);

        var answers = pending.Select(p =>
        {
            var sender = SenderOf(p);
            var tip = sender is null ? null : tips.GetValueOrDefault(sender.MemberId);
            var answered = tip is not null && incidents.TryGetValue(tip.AlertId, out var incident)
                ? new AnsweredTip(tip.MessageId, tip.AlertId, incident, tip.NetworkId, tip.AlreadyAcknowledged)
                : null;
            return new ReceivedAnswer(p.MessageSid, p.ReceivedAt, p.Body, sender?.MemberId, sender?.Active ?? false, answered);
        }).ToList();
        var outcomes = InboundDecisions.Decide(answers);

        var confirmations = false;
        var repeatedOptOuts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in outcomes.Where(o => o.OptOut))
        {
            // Opting out first (it is idempotent, in its own transaction): should this batch fail after it, the retry
            // finds the member already out — the member is never kept in. Only the call that changed the member
            // confirms: an opt-out that found the member already out (recorded by a dashboard user meanwhile) does not.
            var member = senders.Values.First(m => m.MemberId == outcome.MemberId);
            if (!await members.OptOutAsync(member.MemberId, "sms", ct))
            {
                repeatedOptOuts.Add(outcome.MessageSid);
                continue;
            }
            var text = OptOutConfirmation(member.Language);
            var phone = phones[outcome.MessageSid]!;
            outboxWriter.QueueInsert(session, new OutboxMessage(Guid.CreateVersion7(), null, member.MemberId, Guid.Empty,
                MessageKind.Confirmation, member.Language, phone, text, SmsEncoding.Analyze(text).Segments), now);
            confirmations = true;
        }
        foreach (var stream in outcomes.Where(o => o.Event is not null).GroupBy(o => o.MemberId!.Value))
            session.Events.Append(stream.Key, stream.Select(o => o.Event!).ToArray());
        await session.SaveChangesAsync(ct);

        var acknowledgements = outcomes.Select(o => o.Event).OfType<TipAcknowledged>()
            .Select(a => new OutboxDispatch.Acknowledgement(a.AlertId, a.MemberId, a.AcknowledgedAt)).ToList();
        await outbox.AcknowledgeAsync(connection, transaction, acknowledgements, ct);
        await inbox.MarkRecordedAsync(connection, transaction, outcomes.Select(o => new RecordedInbound(o.MessageSid, o.MemberId,
            repeatedOptOuts.Contains(o.MessageSid) ? "opt-out-repeated" : Intent(o))).ToList(), now, ct);

        var strangers = outcomes.Count(o => o.MemberId is null);
        if (strangers > 0) logger.LogInformation("{Count} received SMS came from numbers that are not members; recorded, not acted on", strangers);
        return confirmations;
    }

    private async Task<IReadOnlyDictionary<Guid, Guid>> IncidentsOfAsync(IQuerySession session, IEnumerable<Guid> alertIds, CancellationToken ct)
    {
        var wanted = alertIds.Distinct().ToList();
        var unknown = wanted.Where(id => !_incidentOfAlert.ContainsKey(id)).ToArray();
        if (unknown.Length > 0)
            foreach (var alert in await session.LoadManyAsync<AlertView>(ct, unknown))
                _incidentOfAlert.TryAdd(alert.Id, alert.IncidentId);
        return wanted.Where(_incidentOfAlert.ContainsKey).ToDictionary(id => id, id => _incidentOfAlert[id]);
    }

    private static string Intent(AnswerOutcome outcome) => outcome switch
    {
        { MemberId: null } => "not-a-member",
        { Ignored: true } => outcome.Intent == InboundIntent.Acknowledge ? "acknowledge-repeated" : "opt-out-repeated",
        _ => outcome.Intent switch
        {
            InboundIntent.Acknowledge when outcome.Event is TipAcknowledged => "acknowledge",
            InboundIntent.OptOut => "opt-out",
            _ => "reply",
        },
    };

    private static string? Normalise(string from)
    {
        try
        {
            return PhoneNumber.Parse(from, anyCountry: true).E164;
        }
        catch (Bin.Domain.DomainException)
        {
            return null;
        }
    }

    private static string OptOutConfirmation(string language) => language switch
    {
        "fr" => "Police Lommel - BIN: vous ne recevrez plus de messages du BIN. Pour vous reinscrire, contactez votre coordinateur BIN.",
        "de" => "Polizei Lommel - BIN: Sie erhalten keine Nachrichten des BIN mehr. Zur erneuten Anmeldung wenden Sie sich an Ihren BIN-Koordinator.",
        "en" => "Police Lommel - BIN: you will no longer receive BIN messages. To join again, contact your BIN coordinator.",
        _ => "Politie Lommel - BIN: u ontvangt geen berichten van het BIN meer. Opnieuw inschrijven kan via uw BIN-coordinator.",
    };
}
