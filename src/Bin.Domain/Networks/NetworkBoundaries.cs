using Bin.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace Bin.Domain.Networks;

/// <summary>Another network's boundary, as a new or changed boundary is checked against it.</summary>
public sealed record NeighbourBoundary(Guid NetworkId, string Name, Polygon Boundary);

/// <summary>What a boundary is checked against: the zone's service area and the networks that are not dissolved.</summary>
public sealed record BoundaryContext(ServiceArea Zone, IReadOnlyList<NeighbourBoundary> Neighbours);

/// <summary>One boundary refused, with every reason (all of them, so an import can list them per feature).</summary>
public sealed class BoundaryRejectedException(IReadOnlyList<DomainText> reasons)
    : DomainException(DomainMessages.Sentences.With(new DomainSentences(reasons)), "boundary")
{
    /// <summary>Each reason in the reader's language.</summary>
    public IReadOnlyList<string> Problems => [.. Reasons.Select(r => r.ToString())];

    public IReadOnlyList<DomainText> Reasons { get; } = reasons;
}

/// <summary>
/// The one place that decides whether a polygon can be a network's boundary here: a valid polygon
/// (<see cref="NetworkDecisions.EnsureValidBoundary"/>), inside the zone's service area, and not overlapping another
/// network. Touching along an edge is fine; an overlap smaller than <see cref="OverlapToleranceSquareMetres"/> (a
/// sliver from two hand-drawn edges) is too.
/// </summary>
public static class NetworkBoundaries
{
    public const double OverlapToleranceSquareMetres = 10;

    /// <summary>Every reason <paramref name="boundary"/> cannot be network <paramref name="networkId"/>'s; empty when it can.</summary>
    public static IReadOnlyList<DomainText> Problems(Guid networkId, Polygon? boundary, BoundaryContext context)
    {
        try
        {
            NetworkDecisions.EnsureValidBoundary(boundary);
        }
        catch (DomainException ex) when (ex.Text is not null)
        {
            // An invalid polygon cannot be measured against others: this is the only problem worth stating.
            return [ex.Text];
        }

        var problems = new List<DomainText>();
        Coordinate? furthest = null;
        var furthestMetres = context.Zone.RadiusMetres;
        foreach (var c in boundary!.ExteriorRing.Coordinates)
        {
            var metres = ServiceArea.DistanceMetres(context.Zone.CentreLatitude, context.Zone.CentreLongitude, c.Y, c.X);
            if (metres > furthestMetres) (furthest, furthestMetres) = (c, metres);
        }
        if (furthest is not null)
            problems.Add(DomainMessages.BoundaryOutsideZone.With(
                context.Zone.Name, furthest.Y, furthest.X, furthestMetres / 1000, context.Zone.RadiusMetres / 1000));

        foreach (var neighbour in context.Neighbours)
        {
            if (neighbour.NetworkId == networkId || !boundary.EnvelopeInternal.Intersects(neighbour.Boundary.EnvelopeInternal)) continue;
            var area = OverlapSquareMetres(boundary, neighbour.Boundary);
            if (area > OverlapToleranceSquareMetres)
                problems.Add(DomainMessages.BoundaryOverlap.With(neighbour.Name, Round(area)));
        }
        return problems;
    }

    /// <summary>Refuses <paramref name="boundary"/> with all its problems, or returns it when it is acceptable.</summary>
    public static Polygon EnsureAcceptable(Guid networkId, Polygon? boundary, BoundaryContext context)
    {
        var problems = Problems(networkId, boundary, context);
        if (problems.Count > 0) throw new BoundaryRejectedException(problems);
        return boundary!;
    }

    /// <summary>The area two polygons share, in square metres (local metric plane around the first one's centre).</summary>
    public static double OverlapSquareMetres(Polygon a, Polygon b)
    {
        if (!a.Intersects(b)) return 0;
        var shared = a.Intersection(b);
        if (shared.IsEmpty || shared.Dimension < Dimension.Surface) return 0;
        var centre = a.EnvelopeInternal.Centre;
        var projection = new LocalMetricProjection(centre.Y, centre.X);
        return shared.Area * projection.MetresPerDegreeLatitude * projection.MetresPerDegreeLongitude;
    }

    private static double Round(double squareMetres) => squareMetres < 1_000 ? Math.Round(squareMetres) : Math.Round(squareMetres / 100) * 100;
}
