using Bin.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace Bin.Domain.Tests.Geometry;

/// <summary>
/// Networks near a point or along a route, measured in Lambert 2008 and held to a metre of the geodesic distance
/// (<see cref="Vincenty"/>) on the WGS84 ellipsoid.
/// </summary>
public class NetworksNearTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly Guid Kerkplein = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid Servaesdreef = Guid.Parse("30000000-0000-0000-0000-000000000003");
    private static readonly Guid Parelstrand = Guid.Parse("70000000-0000-0000-0000-000000000007");

    private const double West = 5.309, South = 51.228, East = 5.318, North = 51.2336;

    private static Polygon Rectangle(double west, double south, double east, double north) => Factory.CreatePolygon(
    [
        new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north),
        new Coordinate(west, north), new Coordinate(west, south),
    ]);

    private static readonly NetworkResolver Resolver = new([
        new NetworkBoundary(Kerkplein, Rectangle(West, South, East, North)),
        new NetworkBoundary(Servaesdreef, Rectangle(5.3183, 51.2155, 5.3313, 51.2240)),
        new NetworkBoundary(Parelstrand, Rectangle(5.3363, 51.2424, 5.3534, 51.2526)),
    ]);

    private static Point At((double Latitude, double Longitude) p) => Factory.CreatePoint(new Coordinate(p.Longitude, p.Latitude));

    private static LineString Line(params (double Latitude, double Longitude)[] points) =>
        Factory.CreateLineString(points.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray());

    private static double DistanceTo(IReadOnlyList<NetworkDistance> near, Guid network) => Assert.Single(near, n => n.NetworkId == network).DistanceMetres;

    [Theory]
    [InlineData(10)]
    [InlineData(437.25)]
    [InlineData(1234.5)]
    [InlineData(4321)]
    public void A_point_off_a_corner_is_as_far_as_the_geodesic_distance_to_that_corner_within_a_metre(double metres)
    {
        // South-west of the south-west corner: that corner is the nearest part of the network.
        var point = Vincenty.Destination(South, West, 225, metres);

        var near = Resolver.Near(At(point), 5_000);

        Assert.Equal(metres, DistanceTo(near, Kerkplein), 1.0);
        Assert.Equal(Vincenty.Distance(point.Latitude, point.Longitude, South, West), DistanceTo(near, Kerkplein), 1.0);
    }

    [Fact]
    public void A_point_south_of_an_edge_is_as_far_as_the_meridian_arc_to_that_edge_within_a_metre()
    {
        var point = (Latitude: South - 0.02, Longitude: 5.3135);

        var near = Resolver.Near(At(point), 5_000);

        Assert.Equal(Vincenty.Distance(point.Latitude, point.Longitude, South, point.Longitude), DistanceTo(near, Kerkplein), 1.0);
    }

    [Fact]
    public void At_0_metres_only_networks_that_cover_the_point_are_near_at_0()
    {
        var inside = Resolver.Near(At((51.2307, 5.3135)), 0);
        var onCorner = Resolver.Near(At((South, West)), 0);
        var justOutside = Resolver.Near(At(Vincenty.Destination(South, West, 225, 2)), 0);

        Assert.Equal(Kerkplein, Assert.Single(inside).NetworkId);
        Assert.Equal(0, inside[0].DistanceMetres);
        Assert.Equal(0, Assert.Single(onCorner).DistanceMetres, 1e-6);
        Assert.Empty(justOutside);
    }

    [Fact]
    public void At_5000_metres_a_network_4990_m_away_is_near_and_one_5010_m_away_is_not()
    {
        var within = Resolver.Near(At(Vincenty.Destination(South, West, 225, 4_990)), 5_000);
        var beyond = Resolver.Near(At(Vincenty.Destination(South, West, 225, 5_010)), 5_000);

        Assert.Equal(4_990, DistanceTo(within, Kerkplein), 1.0);
        Assert.DoesNotContain(beyond, n => n.NetworkId == Kerkplein);
    }

    [Fact]
    public void A_route_crossing_a_network_is_at_0_metres()
    {
        var route = Line((51.2250, 5.3000), (51.2310, 5.3130), (51.2360, 5.3250));

        var near = Resolver.Near(route, 0);

        Assert.Equal([Kerkplein], near.Select(n => n.NetworkId));
        Assert.Equal(0, near[0].DistanceMetres);
    }

    [Fact]
    public void A_route_ending_off_a_corner_is_as_far_as_its_end_is_from_that_corner_within_a_metre()
    {
        var end = Vincenty.Destination(South, West, 225, 800);
        var start = Vincenty.Destination(South, West, 225, 3_000);

        var near = Resolver.Near(Line(start, end), 1_000);

        Assert.Equal(Vincenty.Distance(end.Latitude, end.Longitude, South, West), DistanceTo(near, Kerkplein), 1.0);
    }

    [Fact]
    public void A_route_passing_south_of_an_edge_is_as_far_as_the_meridian_arc_within_a_metre()
    {
        var latitude = South - 0.003;
        var route = Line((latitude, West - 0.01), (latitude, East + 0.01));

        var near = Resolver.Near(route, 1_000);

        Assert.Equal(Vincenty.Distance(latitude, 5.3135, South, 5.3135), DistanceTo(near, Kerkplein), 1.0);
    }

    [Fact]
    public void Networks_along_a_route_come_nearest_first_and_distant_ones_are_left_out()
    {
        // From the centre south-east: through Kerkplein, past Servaesdreef; Parelstrand lies kilometres north-east.
        var route = Line((51.2307, 5.3135), (51.2260, 5.3170));

        var near = Resolver.Near(route, 500);

        Assert.Equal([Kerkplein, Servaesdreef], near.Select(n => n.NetworkId));
        Assert.True(near[1].DistanceMetres > 0);
        Assert.DoesNotContain(Resolver.Near(route, 5_000), n => n.DistanceMetres > 5_000);
        Assert.Contains(Resolver.Near(route, 5_000), n => n.NetworkId == Parelstrand);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_distance_below_0_or_above_10_km_is_refused_naming_meters(double metres)
    {
        var ex = Assert.Throws<DomainException>(() => Resolver.Near(At((51.2307, 5.3135)), metres));

        Assert.Equal("meters", ex.Field);
    }

    [Fact]
    public void A_polygon_an_empty_point_or_a_line_of_one_position_is_refused_naming_geometry()
    {
        var refusals = new NetTopologySuite.Geometries.Geometry[]
        {
            Rectangle(West, South, East, North),
            Factory.CreatePoint(),
            Line((51.23, 5.31), (51.23, 5.31)),
            At((95, 5.31)),
        }.Select(g => Assert.Throws<DomainException>(() => Resolver.Near(g, 500)));

        Assert.All(refusals, ex => Assert.Equal("geometry", ex.Field));
    }
}
