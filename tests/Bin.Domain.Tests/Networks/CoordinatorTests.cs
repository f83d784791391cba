using Bin.Domain.Networks;
using static Bin.Domain.Tests.Networks.NetworkHistory;

namespace Bin.Domain.Tests.Networks;

public class CoordinatorTests
{
    [Fact]
    public void A_coordinator_is_assigned_by_account_name_in_lower_case()
    {
        var e = FoundingDecisions.AssignCoordinator(Given(RunningBeforeTheDashboard()), new AssignCoordinator(Id, " Coordinator "), Now);

        Assert.Equal(new CoordinatorAssigned(Id, "coordinator", Now), e);
        Assert.Equal(["coordinator"], Given(RunningBeforeTheDashboard(), e)!.Coordinators);
    }

    [Fact]
    public void A_network_can_have_several_coordinators_and_loses_one()
    {
        var history = new object[] { RunningBeforeTheDashboard(), new CoordinatorAssigned(Id, "an", Now), new CoordinatorAssigned(Id, "piet", Now) };

        var removed = FoundingDecisions.RemoveCoordinator(Given(history), new RemoveCoordinator(Id, "an"), Now);

        Assert.Equal(["an", "piet"], Given(history)!.Coordinators);
        Assert.Equal(["piet"], Given([.. history, removed])!.Coordinators);
    }

    [Fact]
    public void Assigning_the_same_coordinator_twice_is_refused()
    {
        var ex = ThenRefused(() => FoundingDecisions.AssignCoordinator(Given(RunningBeforeTheDashboard(), new CoordinatorAssigned(Id, "an", Now)), new AssignCoordinator(Id, "AN"), Now));

        Assert.Equal("accountId", ex.Field);
    }

    [Fact]
    public void Removing_someone_who_does_not_coordinate_is_refused()
    {
        Assert.Contains("does not coordinate Kerkplein", ThenRefused(() => FoundingDecisions.RemoveCoordinator(Given(RunningBeforeTheDashboard()), new RemoveCoordinator(Id, "an"), Now)).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("jan peeters")]
    [InlineData("jan@example.be")]
    public void A_coordinator_is_an_account_name_not_personal_details(string typed)
    {
        Assert.Equal("accountId", ThenRefused(() => FoundingDecisions.AssignCoordinator(Given(RunningBeforeTheDashboard()), new AssignCoordinator(Id, typed), Now)).Field);
    }
}
