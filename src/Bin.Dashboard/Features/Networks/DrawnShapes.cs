using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Features.Networks;

/// <summary>Turns what the map's drawing tool sends ([latitude, longitude] points) into a WGS84 polygon.</summary>
public static class DrawnShapes
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <exception cref="DomainException">Field "boundary": fewer than three points.</exception>
    public static Polygon ToPolygon(IReadOnlyList<double[]> latLngs)
    {
        var points = latLngs.Where(p => p is { Length: >= 2 })
            .Select(p => new Coordinate(Math.Round(p[1], 7), Math.Round(p[0], 7)))
            .ToList();
        if (points.Count > 1 && points[0].Equals2D(points[^1])) points.RemoveAt(points.Count - 1);
        if (points.Count < 3)
            throw new DomainException(ServerMessages.DrawnTooFewPoints, "boundary");
        points.Add(points[0].Copy());
        return Factory.CreatePolygon([.. points]);
    }
}
