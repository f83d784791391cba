namespace Bin.Dashboard.Infrastructure.LiveFeed;

/// <summary>
/// A committed event as dashboards receive it: its global sequence (for catching up after a reconnect),
/// its type name, the stream it belongs to, when it happened and which networks it concerns (so a
/// coordinator gets only their own BIN's).
/// </summary>
public sealed record LiveEvent(
    long Sequence,
    string Type,
    Guid StreamId,
    DateTimeOffset Timestamp,
    IReadOnlyList<Guid> NetworkIds,
    object Data);
