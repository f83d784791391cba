using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Cap;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.Alerts.Cap;

/// <summary>A host with one CAP feed token configured.</summary>
public sealed class CapHostFixture : IAsyncLifetime
{
    public const string FeedToken = "cap-feed-token-for-tests-0123456789abcdef";

    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BinAppFactory.StartAsync(new Dictionary<string, string?> { ["Cap:FeedTokens:0"] = FeedToken });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class CapExportTests(CapHostFixture host) : IClassFixture<CapHostFixture>
{
    private static Guid Leuken => SeedNetworks.Leuken;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private AlertScenario Scenario => new(host.App);

    private async Task<XElement> CapAsync(Guid alertId, HttpClient client)
    {
        var response = await client.GetAsync($"/api/alerts/{alertId}/cap");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/cap+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    private HttpClient FeedClient(string token)
    {
        var client = host.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task An_alert_to_two_networks_is_a_valid_CAP_document_with_an_info_per_language_and_an_area_per_network()
    {
        var issued = await Scenario.AlertAsync(await Scenario.IncidentAsync(), NetworkSeed.KerkpleinId, Leuken);

        var cap = await CapAsync(issued.AlertId, await host.App.ClientForAsync("officer"));

        Assert.Empty(CapRules.Check(cap));
        Assert.Equal($"urn:uuid:{issued.AlertId}", cap.Element(CapRules.Cap + "identifier")!.Value);
        Assert.Equal(["Actual", "Alert", "Restricted"], new[] { "status", "msgType", "scope" }.Select(n => cap.Element(CapRules.Cap + n)!.Value));
        var infos = cap.Elements(CapRules.Cap + "info").ToList();
        Assert.Equal(["nl-BE", "fr-BE", "de-BE", "en"], infos.Select(i => i.Element(CapRules.Cap + "language")!.Value));
        // A burglary reported but not verified: Security, Immediate, Moderate, Likely; the event in each language.
        Assert.All(infos, i => Assert.Equal(["Security", "Immediate", "Moderate", "Likely"],
            new[] { "category", "urgency", "severity", "certainty" }.Select(n => i.Element(CapRules.Cap + n)!.Value)));
        Assert.Equal(["Inbraak", "Cambriolage", "Einbruch", "Burglary"], infos.Select(i => i.Element(CapRules.Cap + "event")!.Value));
        Assert.All(infos, i => Assert.False(string.IsNullOrWhiteSpace(i.Element(CapRules.Cap + "headline")?.Value)));

        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var alert = (await session.LoadAsync<AlertView>(issued.AlertId))!;
        Assert.Equal(alert.Texts["fr"], infos[1].Element(CapRules.Cap + "description")!.Value);
        var kerkplein = (await session.LoadAsync<NetworkView>(NetworkSeed.KerkpleinId))!;
        foreach (var info in infos)
        {
            var areas = info.Elements(CapRules.Cap + "area").ToList();
            Assert.Equal(["Kerkplein", "Leuken"], areas.Select(a => a.Element(CapRules.Cap + "areaDesc")!.Value));
            // Latitude first, the stored ring in its order, closed.
            var pairs = CapRules.Pairs(areas[0].Element(CapRules.Cap + "polygon")!.Value);
            var ring = kerkplein.Boundary.ExteriorRing.Coordinates;
            Assert.Equal(ring.Length, pairs.Count);
            Assert.All(pairs.Zip(ring), p =>
            {
                Assert.Equal(p.Second.Y, p.First.Latitude, 6);
                Assert.Equal(p.Second.X, p.First.Longitude, 6);
            });
        }
    }

    [Fact]
    public async Task A_verified_incident_makes_the_certainty_Observed()
    {
        var incident = await Scenario.IncidentAsync();
        var officer = await host.App.ClientForAsync("officer");
        (await officer.PostAsync($"/api/incidents/{incident}/verify", null)).EnsureSuccessStatusCode();
        var issued = await Scenario.AlertAsync(incident, NetworkSeed.KerkpleinId);

        var cap = await CapAsync(issued.AlertId, officer);

        Assert.Empty(CapRules.Check(cap));
        Assert.All(cap.Elements(CapRules.Cap + "info"), i => Assert.Equal("Observed", i.Element(CapRules.Cap + "certainty")!.Value));
    }

    [Fact]
    public async Task The_feed_needs_a_feed_token_and_carries_each_recent_alert_as_CAP()
    {
        var issued = await Scenario.AlertAsync(await Scenario.IncidentAsync(), NetworkSeed.KerkpleinId);

        var anonymous = await host.App.CreateClient().GetAsync("/api/cap/feed");
        var wrong = await FeedClient("not-the-token-but-long-enough-to-look-like-one").GetAsync("/api/cap/feed");
        var feed = await FeedClient(CapHostFixture.FeedToken).GetAsync("/api/cap/feed");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", atom.Name);
        var entry = Assert.Single(atom.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value == $"urn:uuid:{issued.AlertId}");
        var cap = entry.Element(Atom + "content")!.Element(CapRules.Cap + "alert")!;
        Assert.Empty(CapRules.Check(cap));
        var link = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("type") == "application/cap+xml").Attribute("href")!.Value;
        // The linked document is readable with the same token.
        var linked = await FeedClient(CapHostFixture.FeedToken).GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.App.CreateClient().GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_gets_no_CAP_document_of_another_networks_alert()
    {
        var issued = await Scenario.AlertAsync(await Scenario.IncidentAsync(51.2250, 5.3416), Leuken);

        var response = await (await host.App.ClientForAsync("coordinator")).GetAsync($"/api/alerts/{issued.AlertId}/cap");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_rules_catch_a_broken_document()
    {
        var broken = new XElement(CapRules.Cap + "alert",
            new XElement(CapRules.Cap + "identifier", "an id, with a comma"),
            new XElement(CapRules.Cap + "sent", "2026-11-28T21:40:00Z"),
            new XElement(CapRules.Cap + "status", "Real"),
            new XElement(CapRules.Cap + "sender", "zone"),
            new XElement(CapRules.Cap + "msgType", "Alert"),
            new XElement(CapRules.Cap + "scope", "Restricted"),
            new XElement(CapRules.Cap + "info",
                new XElement(CapRules.Cap + "category", "Crime"),
                new XElement(CapRules.Cap + "event", "x"),
                new XElement(CapRules.Cap + "urgency", "Now"),
                new XElement(CapRules.Cap + "severity", "Moderate"),
                new XElement(CapRules.Cap + "certainty", "Observed"),
                new XElement(CapRules.Cap + "area", new XElement(CapRules.Cap + "areaDesc", "a"),
                    new XElement(CapRules.Cap + "polygon", "5.31,51.23 5.32,51.23 5.32,51.24"))));

        var problems = CapRules.Check(broken);

        Assert.Contains(problems, p => p.Contains("identifier"));
        Assert.Contains(problems, p => p.Contains("sent"));
        Assert.Contains(problems, p => p.Contains("status 'Real'"));
        Assert.Contains(problems, p => p.Contains("schema order"));
        Assert.Contains(problems, p => p.Contains("restriction"));
        Assert.Contains(problems, p => p.Contains("category 'Crime'"));
        Assert.Contains(problems, p => p.Contains("urgency 'Now'"));
        Assert.Contains(problems, p => p.Contains("at least 4"));
        Assert.Contains(problems, p => p.Contains("not closed"));
    }

    [Theory]
    [InlineData("2026-11-28T20:40:00Z", "2026-11-28T21:40:00+01:00")]
    [InlineData("2026-07-01T08:00:00Z", "2026-07-01T10:00:00+02:00")]
    public void CAP_times_are_the_zones_local_time_with_its_offset(string utc, string expected)
    {
        Assert.Equal(expected, CapDocument.Time(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("fire", false, "Fire", "Severe", "Likely")]
    [InlineData("co", true, "Health", "Severe", "Observed")]
    [InlineData("burglary", true, "Security", "Moderate", "Observed")]
    [InlineData("suspicious-vehicle", false, "Security", "Minor", "Likely")]
    [InlineData("other", false, "Other", "Minor", "Likely")]
    public void Each_incident_category_has_its_CAP_values(string category, bool verified, string capCategory, string severity, string certainty)
    {
        var profile = CapProfile.For(category, verified);

        Assert.Equal((capCategory, "Immediate", severity, certainty), (profile.Category, profile.Urgency, profile.Severity, profile.Certainty));
    }
}
