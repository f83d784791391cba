using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Bin.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace Bin.Bench;

/// <summary>
/// Point → networks among 2,000 polygons (BRIEF.md §6: "in microseconds"): the resolver (STRtree + prepared
/// polygons) against the naive answer, <c>Covers</c> on every unprepared polygon. Figures are per lookup.
/// </summary>
/// <remarks>
/// The polygons tile a Belgium-sized area (≈ 200 km × 170 km) around 51.2 N 5.3 E as a 50 × 40 grid of cells of
/// ≈ 4 km; each cell holds one irregular star-shaped polygon of 12–40 vertices that stays inside its cell, so no
/// two overlap; every fifth has a hole. About half of the area is covered, so about half the lookups hit.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
[MemoryDiagnoser]
[Config(typeof(SpeedupRatio))]
public class NetworkLookupBenchmarks
{
    /// <summary>Shows the Ratio column as "NN.NNx faster" rather than a fraction of the baseline.</summary>
    private sealed class SpeedupRatio : ManualConfig
    {
        public SpeedupRatio() => SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }

    private const int Lookups = 1_000;
    private const int Columns = 50, Rows = 40;
    private const double West = 5.3 - 1.4, East = 5.3 + 1.4, South = 51.2 - 0.75, North = 51.2 + 0.75;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private NetworkBoundary[] _networks = [];
    private (double Latitude, double Longitude)[] _points = [];
    private NetworkResolver _resolver = NetworkResolver.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5371);
        _networks = Tile(random).ToArray();
        _points = Enumerable.Range(0, Lookups)
            .Select(_ => (South + random.NextDouble() * (North - South), West + random.NextDouble() * (East - West)))
            .ToArray();
        _resolver = new NetworkResolver(_networks);

        // Both sides must give the same answer, or the comparison means nothing.
        if (Resolver_Containing() != NaiveScan_Covers())
            throw new InvalidOperationException("The resolver and the naive scan disagree.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    public int NaiveScan_Covers()
    {
        var found = 0;
        foreach (var (latitude, longitude) in _points)
        {
            var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
            var containing = new List<Guid>();
            foreach (var network in _networks)
            {
                if (network.Boundary.Covers(point))
                    containing.Add(network.NetworkId);
            }
            found += containing.Count;
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int Resolver_Containing()
    {
        var found = 0;
        foreach (var (latitude, longitude) in _points)
            found += _resolver.Containing(latitude, longitude).Count;
        return found;
    }

    private static IEnumerable<NetworkBoundary> Tile(Random random)
    {
        var cellWidth = (East - West) / Columns;
        var cellHeight = (North - South) / Rows;
        for (var row = 0; row < Rows; row++)
        for (var column = 0; column < Columns; column++)
        {
            // Centre jitter ≤ 5 % and radius ≤ 44 % of the cell keep each polygon strictly inside its cell.
            var centreX = West + (column + 0.5 + (random.NextDouble() - 0.5) * 0.1) * cellWidth;
            var centreY = South + (row + 0.5 + (random.NextDouble() - 0.5) * 0.1) * cellHeight;
            var shell = StarRing(random, centreX, centreY, 0.5 * cellWidth, 0.5 * cellHeight, 0.45, 0.88);
            var holes = random.Next(5) == 0
                ? new[] { (LinearRing)StarRing(random, centreX, centreY, 0.5 * cellWidth, 0.5 * cellHeight, 0.1, 0.3).Reverse() }
                : [];
            var id = new byte[16];
            random.NextBytes(id);
            yield return new NetworkBoundary(new Guid(id), Factory.CreatePolygon(shell, holes));
        }
    }

    /// <summary>
    /// 12–40 vertices at sorted, jittered angles, with radii between the given fractions of the half-cell: always
    /// a simple ring. A hole ring within 0.3 stays inside a shell ring of at least 0.45 (its nearest edge is
    /// ≥ 0.45 · cos(half the widest angle step) ≈ 0.40 away).
    /// </summary>
    private static LinearRing StarRing(Random random, double centreX, double centreY, double halfWidth, double halfHeight,
        double minFraction, double maxFraction)
    {
        var n = random.Next(12, 41);
        var coordinates = new Coordinate[n + 1];
        for (var i = 0; i < n; i++)
        {
            var angle = (i + 0.8 * random.NextDouble()) * 2 * Math.PI / n;
            var fraction = minFraction + random.NextDouble() * (maxFraction - minFraction);
            coordinates[i] = new Coordinate(
                centreX + fraction * halfWidth * Math.Cos(angle),
                centreY + fraction * halfHeight * Math.Sin(angle));
        }
        coordinates[n] = coordinates[0].Copy();
        return Factory.CreateLinearRing(coordinates);
    }
}
