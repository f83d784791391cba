using Bin.Domain;
using Bin.Domain.Networks;
using NetTopologySuite.Geometries;

namespace Bin.Domain.Tests.Networks;

public class NetworkDecisionsTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly BoundaryContext Lommel = new(Bin.Domain.Geometry.ServiceArea.Lommel, []);

    private static Polygon Square(double x, double y, double size) => Factory.CreatePolygon(
    [
        new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
        new Coordinate(x, y + size), new Coordinate(x, y),
    ]);

    [Fact]
    public void Registering_a_new_network_records_its_name_boundary_and_status()
    {
        var id = Guid.NewGuid();
        var e = NetworkDecisions.Register(null, new RegisterNetwork(id, " Kerkplein ", Square(5.31, 51.23, 0.01), NetworkStatus.Active, true), Now);

        Assert.Equal(id, e.NetworkId);
        Assert.Equal("Kerkplein", e.Name);
        Assert.Equal(NetworkStatus.Active, e.Status);
        Assert.True(e.Indicative);
        Assert.Equal(Now, e.RegisteredAt);
    }

    [Fact]
    public void Registering_twice_is_refused()
    {
        var registered = Network.Create(NetworkDecisions.Register(null,
            new RegisterNetwork(Guid.NewGuid(), "Leuken", Square(5.3, 51.2, 0.01), NetworkStatus.Active, false), Now));

        var ex = Assert.Throws<DomainException>(() => NetworkDecisions.Register(registered,
            new RegisterNetwork(registered.Id, "Leuken", Square(5.3, 51.2, 0.01), NetworkStatus.Active, false), Now));
        Assert.Equal("networkId", ex.Field);
    }

    [Fact]
    public void A_self_intersecting_boundary_is_refused_with_where_it_crosses()
    {
        var bowtie = Factory.CreatePolygon(
        [
            new Coordinate(5.30, 51.20), new Coordinate(5.32, 51.22), new Coordinate(5.32, 51.20),
            new Coordinate(5.30, 51.22), new Coordinate(5.30, 51.20),
        ]);

        var ex = Assert.Throws<DomainException>(() => NetworkDecisions.Register(null,
            new RegisterNetwork(Guid.NewGuid(), "West Kei", bowtie, NetworkStatus.Active, false), Now));
        Assert.Equal("boundary", ex.Field);
        Assert.Contains("self-intersection", ex.Message);
    }

    [Fact]
    public void An_empty_name_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => NetworkDecisions.Register(null,
            new RegisterNetwork(Guid.NewGuid(), "  ", Square(5.3, 51.2, 0.01), NetworkStatus.Active, false), Now));
        Assert.Equal("name", ex.Field);
    }

    [Fact]
    public void Changing_the_boundary_of_an_unknown_network_is_refused()
    {
        Assert.Throws<DomainException>(() => NetworkDecisions.ChangeBoundary(null,
            new ChangeNetworkBoundary(Guid.NewGuid(), Square(5.3, 51.2, 0.01), false), Lommel, Now));
    }

    [Fact]
    public void A_changed_boundary_replaces_the_old_one_in_the_state()
    {
        var network = Network.Create(NetworkDecisions.Register(null,
            new RegisterNetwork(Guid.NewGuid(), "Molle Hoeven", Square(5.3, 51.2, 0.01), NetworkStatus.Active, true), Now));
        var newBoundary = Square(5.3, 51.2, 0.02);

        var changed = network.Apply(NetworkDecisions.ChangeBoundary(network, new ChangeNetworkBoundary(network.Id, newBoundary, false), Lommel, Now));

        Assert.True(changed.Boundary.EqualsExact(newBoundary));
        Assert.False(changed.Indicative);
    }
}
