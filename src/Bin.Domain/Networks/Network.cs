using NetTopologySuite.Geometries;

namespace Bin.Domain.Networks;

/// <summary>The state of one network as its decisions need it, folded from its events.</summary>
public sealed record Network(
    Guid Id,
    string Name,
    Polygon Boundary,
    NetworkStatus Status,
    bool Indicative)
{
    public static Network Create(NetworkRegistered e) =>
        new(e.NetworkId, e.Name, e.Boundary, e.Status, e.Indicative);

    public Network Apply(NetworkBoundaryChanged e) => this with { Boundary = e.Boundary, Indicative = e.Indicative };
}
