using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Bin.Domain.Networks;

public sealed record RegisterNetwork(Guid NetworkId, string Name, Polygon Boundary, NetworkStatus Status, bool Indicative);

public sealed record ChangeNetworkBoundary(Guid NetworkId, Polygon Boundary, bool Indicative);

/// <summary>Pure decisions for a network's stream: state + command → events, or a <see cref="DomainException"/>.</summary>
public static class NetworkDecisions
{
    public const int MaxNameLength = 80;

    public static NetworkRegistered Register(Network? existing, RegisterNetwork command, DateTimeOffset now)
    {
        if (existing is not null)
            throw new DomainException($"Network {command.NetworkId} is already registered.", "networkId");
        var name = command.Name?.Trim() ?? "";
        if (name.Length == 0)
            throw new DomainException("A network needs a name.", "name");
        if (name.Length > MaxNameLength)
            throw new DomainException($"A network name is at most {MaxNameLength} characters.", "name");
        EnsureValidBoundary(command.Boundary);
        return new NetworkRegistered(command.NetworkId, name, command.Boundary, command.Status, command.Indicative, now);
    }

    public static NetworkBoundaryChanged ChangeBoundary(Network? network, ChangeNetworkBoundary command, DateTimeOffset now)
    {
        if (network is null)
            throw new DomainException($"Network {command.NetworkId} does not exist.", "networkId");
        EnsureValidBoundary(command.Boundary);
        return new NetworkBoundaryChanged(command.NetworkId, command.Boundary, command.Indicative, now);
    }

    /// <summary>One place decides whether a boundary can be a network: a simple, closed, valid ring in WGS84.</summary>
    public static void EnsureValidBoundary(Polygon? boundary)
    {
        if (boundary is null || boundary.IsEmpty)
            throw new DomainException("A network needs a boundary polygon.", "boundary");
        if (boundary.ExteriorRing.NumPoints < 4)
            throw new DomainException("A boundary needs at least three distinct points.", "boundary");
        var validity = new IsValidOp(boundary).ValidationError;
        if (validity is not null)
            throw new DomainException(
                $"The boundary is not a valid polygon: {validity.Message} near {validity.Coordinate.Y:0.#####} N {validity.Coordinate.X:0.#####} E.",
                "boundary");
        foreach (var c in boundary.Coordinates)
        {
            if (c.Y is < -90 or > 90 || c.X is < -180 or > 180)
                throw new DomainException("Boundary coordinates must be WGS84 longitude/latitude in degrees.", "boundary");
        }
    }
}
