using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Dashboard.Features.Sms.Simulator;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain.Alerts;
using Marten;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bin.Dashboard.Features.Privacy;

/// <summary>What one retention run removed; stored as a document, so the data protection officer can see that
/// retention runs and what it did (counts only, never what was removed).</summary>
public sealed record RetentionRun
{
    public Guid Id { get; init; }
    public DateTimeOffset At { get; init; }
    public int JoinApplicationsDeleted { get; init; }
    public int ClientKeysDropped { get; init; }
    public int OutboxMessagesBlanked { get; init; }
    public int RepliesMasked { get; init; }
    public int SimulatorMessagesDeleted { get; init; }
}

/// <summary>
/// Applies the retention limits of <see cref="PrivacyOptions"/> as of the clock's now. Every step is an idempotent
/// "older than" clean-up, so running twice, late, or on two nodes at once removes nothing more and nothing less.
/// </summary>
public sealed class PrivacyRetention(
    IDocumentStore store,
    IOptions<PrivacyOptions> options,
    Npgsql.NpgsqlDataSource dataSource,
    IOptions<EventStoreOptions> eventStore,
    TimeProvider clock,
    ILogger<PrivacyRetention> logger)
{
    public async Task<RetentionRun> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var limits = options.Value;
        var schema = eventStore.Value.Schema;
        int joins, keys, outbox, replies, simulator;

        await using (var session = store.LightweightSession())
        {
            session.LastModifiedBy = "retention";
            var joinCutoff = now - limits.UnconfirmedJoinRetention;
            var unconfirmed = await session.Query<JoinApplication>()
                .Where(a => (a.Status == JoinApplicationStatus.AwaitingCode || a.Status == JoinApplicationStatus.Locked) && a.CreatedAt < joinCutoff)
                .Select(a => a.Id).ToListAsync(ct);
            foreach (var id in unconfirmed) session.Delete<JoinApplication>(id);
            joins = unconfirmed.Count;

            var keyed = await session.Query<JoinApplication>().Where(a => a.CreatedAt < joinCutoff && a.ClientKey != "").ToListAsync(ct);
            foreach (var application in keyed.Where(a => !unconfirmed.Contains(a.Id)))
            {
                application.ClientKey = "";
                session.Store(application);
            }
            keys = keyed.Count(a => !unconfirmed.Contains(a.Id));

            var simulatorCutoff = now.AddDays(-limits.SimulatorRetentionDays);
            simulator = await session.Query<SimulatedSms>().CountAsync(m => m.At < simulatorCutoff, ct);
            session.DeleteWhere<SimulatedSms>(m => m.At < simulatorCutoff);
            session.DeleteWhere<SimulatedPhone>(p => p.LastAt < simulatorCutoff);
            await session.SaveChangesAsync(ct);
        }

        await using (var connection = dataSource.CreateConnection())
        {
            await connection.OpenAsync(ct);
            // Only messages whose fate is settled: a queued one still needs its number.
            await using var blank = new Npgsql.NpgsqlCommand($"""
                UPDATE {schema}.bin_outbox SET phone = NULL, body = ''
                WHERE created_at < @cutoff AND status NOT IN ('queued', 'sending') AND (phone IS NOT NULL OR body <> '')
                """, connection);
            blank.Parameters.AddWithValue("cutoff", now.AddDays(-limits.OutboxRetentionDays));
            outbox = await blank.ExecuteNonQueryAsync(ct);
        }

        replies = await MaskOldRepliesAsync(now.AddDays(-limits.ReplyRetentionDays), schema, ct);

        var run = new RetentionRun
        {
            Id = Guid.CreateVersion7(), At = now, JoinApplicationsDeleted = joins, ClientKeysDropped = keys,
            OutboxMessagesBlanked = outbox, RepliesMasked = replies, SimulatorMessagesDeleted = simulator,
        };
        await using (var session = store.LightweightSession())
        {
            session.Store(run);
            await session.SaveChangesAsync(ct);
        }
        logger.LogInformation(
            "Retention: {Joins} unconfirmed join applications deleted, {Keys} address keys dropped, {Outbox} sent SMS blanked, {Replies} reply texts masked, {Simulator} simulator messages deleted",
            joins, keys, outbox, replies, simulator);
        return run;
    }

    /// <summary>Masks the texts of replies received before <paramref name="cutoff"/> in the events (Marten's masking,
    /// the same rule an erasure uses) and in the replay timeline; the replies themselves stay, so they are still counted.</summary>
    private async Task<int> MaskOldRepliesAsync(DateTimeOffset cutoff, string schema, CancellationToken ct)
    {
        List<Guid> members;
        int count;
        await using (var query = store.QuerySession())
        {
            var old = await query.Events.QueryRawEventDataOnly<ReplyReceived>()
                .Where(r => r.ReceivedAt < cutoff && r.Text != "")
                .Select(r => r.MemberId).ToListAsync(ct);
            count = old.Count;
            members = old.Distinct().ToList();
        }
        if (members.Count > 0)
            await store.Advanced.ApplyEventDataMasking(m =>
            {
                foreach (var member in members)
                    m.IncludeStream(member, e => e.Data is ReplyReceived r && r.ReceivedAt < cutoff);
            }, ct);

        await using var session = store.LightweightSession();
        session.QueueSqlCommand(
            $"UPDATE {schema}.{TimelineTable.Name} SET detail = NULL WHERE kind = '{TimelineKinds.ReplyReceived}' AND at < ?::timestamptz AND detail IS NOT NULL",
            cutoff);
        await session.SaveChangesAsync(ct);
        return count;
    }
}

/// <summary>Runs <see cref="PrivacyRetention"/> on one node of the Quartz cluster every
/// <see cref="PrivacyOptions.RetentionInterval"/>.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(PrivacyRetention retention) : IJob
{
    public static readonly JobKey Key = new("privacy-retention", "privacy");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) => await retention.RunAsync(ct);
}
