using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Networks;
using Bin.Domain.Alerts;
using Bin.Testing;
using Bunit;
using Marten;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>The composer over the real alert services of a test host: the repeat question and today's budget.</summary>
public class AlertComposerTests(HostFixture host) : ComposerContext(host.App), IClassFixture<HostFixture>
{
    [Fact]
    public async Task Sending_to_a_network_alerted_moments_ago_asks_in_Dutch_whether_to_send_again_and_sends_only_when_confirmed()
    {
        var scenario = new AlertScenario(App);
        var incidentId = await scenario.IncidentAsync();
        await scenario.AlertAsync(incidentId, NetworkSeed.KerkpleinId);
        IncidentView incident;
        await using (var session = App.Service<IDocumentStore>().QuerySession())
            incident = (await session.LoadAsync<IncidentView>(incidentId))!;
        var sent = new List<AlertIssued>();
        var composer = Render<AlertComposer>(p => p
            .Add(c => c.Incident, incident)
            .Add(c => c.SelectedNetworks, new[] { NetworkSeed.KerkpleinId })
            .Add(c => c.OnSent, (AlertIssued a) => sent.Add(a)));
        composer.WaitForAssertion(() => Assert.False(composer.Find("[data-testid=composer-next]").HasAttribute("disabled")));
        composer.Find("[data-testid=composer-next]").Click();
        composer.WaitForAssertion(() => Assert.Contains("sms-segmenten", composer.Find("[data-testid=composer-budget]").TextContent));

        composer.Find("[data-testid=composer-send]").Click();

        composer.WaitForAssertion(() => Assert.Contains("Kerkplein kreeg", composer.Find("[data-testid=composer-repeat]").TextContent));
        Assert.Contains("opnieuw versturen?", composer.Find("[data-testid=composer-repeat]").TextContent);
        Assert.Empty(sent);
        Assert.Equal("Opnieuw versturen", composer.Find("[data-testid=composer-send]").TextContent.Trim());

        composer.Find("[data-testid=composer-send]").Click();

        composer.WaitForAssertion(() => Assert.Single(sent));
    }

    [Fact]
    public async Task A_parent_rendering_again_while_the_composer_still_loads_leaves_it_with_the_default_tip_and_its_figures()
    {
        var incident = await IncidentAsync();
        var networks = new[] { NetworkSeed.KerkpleinId };
        var composer = Render<AlertComposer>(p => p.Add(c => c.Incident, incident).Add(c => c.SelectedNetworks, networks));

        // The map page renders its panes again on every live update, also while the composer reads today's budget.
        composer.Render(p => p.Add(c => c.Incident, incident).Add(c => c.SelectedNetworks, networks));

        composer.WaitForAssertion(() => Assert.Contains("ontvangers", composer.Find("[data-testid=composer-totals]").TextContent));
        Assert.Equal("burglary-lights", composer.Find("[data-testid=composer-template]").GetAttribute("value"));
        Assert.False(composer.Find("[data-testid=composer-next]").HasAttribute("disabled"));
    }
}
