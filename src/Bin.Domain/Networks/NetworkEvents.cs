using NetTopologySuite.Geometries;

namespace Bin.Domain.Networks;

/// <summary>Where a network stands in its life: founding, recognised and running, or no longer running.</summary>
public enum NetworkStatus
{
    Proposed,
    Founding,
    Active,
    Suspended,
    Dissolved,
}

/// <summary>A network (BIN) entered the system with its boundary. <paramref name="Indicative"/> marks a boundary
/// that is not the zone's official one (the demo seed's, until the zone imports its own).</summary>
public sealed record NetworkRegistered(
    Guid NetworkId,
    string Name,
    Polygon Boundary,
    NetworkStatus Status,
    bool Indicative,
    DateTimeOffset RegisteredAt);

/// <summary>The network's boundary was redrawn or imported.</summary>
public sealed record NetworkBoundaryChanged(
    Guid NetworkId,
    Polygon Boundary,
    bool Indicative,
    DateTimeOffset ChangedAt);
