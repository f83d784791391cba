using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Tests.Alerts;
using Bin.Testing;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Security;

/// <summary>
/// What a coordinator sees of an incident shared with another network: their network's figures and replies only; and
/// an incident of another network cannot be opened on the map, not even by an id sent from the browser.
/// </summary>
public class ScopedViewsTests : BunitContext, IClassFixture<HostFixture>
{
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;
    private static Guid Leuken => SeedNetworks.Leuken;
    private readonly HostFixture _host;
    private readonly AlertScenario _scenario;

    public ScopedViewsTests(HostFixture host)
    {
        _host = host;
        _scenario = new AlertScenario(host.App);
        Map.MapPageServices.AddWithMapState(Services, host.App);
        Services.AddSingleton<Bin.Dashboard.Features.Addresses.IAddressFinder>(new Addresses.FakeAddressFinder());
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private void SignIn(string user, params Guid[] networks)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(user);
        auth.SetClaims([.. networks.Select(n => new Claim(BinClaims.Network, n.ToString()))]);
    }

    [Fact]
    public async Task On_a_shared_incident_a_coordinator_sees_their_networks_progress_recipients_and_replies_only()
    {
        var kerkplein = await _scenario.ImportMembersAsync(Kerkplein, 1, "476");
        var parelstrand = await _scenario.ImportMembersAsync(AlertScenario.Parelstrand, 1, "477");
        var incident = await _scenario.IncidentAsync();
        var issued = await _scenario.AlertAsync(incident, Kerkplein, AlertScenario.Parelstrand);
        await _scenario.WaitUntilHandedOverAsync(issued.AlertId);
        var client = _host.App.CreateClient();
        Assert.True((await client.SendAsync(TwilioSigner.Inbound(kerkplein[0], "Niets gezien aan de kerk"))).IsSuccessStatusCode);
        Assert.True((await client.SendAsync(TwilioSigner.Inbound(parelstrand[0], "Wagen reed weg aan het strand"))).IsSuccessStatusCode);
        await _scenario.RecordedAsync();
        var coordinatorApi = await _host.App.ClientForAsync("coordinator");
        var scoped = (await coordinatorApi.GetFromJsonAsync<JsonElement>($"/api/alerts/{issued.AlertId}")).GetProperty("alert");
        var kerkpleinRecipients = scoped.GetProperty("recipientsPerNetwork").GetProperty(Kerkplein.ToString()).GetInt32();
        SignIn("coordinator", Kerkplein);

        var panel = Render<AlertProgressPanel>(p => p.Add(x => x.IncidentId, incident));

        panel.WaitForAssertion(() =>
        {
            Assert.Equal([Kerkplein.ToString()], panel.FindAll("[data-testid=progress-row]").Select(r => r.GetAttribute("data-network")));
            var replies = panel.Find("[data-testid=replies]").TextContent;
            Assert.Contains("Niets gezien aan de kerk", replies);
            Assert.DoesNotContain("strand", replies);
            Assert.Contains($"· {kerkpleinRecipients} ", panel.Find(".alert-block p").TextContent);
        });
        Assert.Equal(kerkpleinRecipients, scoped.GetProperty("recipients").GetInt32());
        Assert.Equal([Kerkplein], scoped.GetProperty("networkIds").EnumerateArray().Select(n => n.GetGuid()));
    }

    [Fact]
    public async Task An_officer_sees_every_network_of_a_shared_incident()
    {
        var incident = await _scenario.IncidentAsync();
        await _scenario.AlertAsync(incident, Kerkplein, AlertScenario.Parelstrand);
        SignIn("officer");

        var panel = Render<AlertProgressPanel>(p => p.Add(x => x.IncidentId, incident));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=progress-row]").Count));
    }

    [Fact]
    public async Task The_map_opens_an_incident_id_from_the_browser_only_when_it_lies_in_the_coordinators_network()
    {
        var officer = await _host.App.ClientForAsync("officer");
        var inLeuken = await ReportAsync(officer, Leuken);
        var inKerkplein = await ReportAsync(officer, Kerkplein);
        SignIn("coordinator", Kerkplein);
        var page = Render<MapPage>();
        // The map is there once the page has read its networks and incidents.
        page.WaitForElement("[data-testid=live-map]");
        var map = page.FindComponent<LiveMap>();

        await page.InvokeAsync(() => map.Instance.IncidentClicked(inLeuken));
        Assert.Empty(page.FindAll("[data-testid=selected-incident]"));

        await page.InvokeAsync(() => map.Instance.IncidentClicked(inKerkplein));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=selected-incident]")));
    }

    private async Task<Guid> ReportAsync(HttpClient officer, Guid network)
    {
        var resolver = (await _host.App.Service<NetworkDirectory>().CurrentAsync()).Resolver;
        for (var lat = 51.18; lat < 51.30; lat += 0.0015)
            for (var lon = 5.22; lon < 5.42; lon += 0.0015)
                if (resolver.Containing(lat, lon) is [var only] && only == network)
                {
                    var response = await officer.PostAsJsonAsync("/api/incidents", new { lat, lon, category = "theft", description = "Fiets" });
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                }
        throw new InvalidOperationException("No point found inside the network.");
    }
}
