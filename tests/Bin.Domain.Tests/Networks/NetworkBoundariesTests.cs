using Bin.Domain.Networks;
using NetTopologySuite.Geometries;
using static Bin.Domain.Tests.Networks.NetworkHistory;

namespace Bin.Domain.Tests.Networks;

public class NetworkBoundariesTests
{
    private static readonly Guid Neighbour = Guid.Parse("f0c1d000-0000-4000-8000-000000000002");

    private static NeighbourBoundary Kerkplein(Polygon boundary) => new(Neighbour, "Kerkplein", boundary);

    [Fact]
    public void A_valid_polygon_in_the_zone_clear_of_others_is_acceptable()
    {
        Assert.Empty(NetworkBoundaries.Problems(Id, Lindelaan, Lommel(Kerkplein(Square(5.31, 51.23, 0.005)))));
    }

    [Fact]
    public void Sharing_an_edge_with_a_neighbour_is_not_an_overlap()
    {
        Assert.Empty(NetworkBoundaries.Problems(Id, Square(5.30, 51.24, 0.005), Lommel(Kerkplein(Square(5.305, 51.24, 0.005)))));
    }

    [Fact]
    public void An_overlap_names_the_other_network_and_its_size()
    {
        var problems = NetworkBoundaries.Problems(Id, Square(5.30, 51.24, 0.005), Lommel(Kerkplein(Square(5.304, 51.24, 0.005))));

        var problem = Assert.Single(problems).ToString();
        Assert.StartsWith("The boundary overlaps Kerkplein by about", problem);
        // 0.001° of longitude × 0.005° of latitude at 51.24 N: about 70 m × 556 m.
        Assert.InRange(NetworkBoundaries.OverlapSquareMetres(Square(5.30, 51.24, 0.005), Square(5.304, 51.24, 0.005)), 37_000, 41_000);
    }

    [Fact]
    public void A_network_is_not_checked_against_its_own_old_boundary()
    {
        Assert.Empty(NetworkBoundaries.Problems(Id, Lindelaan, Lommel(new NeighbourBoundary(Id, "Lindelaan", Square(5.301, 51.241, 0.005)))));
    }

    [Fact]
    public void A_polygon_outside_the_zone_is_refused_with_the_furthest_point()
    {
        // Hasselt, some 25 km south of Lommel.
        var problem = Assert.Single(NetworkBoundaries.Problems(Id, Square(5.33, 50.93, 0.005), Lommel())).ToString();

        Assert.StartsWith("The boundary leaves the service area of Politiezone Lommel", problem);
    }

    [Fact]
    public void Swapped_latitude_and_longitude_lie_outside_the_zone()
    {
        var swapped = Square(51.24, 5.30, 0.005);

        Assert.Contains("WGS84", Assert.Single(NetworkBoundaries.Problems(Id, swapped, Lommel())).ToString());
    }

    [Fact]
    public void A_self_intersecting_polygon_is_refused_as_the_only_problem()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var bowtie = factory.CreatePolygon(
        [
            new Coordinate(5.30, 51.24), new Coordinate(5.31, 51.25), new Coordinate(5.31, 51.24),
            new Coordinate(5.30, 51.25), new Coordinate(5.30, 51.24),
        ]);

        var problem = Assert.Single(NetworkBoundaries.Problems(Id, bowtie, Lommel(Kerkplein(Square(5.30, 51.24, 0.01))))).ToString();
        Assert.Contains("self-intersection", problem);
    }

    [Fact]
    public void Too_few_points_are_refused()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var line = factory.CreatePolygon([new Coordinate(5.30, 51.24), new Coordinate(5.31, 51.25), new Coordinate(5.30, 51.24), new Coordinate(5.30, 51.24)]);

        Assert.Single(NetworkBoundaries.Problems(Id, line, Lommel()));
    }

    [Fact]
    public void Proposing_a_network_registers_it_as_proposed_with_its_idea()
    {
        var (registered, idea) = NetworkDecisions.Propose(null, new ProposeNetwork(Id, "Lindelaan", Lindelaan, false, IdeaSource.Police, "Veel inbraken."), Lommel(), Now);
        var state = Given(registered, idea)!;

        Assert.Equal(NetworkStatus.Proposed, registered.Status);
        Assert.Equal(IdeaSource.Police, idea.Source);
        Assert.Equal(FoundingStep.IdeaRegistered, state.Reached);
        Assert.True(state.FoundingRecorded);
    }

    [Fact]
    public void Proposing_over_another_network_is_refused()
    {
        var ex = Assert.Throws<BoundaryRejectedException>(() =>
            NetworkDecisions.Propose(null, new ProposeNetwork(Id, "Lindelaan", Lindelaan, false, IdeaSource.Police, null), Lommel(Kerkplein(Square(5.302, 51.242, 0.01))), Now));

        Assert.Equal("boundary", ex.Field);
        Assert.Contains("overlaps Kerkplein", ex.Message);
    }

    [Fact]
    public void Proposing_a_name_that_is_taken_is_refused()
    {
        var ex = ThenRefused(() =>
            NetworkDecisions.Propose(null, new ProposeNetwork(Id, "kerkplein", Lindelaan, false, IdeaSource.Police, null), Lommel(Kerkplein(Square(5.31, 51.23, 0.005))), Now));

        Assert.Equal("name", ex.Field);
    }

    [Fact]
    public void Redrawing_a_dissolved_network_is_refused()
    {
        var ex = ThenRefused(() => NetworkDecisions.ChangeBoundary(Given([.. FoundedUpTo(FoundingStep.IdeaRegistered), Dissolved()]),
            new ChangeNetworkBoundary(Id, Lindelaan, false), Lommel(), Now));

        Assert.Equal("status", ex.Field);
    }
}
