using Bin.Domain.Geometry;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Bin.Domain.Networks;

/// <summary>
/// The first outline of a BIN that residents asked for where there is none: a disc around the place they gave, less
/// the networks already there and anything outside the zone. Administrators redraw it as the founding goes on.
/// The centre is rounded to about 100 m, so the outline does not point at the resident's front door.
/// </summary>
public static class ProvisionalBoundary
{
    public const double DefaultRadiusMetres = 300;
    private const int Corners = 24;
    private static readonly GeometryFactory Factory = new(new PrecisionModel(1e6), 4326);

    /// <exception cref="DomainException">No room for a network here (field "location").</exception>
    public static Polygon Around(double latitude, double longitude, BoundaryContext context, double radiusMetres = DefaultRadiusMetres)
    {
        var centreLatitude = Math.Round(latitude, 3);
        var centreLongitude = Math.Round(longitude, 3);
        NtsGeometry area = Disc(centreLatitude, centreLongitude, radiusMetres);
        area = area.Intersection(Disc(context.Zone.CentreLatitude, context.Zone.CentreLongitude, context.Zone.RadiusMetres * 0.995, corners: 180));
        var taken = context.Neighbours.Where(n => n.Boundary.EnvelopeInternal.Intersects(area.EnvelopeInternal)).Select(n => (NtsGeometry)n.Boundary).ToList();
        if (taken.Count > 0) area = area.Difference(UnaryUnionOp.Union(taken));

        // The part that holds the resident's place (rounding may have moved the centre out of it: then the largest part).
        var place = Factory.CreatePoint(new Coordinate(longitude, latitude));
        var parts = Enumerable.Range(0, area.NumGeometries).Select(area.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty).ToList();
        var chosen = parts.FirstOrDefault(p => p.Covers(place)) ?? parts.MaxBy(p => p.Area);
        if (chosen is null || chosen.Area <= 0)
            throw new DomainException(DomainMessages.NoRoomForNetwork, "location");
        var outline = (Polygon)Factory.CreateGeometry(chosen);
        NetworkDecisions.EnsureValidBoundary(outline);
        return outline;
    }

    private static Polygon Disc(double latitude, double longitude, double radiusMetres, int corners = Corners)
    {
        var projection = new LocalMetricProjection(latitude, longitude);
        var ring = new Coordinate[corners + 1];
        for (var i = 0; i < corners; i++)
        {
            var angle = 2 * Math.PI * i / corners;
            ring[i] = new Coordinate(
                longitude + radiusMetres * Math.Cos(angle) / projection.MetresPerDegreeLongitude,
                latitude + radiusMetres * Math.Sin(angle) / projection.MetresPerDegreeLatitude);
        }
        ring[corners] = ring[0].Copy();
        return Factory.CreatePolygon(ring);
    }
}
