using Bin.Dashboard.Infrastructure.EventStore;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Infrastructure.LiveFeed;

/// <summary>
/// Every node tails the event log itself, so a dashboard on any node sees events committed on any other.
/// A statement trigger on mt_events NOTIFYs listeners; a one-second poll covers a lost notification.
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
    TimeProvider clock,
    ILogger<EventTail> logger) : BackgroundService
{
    public const string Channel = "bin_events";

    /// <summary>Raised by a trigger on the SMS outbox: delivery progress changed (it is not kept as events).</summary>
    public const string OutboxChannel = "bin_outbox";
    private static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(3);
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
                    if (n.Channel == OutboxChannel) feed.RaiseOutboxChanged();
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {OutboxChannel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                if (_last < 0) _last = await CurrentHighWaterAsync(connection, ct);
                feed.SetStatus(new FeedStatus(true, _last, clock.GetUtcNow(), null));
                logger.LogInformation("Live feed tailing the event log from sequence {Sequence}", _last);

                while (!ct.IsCancellationRequested)
                {
                    await ReadNewEventsAsync(ct);
                    await connection.WaitAsync(TimeSpan.FromSeconds(1), ct);
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
