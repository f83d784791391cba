using Bin.Dashboard.Infrastructure.EventStore;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Infrastructure.LiveFeed;

/// <summary>
/// Every node tails the event log itself, so a dashboard on any node sees events committed on any other.
/// A statement trigger on mt_events NOTIFYs listeners; the tail reads only when notified (a notification is not lost
/// while the connection lives; after a reconnect it reads at once), polling each second only while it waits for a gap,
/// and every <see cref="IdlePoll"/> as a last resort. The same connection LISTENs for the features'
/// <see cref="DatabaseNotification"/>s (work queued in the outbox or inbox, alert progress), so idle nodes wait on
/// PostgreSQL instead of polling it; after a reconnect each of those is raised once, as it may have been missed.
/// Sequence numbers are taken before commit, so a later number can become visible before an earlier one:
/// the tail stops at a gap and waits for it to fill, skipping it only when it stays empty (a rolled-back
/// transaction) for <see cref="GapTimeout"/>.
/// </summary>
internal sealed class EventTail(
    IDocumentStore store,
    LiveFeed feed,
    LiveEventMapper mapper,
    NpgsqlDataSource dataSource,
    IOptions<EventStoreOptions> options,
    IEnumerable<DatabaseNotification> notifications,
    TimeProvider clock,
    ILogger<EventTail> logger) : BackgroundService
{
    public const string Channel = "bin_events";
    private static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan GapPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyList<DatabaseNotification> _notifications = notifications.ToList();
    private const int BatchSize = 500;

    private long _last = -1;
    private (long Sequence, DateTimeOffset Seen)? _gap;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = dataSource.CreateConnection();
                await connection.OpenAsync(ct);
                await EnsureTriggerAsync(connection, ct);
                connection.Notification += (_, n) =>
                {
                    foreach (var notification in _notifications)
                        if (n.Channel == notification.Channel) notification.Handle(n.Payload);
                };
                var channels = _notifications.Select(n => n.Channel).Append(Channel).Distinct();
                await using (var listen = new NpgsqlCommand(string.Concat(channels.Select(c => $"LISTEN {c};")), connection))
                    await listen.ExecuteNonQueryAsync(ct);
                foreach (var notification in _notifications) notification.Handle("");
                if (_last < 0) _last = await CurrentHighWaterAsync(connection, ct);
                feed.SetStatus(new FeedStatus(true, _last, clock.GetUtcNow(), null));
                logger.LogInformation("Live feed tailing the event log from sequence {Sequence}", _last);

                while (!ct.IsCancellationRequested)
                {
                    await ReadNewEventsAsync(ct);
                    await connection.WaitAsync(_gap is null ? IdlePoll : GapPoll, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                feed.SetStatus(feed.Status with { Connected = false, Problem = "PostgreSQL unreachable" });
                logger.LogWarning(ex, "Live feed lost PostgreSQL; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), clock, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ReadNewEventsAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var session = store.QuerySession();
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > _last)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);

            var ready = new List<IEvent>(events.Count);
            var expected = _last + 1;
            foreach (var e in events)
            {
                if (e.Sequence != expected && !GapExpired(expected)) break;
                ready.Add(e);
                expected = e.Sequence + 1;
            }
            if (ready.Count == 0) return;

            _gap = null;
            var batch = new List<LiveEvent>(ready.Count);
            foreach (var e in ready) batch.Add(await mapper.MapAsync(e, session, ct));
            var now = clock.GetUtcNow();
            // Events stamped long before they are read were written backdated (the demo history), not delayed.
            foreach (var e in ready)
                if (now - e.Timestamp is var lag && lag < TimeSpan.FromHours(1)) Telemetry.BinTelemetry.LiveFeedLag.Record(Math.Max(0, lag.TotalSeconds));
            _last = ready[^1].Sequence;
            feed.SetStatus(feed.Status with { Connected = true, LastSequence = _last, Problem = null });
            feed.Publish(batch);
            if (ready.Count < BatchSize) return;
        }
    }

    /// <summary>True once the missing sequence number has stayed missing long enough to be a rollback.</summary>
    private bool GapExpired(long missing)
    {
        var now = clock.GetUtcNow();
        if (_gap is not { } gap || gap.Sequence != missing)
        {
            _gap = (missing, now);
            return false;
        }
        return now - gap.Seen >= GapTimeout;
    }

    private async Task<long> CurrentHighWaterAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(seq_id), 0) FROM {options.Value.Schema}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task EnsureTriggerAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var schema = options.Value.Schema;
        var sql = $"""
            CREATE OR REPLACE FUNCTION {schema}.bin_notify_events() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_notify('{Channel}', ''); RETURN NULL; END $$;
            CREATE OR REPLACE TRIGGER bin_notify_events AFTER INSERT ON {schema}.mt_events
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.bin_notify_events();
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// A PostgreSQL notification channel a feature listens to on the event tail's connection. <paramref name="Handle"/>
/// gets the payload, or "" after a reconnect (something may have been missed): it must be cheap and not block.
/// </summary>
public sealed record DatabaseNotification(string Channel, Action<string> Handle);
