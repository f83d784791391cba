using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Bin.Domain.Networks;

public sealed record RegisterNetwork(Guid NetworkId, string Name, Polygon Boundary, NetworkStatus Status, bool Indicative);

public sealed record ChangeNetworkBoundary(Guid NetworkId, Polygon Boundary, bool Indicative);

/// <summary>A new network proposed with a drawn boundary: it starts the founding workflow with its idea.</summary>
public sealed record ProposeNetwork(Guid NetworkId, string Name, Polygon Boundary, bool Indicative, IdeaSource Source, string? Summary);

/// <summary>Pure decisions for a network's stream: state + command → events, or a <see cref="DomainException"/>.</summary>
public static class NetworkDecisions
{
    public const int MaxNameLength = 80;

    public static NetworkRegistered Register(Network? existing, RegisterNetwork command, DateTimeOffset now)
    {
        if (existing is not null)
            throw new DomainException(DomainMessages.NetworkAlreadyRegistered.With(command.NetworkId), "networkId");
        var name = command.Name?.Trim() ?? "";
        if (name.Length == 0)
            throw new DomainException(DomainMessages.NetworkNameRequired, "name");
        if (name.Length > MaxNameLength)
            throw new DomainException(DomainMessages.NetworkNameTooLong.With(MaxNameLength), "name");
        EnsureValidBoundary(command.Boundary);
        return new NetworkRegistered(command.NetworkId, name, command.Boundary, command.Status, command.Indicative, now);
    }

    /// <summary>
    /// A proposed network: registered with status <see cref="NetworkStatus.Proposed"/> and its founding idea, in one
    /// go. The boundary must fit the zone and leave the other networks alone.
    /// </summary>
    public static (NetworkRegistered Registered, FoundingIdeaRegistered Idea) Propose(Network? existing, ProposeNetwork command, BoundaryContext context, DateTimeOffset now)
    {
        var registered = Register(existing, new RegisterNetwork(command.NetworkId, command.Name, command.Boundary, NetworkStatus.Proposed, command.Indicative), now);
        EnsureNameFree(command.NetworkId, registered.Name, context);
        NetworkBoundaries.EnsureAcceptable(command.NetworkId, command.Boundary, context);
        var idea = FoundingDecisions.RegisterIdea(Network.Create(registered), new RegisterFoundingIdea(command.NetworkId, command.Source, command.Summary), now);
        return (registered, idea);
    }

    /// <summary>A redrawn or imported boundary: valid, inside the zone, not over another network; never for a dissolved one.</summary>
    public static NetworkBoundaryChanged ChangeBoundary(Network? network, ChangeNetworkBoundary command, BoundaryContext context, DateTimeOffset now)
    {
        if (network is null)
            throw new DomainException(DomainMessages.NetworkNotFound.With(command.NetworkId), "networkId");
        if (network.Status == NetworkStatus.Dissolved)
            throw new DomainException(DomainMessages.NetworkDissolvedBoundary.With(network.Name), "status");
        NetworkBoundaries.EnsureAcceptable(command.NetworkId, command.Boundary, context);
        return new NetworkBoundaryChanged(command.NetworkId, command.Boundary, command.Indicative, now);
    }

    /// <summary>Two networks that are not dissolved never share a name: people tell networks apart by it.</summary>
    public static void EnsureNameFree(Guid networkId, string name, BoundaryContext context)
    {
        var taken = context.Neighbours.FirstOrDefault(n => n.NetworkId != networkId && string.Equals(n.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (taken is not null)
            throw new DomainException(DomainMessages.NetworkNameTaken.With(taken.Name), "name");
    }

    /// <summary>One place decides whether a boundary can be a network: a simple, closed, valid ring in WGS84.</summary>
    public static void EnsureValidBoundary(Polygon? boundary)
    {
        if (boundary is null || boundary.IsEmpty)
            throw new DomainException(DomainMessages.BoundaryRequired, "boundary");
        if (boundary.ExteriorRing.NumPoints < 4)
            throw new DomainException(DomainMessages.BoundaryTooFewPoints, "boundary");
        var validity = new IsValidOp(boundary).ValidationError;
        if (validity is not null)
            throw new DomainException(
                DomainMessages.BoundaryInvalid.With(Why(validity.ErrorType), validity.Coordinate.Y, validity.Coordinate.X), "boundary");
        foreach (var c in boundary.Coordinates)
        {
            if (c.Y is < -90 or > 90 || c.X is < -180 or > 180)
                throw new DomainException(DomainMessages.BoundaryNotWgs84, "boundary");
        }
    }

    private static DomainMessage Why(TopologyValidationErrors error) => error switch
    {
        TopologyValidationErrors.SelfIntersection => DomainMessages.TopologySelfIntersection,
        TopologyValidationErrors.RingSelfIntersection => DomainMessages.TopologyRingSelfIntersection,
        TopologyValidationErrors.TooFewPoints => DomainMessages.TopologyTooFewPoints,
        TopologyValidationErrors.RingNotClosed => DomainMessages.TopologyRingNotClosed,
        TopologyValidationErrors.InvalidCoordinate => DomainMessages.TopologyInvalidCoordinate,
        TopologyValidationErrors.HoleOutsideShell => DomainMessages.TopologyHoleOutsideShell,
        TopologyValidationErrors.NestedHoles => DomainMessages.TopologyNestedHoles,
        TopologyValidationErrors.DisconnectedInteriors => DomainMessages.TopologyDisconnectedInterior,
        _ => DomainMessages.TopologyOther,
    };
}
