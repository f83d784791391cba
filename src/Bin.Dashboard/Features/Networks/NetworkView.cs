using Bin.Domain.Networks;
using Marten.Events.Aggregation;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Features.Networks;

/// <summary>What the map and the network list show of one network.</summary>
public sealed class NetworkView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public NetworkStatus Status { get; set; }
    public bool Indicative { get; set; }
    public Polygon Boundary { get; set; } = null!;
    public DateTimeOffset RegisteredAt { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }
}

public sealed partial class NetworkViewProjection : SingleStreamProjection<NetworkView, Guid>
{
    public static NetworkView Create(NetworkRegistered e) => new()
    {
        Id = e.NetworkId,
        Name = e.Name,
        Status = e.Status,
        Indicative = e.Indicative,
        Boundary = e.Boundary,
        RegisteredAt = e.RegisteredAt,
    };

    public static void Apply(NetworkBoundaryChanged e, NetworkView view)
    {
        view.Boundary = e.Boundary;
        view.Indicative = e.Indicative;
    }
}
