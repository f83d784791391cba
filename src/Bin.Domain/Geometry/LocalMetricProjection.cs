using NetTopologySuite.Geometries;

namespace Bin.Domain.Geometry;

/// <summary>
/// A flat, metric view of the earth around one position: metres east (X) and north (Y) of the origin,
/// equirectangular with the WGS84 ellipsoid's radii of curvature at the origin's latitude.
/// </summary>
/// <remarks>
/// The scale is exact at the origin and drifts with latitude away from it: within 10 km of the origin distances
/// are off by less than 0.2 %, which is what neighbourhood questions ("which networks lie within 500 m") need.
/// It is not meant for distances of hundreds of kilometres and does not wrap across the antimeridian.
/// </remarks>
public readonly struct LocalMetricProjection
{
    private const double SemiMajorAxisMetres = 6_378_137.0;            // WGS84 a
    private const double EccentricitySquared = 0.006_694_379_990_14;   // WGS84 e²
    private const double RadiansPerDegree = Math.PI / 180;

    public LocalMetricProjection(double originLatitude, double originLongitude)
    {
        OriginLatitude = originLatitude;
        OriginLongitude = originLongitude;
        var sinLatitude = Math.Sin(originLatitude * RadiansPerDegree);
        var w = 1 - EccentricitySquared * sinLatitude * sinLatitude;
        var meridionalRadius = SemiMajorAxisMetres * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
        var primeVerticalRadius = SemiMajorAxisMetres / Math.Sqrt(w);
        MetresPerDegreeLatitude = meridionalRadius * RadiansPerDegree;
        // At a pole the cosine is (nearly) zero; keep the scale positive so EnvelopeAround stays finite.
        MetresPerDegreeLongitude = Math.Max(primeVerticalRadius * Math.Cos(originLatitude * RadiansPerDegree) * RadiansPerDegree, 1e-9);
    }

    public double OriginLatitude { get; }
    public double OriginLongitude { get; }
    public double MetresPerDegreeLatitude { get; }
    public double MetresPerDegreeLongitude { get; }

    /// <summary>Metres east of the origin.</summary>
    public double X(double longitude) => (longitude - OriginLongitude) * MetresPerDegreeLongitude;

    /// <summary>Metres north of the origin.</summary>
    public double Y(double latitude) => (latitude - OriginLatitude) * MetresPerDegreeLatitude;

    /// <summary>
    /// The lon/lat box holding every position within <paramref name="metres"/> of the origin in this projection,
    /// widened by a hair so that a polygon at exactly that distance is not lost to rounding.
    /// </summary>
    public Envelope EnvelopeAround(double metres)
    {
        var slack = 1 + 1e-9;
        var dLatitude = Math.Min(metres / MetresPerDegreeLatitude * slack + 1e-12, 180);
        var dLongitude = Math.Min(metres / MetresPerDegreeLongitude * slack + 1e-12, 360);
        return new Envelope(
            OriginLongitude - dLongitude, OriginLongitude + dLongitude,
            OriginLatitude - dLatitude, OriginLatitude + dLatitude);
    }

    /// <summary>
    /// The shortest distance in metres from the origin to the linework of a polygon (its shell and its holes).
    /// For an origin outside the polygon, or inside one of its holes, that is the distance to the polygon.
    /// </summary>
    public double DistanceToBoundaryMetres(Polygon polygon)
    {
        var nearestSquared = DistanceSquaredToRing(polygon.ExteriorRing.CoordinateSequence);
        for (var i = 0; i < polygon.NumInteriorRings; i++)
            nearestSquared = Math.Min(nearestSquared, DistanceSquaredToRing(polygon.GetInteriorRingN(i).CoordinateSequence));
        return Math.Sqrt(nearestSquared);
    }

    private double DistanceSquaredToRing(CoordinateSequence ring)
    {
        var nearest = double.PositiveInfinity;
        if (ring.Count == 0)
            return nearest;
        var ax = X(ring.GetX(0));
        var ay = Y(ring.GetY(0));
        if (ring.Count == 1)
            return ax * ax + ay * ay;
        for (var i = 1; i < ring.Count; i++)
        {
            var bx = X(ring.GetX(i));
            var by = Y(ring.GetY(i));
            nearest = Math.Min(nearest, OriginToSegmentSquared(ax, ay, bx, by));
            ax = bx;
            ay = by;
        }
        return nearest;
    }

    /// <summary>Squared distance from (0, 0) to the segment a–b.</summary>
    private static double OriginToSegmentSquared(double ax, double ay, double bx, double by)
    {
        var dx = bx - ax;
        var dy = by - ay;
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / lengthSquared, 0, 1);
        var px = ax + t * dx;
        var py = ay + t * dy;
        return px * px + py * py;
    }
}
