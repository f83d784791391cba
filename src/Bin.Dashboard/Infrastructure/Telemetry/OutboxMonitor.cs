using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Infrastructure.Telemetry;

/// <summary>The outbox as last measured: messages waiting (queued or being sent) and the age of the oldest.</summary>
public sealed record OutboxSample(long Queued, long Sending, TimeSpan? OldestAge, DateTimeOffset MeasuredAt);

/// <summary>
/// Measures the outbox every <see cref="TelemetryOptions.OutboxSampleInterval"/> on every node, for the gauges and
/// the readiness check; a scrape or a health probe then never waits for the database. Counting uses the partial
/// index of due rows, so it stays cheap however many messages were ever sent.
/// </summary>
public sealed class OutboxMonitor(
    NpgsqlDataSource dataSource,
    IOptions<EventStoreOptions> store,
    IOptions<TelemetryOptions> options,
    TimeProvider clock,
    ILogger<OutboxMonitor> logger) : BackgroundService
{
    /// <summary>Null until the first measurement, and after one failed (the database is away: nothing is known).</summary>
    public OutboxSample? Latest { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxSampleInterval, clock);
        do
        {
            try
            {
                Latest = await MeasureAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
            {
                Latest = null;
                logger.LogDebug(ex, "Could not measure the outbox");
            }
        }
        while (await timer.WaitForNextTickAsync(ct).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    public async Task<OutboxSample> MeasureAsync(CancellationToken ct)
    {
        // A measurement that cannot be taken within 5 s counts as "PostgreSQL away", not as a hung readiness probe.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
        await using var command = new NpgsqlCommand($"""
            SELECT count(*) FILTER (WHERE status = 'queued'), count(*) FILTER (WHERE status = 'sending'), min(created_at)
            FROM {store.Value.Schema}.bin_outbox WHERE status IN ('queued', 'sending')
            """, connection) { CommandTimeout = 5 };
        await using var reader = await command.ExecuteReaderAsync(timeout.Token);
        await reader.ReadAsync(timeout.Token);
        var now = clock.GetUtcNow();
        TimeSpan? oldest = reader.IsDBNull(2) ? null : now - reader.GetFieldValue<DateTimeOffset>(2);
        return new OutboxSample(reader.GetInt64(0), reader.GetInt64(1), oldest, now);
    }
}
