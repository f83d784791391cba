using Bin.Domain;
using Bin.Domain.Geometry;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Bin.Domain.Tests.Geometry;

public class NetworkResolverTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    // Fixed ids, so that tests about ordering can say which comes first.
    private static readonly Guid Kerkplein = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid Slachthuis = Guid.Parse("20000000-0000-0000-0000-000000000002");
    private static readonly Guid Servaesdreef = Guid.Parse("30000000-0000-0000-0000-000000000003");
    private static readonly Guid MolleHoeven = Guid.Parse("40000000-0000-0000-0000-000000000004");

    /// <summary>An axis-aligned rectangle; X is longitude, Y latitude. Literal corners keep shared edges exact.</summary>
    private static Polygon Rectangle(double west, double south, double east, double north, LinearRing? hole = null) =>
        Factory.CreatePolygon(Ring(west, south, east, north), hole is null ? [] : [hole]);

    private static LinearRing Ring(double west, double south, double east, double north) => Factory.CreateLinearRing(
    [
        new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
        new Coordinate(west, north), new Coordinate(west, south),
    ]);

    private static NetworkResolver Resolver(params (Guid Id, Polygon Boundary)[] networks) =>
        new(networks.Select(n => new NetworkBoundary(n.Id, n.Boundary)));

    // ── Containing ────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void A_point_inside_a_network_belongs_to_it()
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.32, 51.24)));

        Assert.Equal([Kerkplein], resolver.Containing(51.2307, 5.3135));
    }

    [Fact]
    public void A_point_outside_every_network_belongs_to_none()
    {
        var resolver = Resolver(
            (Kerkplein, Rectangle(5.30, 51.22, 5.32, 51.24)),
            (Slachthuis, Rectangle(5.33, 51.22, 5.35, 51.24)));

        Assert.Empty(resolver.Containing(51.2307, 5.325));
        Assert.Empty(resolver.Containing(51.25, 5.31));
    }

    [Fact]
    public void A_point_on_the_shared_edge_of_two_networks_belongs_to_both()
    {
        var resolver = Resolver(
            (Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)),
            (Slachthuis, Rectangle(5.31, 51.22, 5.32, 51.24)));

        Assert.Equal([Kerkplein, Slachthuis], resolver.Containing(51.235, 5.31));
    }

    [Fact]
    public void A_point_on_the_outer_edge_of_a_network_belongs_to_it()
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)));

        Assert.Equal([Kerkplein], resolver.Containing(51.24, 5.305));
    }

    [Fact]
    public void A_point_on_a_slanted_edge_belongs_to_the_network()
    {
        // A right triangle below a 45° hypotenuse. Its midpoint lies exactly on it only if the coordinates are
        // exact in binary floating point, so the corners are on a 1/64-degree grid.
        var triangle = Factory.CreatePolygon(
        [
            new Coordinate(5.25, 51.25), new Coordinate(5.25 + 1.0 / 64, 51.25), new Coordinate(5.25 + 1.0 / 64, 51.25 + 1.0 / 64),
            new Coordinate(5.25, 51.25),
        ]);
        var resolver = Resolver((Kerkplein, triangle));

        Assert.Equal([Kerkplein], resolver.Containing(51.25 + 1.0 / 128, 5.25 + 1.0 / 128));
        Assert.Empty(resolver.Containing(51.25 + 1.0 / 128 + 1e-9, 5.25 + 1.0 / 128));
    }

    [Fact]
    public void A_point_on_a_corner_shared_by_four_networks_belongs_to_all_four()
    {
        var resolver = Resolver(
            (MolleHoeven, Rectangle(5.31, 51.23, 5.32, 51.24)),
            (Servaesdreef, Rectangle(5.30, 51.23, 5.31, 51.24)),
            (Slachthuis, Rectangle(5.31, 51.22, 5.32, 51.23)),
            (Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.23)));

        Assert.Equal([Kerkplein, Slachthuis, Servaesdreef, MolleHoeven], resolver.Containing(51.23, 5.31));
    }

    [Fact]
    public void Overlapping_networks_are_listed_in_network_id_order_whatever_the_order_they_were_added_in()
    {
        var forwards = Resolver(
            (Kerkplein, Rectangle(5.30, 51.22, 5.32, 51.24)),
            (Slachthuis, Rectangle(5.31, 51.22, 5.33, 51.24)),
            (Servaesdreef, Rectangle(5.31, 51.23, 5.32, 51.25)));
        var backwards = Resolver(
            (Servaesdreef, Rectangle(5.31, 51.23, 5.32, 51.25)),
            (Slachthuis, Rectangle(5.31, 51.22, 5.33, 51.24)),
            (Kerkplein, Rectangle(5.30, 51.22, 5.32, 51.24)));

        Assert.Equal([Kerkplein, Slachthuis, Servaesdreef], forwards.Containing(51.235, 5.315));
        Assert.Equal([Kerkplein, Slachthuis, Servaesdreef], backwards.Containing(51.235, 5.315));
    }

    // ── Holes ─────────────────────────────────────────────────────────────────────────────────────

    private static Polygon SquareWithHole() =>
        Rectangle(5.30, 51.22, 5.34, 51.26, hole: Ring(5.31, 51.23, 5.33, 51.25));

    [Fact]
    public void A_point_inside_a_hole_does_not_belong_to_the_network()
    {
        var resolver = Resolver((Kerkplein, SquareWithHole()));

        Assert.Empty(resolver.Containing(51.24, 5.32));
    }

    [Fact]
    public void A_point_between_the_outer_ring_and_the_hole_belongs_to_the_network()
    {
        var resolver = Resolver((Kerkplein, SquareWithHole()));

        Assert.Equal([Kerkplein], resolver.Containing(51.225, 5.32));
        Assert.Equal([Kerkplein], resolver.Containing(51.24, 5.335));
    }

    [Fact]
    public void A_point_on_the_edge_of_a_hole_belongs_to_the_network()
    {
        var resolver = Resolver((Kerkplein, SquareWithHole()));

        Assert.Equal([Kerkplein], resolver.Containing(51.24, 5.31));
        Assert.Equal([Kerkplein], resolver.Containing(51.23, 5.33));
    }

    [Fact]
    public void A_network_that_fills_another_networks_hole_gets_the_points_of_the_hole()
    {
        var resolver = Resolver(
            (Kerkplein, SquareWithHole()),
            (Slachthuis, Rectangle(5.31, 51.23, 5.33, 51.25)));

        Assert.Equal([Slachthuis], resolver.Containing(51.24, 5.32));
        Assert.Equal([Kerkplein, Slachthuis], resolver.Containing(51.25, 5.32));
    }

    // ── Within ────────────────────────────────────────────────────────────────────────────────────

    /// <summary>Degrees of longitude for a distance east–west at a latitude, on a sphere of mean radius.</summary>
    private static double DegreesEast(double metres, double latitude) =>
        metres / (6_371_008.8 * Math.PI / 180 * Math.Cos(latitude * Math.PI / 180));

    /// <summary>Degrees of latitude for a distance north–south, on a sphere of mean radius.</summary>
    private static double DegreesNorth(double metres) => metres / (6_371_008.8 * Math.PI / 180);

    [Fact]
    public void A_network_500_m_west_of_the_point_is_found_at_500_m_within_one_percent()
    {
        // Square whose east edge is at 5.32 E, between 51.22 and 51.24 N; the point is due east of its middle.
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.32, 51.24)));
        var longitude = 5.32 + DegreesEast(500, 51.23);

        var found = Assert.Single(resolver.Within(51.23, longitude, 600));

        Assert.Equal(Kerkplein, found.NetworkId);
        Assert.InRange(found.DistanceMetres, 495, 505);
        // The same, measured independently along the great circle to the nearest point of the edge.
        Assert.InRange(found.DistanceMetres / ServiceArea.DistanceMetres(51.23, 5.32, 51.23, longitude), 0.99, 1.01);
    }

    [Fact]
    public void A_network_300_m_south_of_the_point_is_found_at_300_m_within_one_percent()
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.32, 51.24)));

        var found = Assert.Single(resolver.Within(51.24 + DegreesNorth(300), 5.31, 400));

        Assert.InRange(found.DistanceMetres, 297, 303);
    }

    [Fact]
    public void A_network_just_beyond_the_distance_is_left_out()
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.32, 51.24)));

        Assert.Empty(resolver.Within(51.23, 5.32 + DegreesEast(500, 51.23), 480));
    }

    [Fact]
    public void A_network_containing_the_point_is_at_zero_metres()
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.32, 51.24)));

        Assert.Equal([new NetworkDistance(Kerkplein, 0)], resolver.Within(51.23, 5.31, 0));
        Assert.Equal([new NetworkDistance(Kerkplein, 0)], resolver.Within(51.24, 5.31, 0));
    }

    [Fact]
    public void Within_lists_the_nearest_network_first_and_leaves_out_those_too_far()
    {
        // Point at 51.23 N, 5.31 E; networks start 0 m, ~100 m, ~400 m and ~900 m to the east.
        const double latitude = 51.23, longitude = 5.31;
        Polygon StartingEastAt(double metres) => Rectangle(
            longitude + DegreesEast(metres, latitude), 51.22,
            longitude + DegreesEast(metres + 50, latitude), 51.24);
        var resolver = Resolver(
            (MolleHoeven, StartingEastAt(900)),
            (Slachthuis, StartingEastAt(400)),
            (Servaesdreef, StartingEastAt(100)),
            (Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)));

        var near = resolver.Within(latitude, longitude, 500);

        Assert.Equal([Kerkplein, Servaesdreef, Slachthuis], near.Select(n => n.NetworkId));
        Assert.Equal(0, near[0].DistanceMetres);
        Assert.InRange(near[1].DistanceMetres, 99, 101);
        Assert.InRange(near[2].DistanceMetres, 396, 404);
    }

    [Fact]
    public void A_point_in_a_hole_is_as_far_from_the_network_as_the_nearest_edge_of_the_hole()
    {
        // The hole's west edge is at 5.31 E; the point is 200 m east of it, well away from the other hole edges.
        var resolver = Resolver((Kerkplein, SquareWithHole()));
        var longitude = 5.31 + DegreesEast(200, 51.24);

        var found = Assert.Single(resolver.Within(51.24, longitude, 1_000));

        Assert.InRange(found.DistanceMetres, 198, 202);
    }

    // ── Snapshots ─────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void The_empty_resolver_holds_no_networks_and_finds_none()
    {
        Assert.Equal(0, NetworkResolver.Empty.Count);
        Assert.Empty(NetworkResolver.Empty.Containing(51.2307, 5.3135));
        Assert.Empty(NetworkResolver.Empty.Within(51.2307, 5.3135, 10_000));
        Assert.Equal(0, new NetworkResolver([]).Count);
    }

    [Fact]
    public void With_adds_a_network_to_a_new_snapshot_and_leaves_the_old_one_as_it_was()
    {
        var before = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)));

        var after = before.With(new NetworkBoundary(Slachthuis, Rectangle(5.31, 51.22, 5.32, 51.24)));

        Assert.Equal(2, after.Count);
        Assert.Equal([Slachthuis], after.Containing(51.23, 5.315));
        Assert.Equal(1, before.Count);
        Assert.Empty(before.Containing(51.23, 5.315));
    }

    [Fact]
    public void With_a_changed_boundary_replaces_the_old_boundary_of_that_network()
    {
        var before = Resolver(
            (Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)),
            (Slachthuis, Rectangle(5.33, 51.22, 5.34, 51.24)));

        var after = before.With(new NetworkBoundary(Kerkplein, Rectangle(5.31, 51.22, 5.32, 51.24)));

        Assert.Equal(2, after.Count);
        Assert.Empty(after.Containing(51.23, 5.305));
        Assert.Equal([Kerkplein], after.Containing(51.23, 5.315));
        Assert.Equal([Slachthuis], after.Containing(51.23, 5.335));
        Assert.Equal([Kerkplein], before.Containing(51.23, 5.305));
    }

    [Fact]
    public void Without_removes_a_network_from_a_new_snapshot_and_leaves_the_old_one_as_it_was()
    {
        var before = Resolver(
            (Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)),
            (Slachthuis, Rectangle(5.31, 51.22, 5.32, 51.24)));

        var after = before.Without(Kerkplein);

        Assert.Equal(1, after.Count);
        Assert.Equal([Slachthuis], after.Containing(51.23, 5.31));
        Assert.Equal([Kerkplein, Slachthuis], before.Containing(51.23, 5.31));
    }

    [Fact]
    public void Without_a_network_that_is_not_there_returns_the_same_snapshot()
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)));

        Assert.Same(resolver, resolver.Without(Slachthuis));
        Assert.Same(NetworkResolver.Empty, NetworkResolver.Empty.Without(Kerkplein));
    }

    [Fact]
    public void Changing_a_polygon_after_handing_it_over_does_not_change_the_snapshot()
    {
        var polygon = Rectangle(5.30, 51.22, 5.31, 51.24);
        var resolver = Resolver((Kerkplein, polygon));

        // Move the east edge from 5.31 to 5.35 in the caller's own polygon.
        var shell = polygon.ExteriorRing.CoordinateSequence;
        shell.SetX(1, 5.35);
        shell.SetX(2, 5.35);
        polygon.GeometryChanged();

        Assert.Empty(resolver.Containing(51.23, 5.33));
    }

    [Fact]
    public void The_same_network_twice_is_refused_when_building_a_snapshot()
    {
        var ex = Assert.Throws<ArgumentException>(() => Resolver(
            (Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)),
            (Kerkplein, Rectangle(5.31, 51.22, 5.32, 51.24))));

        Assert.Contains(Kerkplein.ToString(), ex.Message);
    }

    // ── Bad input ─────────────────────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData(double.NaN, 5.31, "lat")]
    [InlineData(90.5, 5.31, "lat")]
    [InlineData(-91, 5.31, "lat")]
    [InlineData(double.PositiveInfinity, 5.31, "lat")]
    [InlineData(51.23, double.NaN, "lon")]
    [InlineData(51.23, 180.01, "lon")]
    [InlineData(51.23, -181, "lon")]
    public void A_coordinate_that_is_not_WGS84_is_refused_naming_the_field(double latitude, double longitude, string field)
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)));

        Assert.Equal(field, Assert.Throws<DomainException>(() => resolver.Containing(latitude, longitude)).Field);
        Assert.Equal(field, Assert.Throws<DomainException>(() => resolver.Within(latitude, longitude, 100)).Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_distance_that_is_not_zero_or_more_metres_is_refused(double metres)
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)));

        var ex = Assert.Throws<DomainException>(() => resolver.Within(51.23, 5.31, metres));

        Assert.Equal("distance", ex.Field);
    }

    [Theory]
    [InlineData(90, 0)]
    [InlineData(-90, 180)]
    [InlineData(0, -180)]
    public void The_extreme_valid_coordinates_are_accepted(double latitude, double longitude)
    {
        var resolver = Resolver((Kerkplein, Rectangle(5.30, 51.22, 5.31, 51.24)));

        Assert.Empty(resolver.Containing(latitude, longitude));
        Assert.Empty(resolver.Within(latitude, longitude, 1_000));
    }

    // ── Against the naive answer ──────────────────────────────────────────────────────────────────

    [Fact]
    public void Containing_agrees_exactly_with_a_naive_Covers_scan_over_random_polygons()
    {
        var random = new Random(5371);
        var networks = RandomPolygons.Generate(random, 300);
        var resolver = new NetworkResolver(networks);
        var points = RandomPolygons.QueryPoints(random, networks, 1_000);

        var onSomeBoundary = 0;
        foreach (var (latitude, longitude) in points)
        {
            var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
            var naive = networks.Where(n => n.Boundary.Covers(point)).Select(n => n.NetworkId).Order().ToList();

            Assert.Equal(naive, resolver.Containing(latitude, longitude));
            if (networks.Any(n => SimplePointInAreaLocator.Locate(point.Coordinate, n.Boundary) == Location.Boundary))
                onSomeBoundary++;
        }
        // The generator puts many points exactly on edges and vertices; make sure that stays true.
        Assert.True(onSomeBoundary >= 100, $"only {onSomeBoundary} points lay on a boundary");
    }

    [Fact]
    public void Within_finds_the_same_networks_and_distances_as_measuring_every_polygon()
    {
        var random = new Random(1200);
        var networks = RandomPolygons.Generate(random, 200);
        var resolver = new NetworkResolver(networks);

        foreach (var (latitude, longitude) in RandomPolygons.QueryPoints(random, networks, 300))
        {
            var metres = random.NextDouble() * 3_000;
            // Reference: project every polygon whole into the local plane and let NTS measure.
            var projection = new LocalMetricProjection(latitude, longitude);
            var origin = Factory.CreatePoint(new Coordinate(0, 0));
            var reference = networks
                .Select(n => new NetworkDistance(n.NetworkId, Project(n.Boundary, projection).Distance(origin)))
                .Where(n => Math.Abs(n.DistanceMetres - metres) > 1e-6) // too close to call either way
                .ToList();

            var found = resolver.Within(latitude, longitude, metres).ToDictionary(n => n.NetworkId, n => n.DistanceMetres);

            foreach (var expected in reference)
            {
                if (expected.DistanceMetres <= metres)
                    Assert.InRange(found[expected.NetworkId], expected.DistanceMetres - 1e-6, expected.DistanceMetres + 1e-6);
                else
                    Assert.False(found.ContainsKey(expected.NetworkId));
            }
        }
    }

    [Fact]
    public void Concurrent_lookups_on_one_snapshot_give_the_same_answers_as_sequential_ones()
    {
        var random = new Random(28);
        var networks = RandomPolygons.Generate(random, 300);
        var points = RandomPolygons.QueryPoints(random, networks, 2_000);
        var sequential = new NetworkResolver(networks);
        var expected = points.Select(p => sequential.Containing(p.Latitude, p.Longitude)).ToArray();
        // A fresh snapshot, so the prepared polygons build their lazy indexes while threads race for them.
        var resolver = new NetworkResolver(networks);

        var actual = new IReadOnlyList<Guid>[points.Count];
        Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => actual[i] = resolver.Containing(points[i].Latitude, points[i].Longitude));

        for (var i = 0; i < points.Count; i++)
            Assert.Equal(expected[i], actual[i]);
    }

    private static Polygon Project(Polygon polygon, LocalMetricProjection projection)
    {
        var copy = (Polygon)polygon.Copy();
        foreach (var ring in new[] { copy.ExteriorRing }.Concat(copy.InteriorRings))
        {
            var sequence = ring.CoordinateSequence;
            for (var i = 0; i < sequence.Count; i++)
            {
                sequence.SetX(i, projection.X(sequence.GetX(i)));
                sequence.SetY(i, projection.Y(sequence.GetY(i)));
            }
        }
        copy.GeometryChanged();
        return copy;
    }
}
