using Bin.Domain.Geometry;
using Bin.Domain.Networks;
using static Bin.Domain.Tests.Networks.NetworkHistory;

namespace Bin.Domain.Tests.Networks;

public class BoundaryImportTests
{
    private static readonly Guid KerkpleinId = Guid.Parse("f0c1d000-0000-4000-8000-00000000000a");
    private static readonly Network Kerkplein = Network.Create(new NetworkRegistered(KerkpleinId, "Kerkplein", Square(5.31, 51.23, 0.005), NetworkStatus.Active, true, Now));

    private static ImportPlan Plan(params ImportFeature[] features) =>
        BoundaryImport.Plan(features, [Kerkplein], ServiceArea.Lommel, Now, Guid.NewGuid);

    [Fact]
    public void A_feature_naming_an_existing_network_changes_its_boundary_and_a_new_name_registers_one()
    {
        var plan = Plan(
            new ImportFeature(1, null, "KERKPLEIN", Square(5.311, 51.231, 0.004), null),
            new ImportFeature(2, null, "Lindelaan", Lindelaan, null));

        Assert.True(plan.Accepted);
        Assert.Collection(plan.Changes,
            c => { Assert.Equal(ImportOutcome.BoundaryChanged, c.Outcome); Assert.Equal(KerkpleinId, c.NetworkId); Assert.IsType<NetworkBoundaryChanged>(Assert.Single(c.Events)); },
            c => { Assert.Equal(ImportOutcome.Registered, c.Outcome); Assert.Equal(NetworkStatus.Active, Assert.IsType<NetworkRegistered>(Assert.Single(c.Events)).Status); });
    }

    [Fact]
    public void The_same_boundary_again_changes_nothing()
    {
        var plan = Plan(new ImportFeature(1, KerkpleinId, "Kerkplein", Kerkplein.Boundary, null, Indicative: true));

        Assert.Equal(ImportOutcome.Unchanged, Assert.Single(plan.Changes).Outcome);
        Assert.Empty(plan.Changes[0].Events);
    }

    [Fact]
    public void One_bad_feature_rejects_the_whole_file_with_problems_per_feature()
    {
        var plan = Plan(
            new ImportFeature(1, null, "Lindelaan", Lindelaan, null),
            new ImportFeature(2, null, "Ver weg", Square(5.33, 50.93, 0.005), null),
            new ImportFeature(3, null, "Kapot", null, "The geometry is a LineString; a network is a Polygon."));

        Assert.False(plan.Accepted);
        Assert.Empty(plan.Changes);
        Assert.Equal([2, 3], plan.Problems.Keys);
        Assert.Contains("service area", plan.Problems[2][0]);
        Assert.Equal("The geometry is a LineString; a network is a Polygon.", Assert.Single(plan.Problems[3]));
    }

    [Fact]
    public void Two_features_of_one_file_may_not_overlap_each_other()
    {
        var plan = Plan(
            new ImportFeature(1, null, "Lindelaan", Lindelaan, null),
            new ImportFeature(2, null, "Eikenlaan", Square(5.302, 51.242, 0.005), null));

        Assert.Contains("overlaps Eikenlaan", Assert.Single(plan.Problems[1]));
        Assert.Contains("overlaps Lindelaan", Assert.Single(plan.Problems[2]));
    }

    [Fact]
    public void A_new_boundary_over_an_existing_network_is_refused_naming_it()
    {
        var plan = Plan(new ImportFeature(1, null, "Centrum", Square(5.312, 51.232, 0.004), null));

        Assert.Contains("overlaps Kerkplein", Assert.Single(plan.Problems[1]));
    }

    [Fact]
    public void A_network_may_move_into_space_another_one_leaves_in_the_same_file()
    {
        var plan = Plan(
            new ImportFeature(1, KerkpleinId, "Kerkplein", Square(5.32, 51.23, 0.005), null),
            new ImportFeature(2, null, "Centrum", Square(5.31, 51.23, 0.005), null));

        Assert.True(plan.Accepted, string.Join(" ", plan.Problems.SelectMany(p => p.Value)));
    }

    [Fact]
    public void Two_features_for_the_same_network_are_refused()
    {
        var plan = Plan(
            new ImportFeature(1, KerkpleinId, null, Square(5.31, 51.23, 0.004), null),
            new ImportFeature(2, null, "Kerkplein", Square(5.31, 51.23, 0.003), null));

        Assert.Equal("Feature 1 already gives a boundary for Kerkplein.", Assert.Single(plan.Problems[2]));
    }

    [Fact]
    public void A_new_network_needs_a_name()
    {
        Assert.Contains("needs a name", Assert.Single(Plan(new ImportFeature(1, null, null, Lindelaan, null)).Problems[1]));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.False(Plan().Accepted);
    }
}
