using Bin.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace Bin.Domain.Tests.Geometry;

/// <summary>
/// Random, valid, overlapping network boundaries around Lommel and query points that hit their edges and
/// vertices exactly as often as their insides: irregular star-shaped polygons (some with a hole) and rectangles
/// on a 1/512-degree grid (some with a hole), so that shared edges and corners are exact in floating point.
/// </summary>
internal static class RandomPolygons
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private const double West = 5.25, East = 5.45, South = 51.15, North = 51.30;
    private const double Grid = 1.0 / 512;

    public static List<NetworkBoundary> Generate(Random random, int count)
    {
        var networks = new List<NetworkBoundary>(count);
        for (var i = 0; i < count; i++)
        {
            var polygon = random.NextDouble() < 0.7 ? Star(random) : GridRectangle(random);
            if (!polygon.IsValid)
                throw new InvalidOperationException($"The generator made an invalid polygon: {polygon}");
            var id = new byte[16];
            random.NextBytes(id);
            networks.Add(new NetworkBoundary(new Guid(id), polygon));
        }
        return networks;
    }

    /// <summary>
    /// Uniform points, points on the 1/1024-degree grid (often on a rectangle's edge or corner), vertices of the
    /// polygons and midpoints of their edges.
    /// </summary>
    public static List<(double Latitude, double Longitude)> QueryPoints(Random random, IReadOnlyList<NetworkBoundary> networks, int count)
    {
        var points = new List<(double, double)>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = random.NextDouble();
            if (kind < 0.4)
            {
                points.Add((South + random.NextDouble() * (North - South), West + random.NextDouble() * (East - West)));
            }
            else if (kind < 0.7)
            {
                points.Add((South + random.Next((int)((North - South) * 1024)) / 1024.0,
                            West + random.Next((int)((East - West) * 1024)) / 1024.0));
            }
            else
            {
                var polygon = networks[random.Next(networks.Count)].Boundary;
                var rings = new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings).ToArray();
                var ring = rings[random.Next(rings.Length)].CoordinateSequence;
                var at = random.Next(ring.Count - 1);
                if (kind < 0.85)
                    points.Add((ring.GetY(at), ring.GetX(at)));
                else
                    points.Add(((ring.GetY(at) + ring.GetY(at + 1)) / 2, (ring.GetX(at) + ring.GetX(at + 1)) / 2));
            }
        }
        return points;
    }

    /// <summary>
    /// 12–40 vertices at sorted, jittered angles and radii between half and all of <c>r</c>: always simple.
    /// A hole stays within 0.32 r, inside the shell's nearest edge (≥ 0.5 r · cos(half the widest angle step)).
    /// </summary>
    private static Polygon Star(Random random)
    {
        var centreX = West + random.NextDouble() * (East - West);
        var centreY = South + random.NextDouble() * (North - South);
        var radius = 0.002 + random.NextDouble() * 0.02;
        var xStretch = 1 / Math.Cos(centreY * Math.PI / 180);

        LinearRing StarRing(double minRadius, double maxRadius)
        {
            var n = random.Next(12, 41);
            var coordinates = new Coordinate[n + 1];
            for (var i = 0; i < n; i++)
            {
                var angle = (i + 0.8 * random.NextDouble()) * 2 * Math.PI / n;
                var r = minRadius + random.NextDouble() * (maxRadius - minRadius);
                coordinates[i] = new Coordinate(centreX + r * Math.Cos(angle) * xStretch, centreY + r * Math.Sin(angle));
            }
            coordinates[n] = coordinates[0].Copy();
            return Factory.CreateLinearRing(coordinates);
        }

        var shell = StarRing(0.5 * radius, radius);
        if (random.NextDouble() < 0.3)
            return Factory.CreatePolygon(shell, [(LinearRing)StarRing(0.1 * radius, 0.32 * radius).Reverse()]);
        return Factory.CreatePolygon(shell);
    }

    private static Polygon GridRectangle(Random random)
    {
        double Snap(double value) => Math.Floor(value / Grid) * Grid;
        var west = Snap(West + random.NextDouble() * (East - West));
        var south = Snap(South + random.NextDouble() * (North - South));
        var width = random.Next(2, 21) * Grid;
        var height = random.Next(2, 21) * Grid;

        var shell = Ring(west, south, west + width, south + height);
        if (width >= 6 * Grid && height >= 6 * Grid && random.NextDouble() < 0.4)
            return Factory.CreatePolygon(shell, [Ring(west + 2 * Grid, south + 2 * Grid, west + width - 2 * Grid, south + height - 2 * Grid)]);
        return Factory.CreatePolygon(shell);
    }

    private static LinearRing Ring(double west, double south, double east, double north) => Factory.CreateLinearRing(
    [
        new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
        new Coordinate(west, north), new Coordinate(west, south),
    ]);
}
