using Marten;

namespace Bin.Dashboard.Features.Replay.Timeline;

/// <summary>Records that the timeline holds every event up to <see cref="ThroughSequence"/> (written by the backfill).</summary>
public sealed class TimelineMarker
{
    public const string Key = "timeline";

    /// <summary>Raise when the rows change shape: every node then fills the table again from the events.</summary>
    public const int CurrentVersion = 2; // 2: feedback and reminders

    public string Id { get; set; } = Key;
    public int Version { get; set; }
    public long ThroughSequence { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>
/// Fills the timeline from events stored before it existed (an installation upgraded to this version), once, at
/// start-up: the inline projection covers everything appended since. Reads the event log in sequence order in
/// batches and hands each batch to the same <see cref="TimelineProjection"/>; rows are keyed by event id, so two
/// nodes doing this at once, or a backfill overlapping live appends, write each row once.
/// </summary>
internal sealed class TimelineBackfill(IDocumentStore store, TimelineProjection projection, TimeProvider clock, ILogger<TimelineBackfill> logger)
    : IHostedService
{
    private const int BatchSize = 2_000;

    public async Task StartAsync(CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            var marker = await query.LoadAsync<TimelineMarker>(TimelineMarker.Key, ct);
            if (marker?.Version == TimelineMarker.CurrentVersion) return;
        }

        var upTo = await HighestSequenceAsync(ct);
        long after = 0, written = 0;
        while (after < upTo)
        {
            await using var session = store.LightweightSession();
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > after && e.Sequence <= upTo)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (events.Count == 0) break;
            await projection.ApplyAsync(session, events, ct);
            await session.SaveChangesAsync(ct);
            after = events[^1].Sequence;
            written += events.Count;
        }

        await using (var session = store.LightweightSession())
        {
            session.Store(new TimelineMarker { Version = TimelineMarker.CurrentVersion, ThroughSequence = upTo, CompletedAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(ct);
        }
        if (written > 0) logger.LogInformation("Replay timeline filled from {Events} stored events (through sequence {Sequence})", written, upTo);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task<long> HighestSequenceAsync(CancellationToken ct) =>
        (await store.Advanced.FetchEventStoreStatistics(token: ct)).EventSequenceNumber;
}
