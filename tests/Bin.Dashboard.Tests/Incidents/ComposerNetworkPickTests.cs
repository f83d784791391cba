using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Tests.Alerts;
using Bin.Testing;
using Bunit;

namespace Bin.Dashboard.Tests.Incidents;

/// <summary>Networks for an alert can be picked without the map: a list that the keyboard and screen readers reach.</summary>
public class ComposerNetworkPickTests(HostFixture host) : ComposerContext(host.App), IClassFixture<HostFixture>
{
    [Fact]
    public async Task Choosing_a_network_in_the_list_adds_it_and_the_list_offers_only_networks_not_picked_yet()
    {
        var incident = await IncidentAsync();
        var names = (await App.Service<NetworkDirectory>().CurrentAsync()).Names;
        var parelstrand = names.Single(n => n.Value == "Parelstrand").Key;
        IReadOnlyList<Guid>? picked = null;
        var composer = Render<AlertComposer>(p => p
            .Add(c => c.Incident, incident)
            .Add(c => c.SelectedNetworks, new[] { NetworkSeed.KerkpleinId })
            .Add(c => c.SelectedNetworksChanged, (IReadOnlyList<Guid> networks) => picked = networks));

        var options = composer.FindAll("[data-testid=composer-add-network] option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.DoesNotContain("Kerkplein", options);
        Assert.Contains("Parelstrand", options);
        Assert.Equal("Verwijderen: Kerkplein", composer.Find("[data-testid=composer-networks] button").GetAttribute("aria-label"));

        composer.Find("[data-testid=composer-add-network]").Change(parelstrand.ToString());

        composer.WaitForAssertion(() => Assert.Equal([NetworkSeed.KerkpleinId, parelstrand], picked));
    }
}
