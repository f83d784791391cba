using NetTopologySuite.Geometries;

namespace Bin.Domain.Networks;

/// <summary>
/// Where a network stands in its life: an idea (proposed), being founded, recognised by FOD Binnenlandse Zaken,
/// running (active), paused (suspended) or ended (dissolved). Values are stored by number: add new ones at the end.
/// </summary>
public enum NetworkStatus
{
    Proposed,
    Founding,
    Active,
    Suspended,
    Dissolved,
    Recognised,
}

/// <summary>Every event of a network's stream names its network, so the live feed and readers need no lookup.</summary>
public interface INetworkEvent
{
    Guid NetworkId { get; }
}

/// <summary>A network (BIN) entered the system with its boundary. <paramref name="Indicative"/> marks a boundary
/// that is not the zone's official one (the demo seed's, until the zone imports its own).</summary>
public sealed record NetworkRegistered(
    Guid NetworkId,
    string Name,
    Polygon Boundary,
    NetworkStatus Status,
    bool Indicative,
    DateTimeOffset RegisteredAt) : INetworkEvent;

/// <summary>The network's boundary was redrawn or imported.</summary>
public sealed record NetworkBoundaryChanged(
    Guid NetworkId,
    Polygon Boundary,
    bool Indicative,
    DateTimeOffset ChangedAt) : INetworkEvent;
