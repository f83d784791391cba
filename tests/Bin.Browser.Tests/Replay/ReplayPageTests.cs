using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;

namespace Bin.Browser.Tests.Replay;

public class ReplayPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private sealed class Snapshot
    {
        public string Playhead { get; set; } = "";
        public int Markers { get; set; }
        public bool Pulsing { get; set; }

        public override string ToString() => $"{Playhead}: {Markers} marker(s), pulsing {Pulsing}";
    }

    [Fact]
    public async Task A_chief_plays_a_period_back_and_the_incident_appears_and_then_its_alerted_network_pulses_each_at_its_moment()
    {
        // The history: an incident in Kerkplein and, three seconds later, an alert to Kerkplein, through the API.
        var (incidentId, reportedAt, issuedAt) = await IncidentAndAlertAsync();
        var page = await browser.SignInAsync("chief");
        await Assertions.Expect(page.GetByTestId("nav-replay")).ToBeVisibleAsync();

        await page.GotoAsync($"replay?from={Iso(reportedAt.AddSeconds(-4))}&to={Iso(issuedAt.AddSeconds(30))}");
        await BrowserFixture.WaitForCircuitAsync(page);
        var map = page.GetByTestId("live-map");
        await Assertions.Expect(map.Locator("path.network-polygon")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("replay-play")).ToBeEnabledAsync();
        Assert.Equal(0, await map.Locator(".incident-marker").CountAsync());
        await page.GetByTestId("replay-speed").SelectOptionAsync("1");

        await page.GetByTestId("replay-play").ClickAsync();

        // Watch the page: the marker never shows before the incident's time, the pulse never before the alert's.
        var sawMarkerAlone = false;
        Snapshot? last = null;
        async Task<bool> ReachedTheAlertAsync()
        {
            var snapshot = await page.EvaluateAsync<Snapshot>($$"""
                () => ({
                    playhead: document.querySelector('[data-testid=replay-now]').dataset.playhead,
                    markers: document.querySelectorAll('[data-testid=live-map] .incident-marker').length,
                    pulsing: !!document.querySelector('[data-testid=live-map] path.network-pulse[data-network="{{NetworkSeed.KerkpleinId}}"]'),
                })
                """);
            var playhead = DateTimeOffset.Parse(snapshot.Playhead, CultureInfo.InvariantCulture);
            if (snapshot.Markers > 0) Assert.True(playhead >= reportedAt, $"marker at {playhead:O}, reported at {reportedAt:O}");
            if (snapshot.Pulsing) Assert.True(playhead >= issuedAt, $"pulse at {playhead:O}, alert at {issuedAt:O}");
            sawMarkerAlone |= snapshot.Markers == 1 && !snapshot.Pulsing;
            last = snapshot;
            return snapshot.Markers == 1 && snapshot.Pulsing;
        }
        if (!await Eventually.WithinAsync(ReachedTheAlertAsync, TimeSpan.FromSeconds(40))) Assert.Fail($"The replay did not reach the alert: {last}");
        Assert.True(sawMarkerAlone, "the incident should be on the map before its network is alerted");
        await Assertions.Expect(map.Locator(".network-label", new() { HasText = "Kerkplein" }).Locator(".network-badge")).ToContainTextAsync("✓");
        var events = page.GetByTestId("replay-event");
        await Assertions.Expect(events.First).ToContainTextAsync("Tip verstuurd");
        await Assertions.Expect(events.Filter(new() { HasText = "Melding" })).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "bin-replay.png");

        // Scrubbing back before the incident asks the server for that moment: an empty map again.
        await page.GetByTestId("replay-play").ClickAsync();
        await page.GetByTestId("replay-scrubber").FillAsync("0");
        await Assertions.Expect(map.Locator(".incident-marker")).ToHaveCountAsync(0);
        await Assertions.Expect(map.Locator("path.network-pulse")).ToHaveCountAsync(0);
        Assert.NotEqual(Guid.Empty, incidentId);
    }

    [Fact]
    public async Task A_chief_reads_the_evaluation_and_the_audit_of_the_alert()
    {
        var (incidentId, _, _) = await IncidentAndAlertAsync(pause: false);
        // Closed at once, so that it never shows in the other test's replay (the state of a moment holds every open incident).
        using (var officer = await ApiClientAsync("officer"))
            (await officer.PostAsJsonAsync($"/api/incidents/{incidentId}/close", new { outcome = "nothing-found" })).EnsureSuccessStatusCode();
        var page = await browser.SignInAsync("chief");

        await page.GetByTestId("nav-evaluation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tile-alerts")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("evaluation-row")).ToHaveCountAsync(8); // seven networks and the zone
        await Assertions.Expect(page.GetByTestId("chart-categories")).ToContainTextAsync("Inbraak");
        await ScreenshotAsync(page, "bin-evaluation.png");

        await page.GetByTestId("nav-audit").ClickAsync();
        var row = page.GetByTestId("audit-row").First;
        await Assertions.Expect(row).ToContainTextAsync("officer");
        await Assertions.Expect(row).ToContainTextAsync("Kerkplein");
        await ScreenshotAsync(page, "bin-audit.png");
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("officer")]
    public async Task Others_cannot_open_replay_evaluation_or_audit(string user)
    {
        var page = await browser.SignInAsync(user);
        Assert.Equal(0, await page.GetByTestId("nav-replay").CountAsync());

        foreach (var path in new[] { "replay", "evaluation", "audit" })
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Uw rol geeft geen toegang");
            Assert.Equal(0, await page.GetByTestId("replay-page").CountAsync());
            Assert.Equal(0, await page.GetByTestId("evaluation-page").CountAsync());
        }
    }

    private async Task<(Guid Incident, DateTimeOffset ReportedAt, DateTimeOffset IssuedAt)> IncidentAndAlertAsync(bool pause = true)
    {
        using var officer = await ApiClientAsync("officer");
        var reported = await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Inbraak voor de replay" });
        reported.EnsureSuccessStatusCode();
        var incidentId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var reportedAt = (await officer.GetFromJsonAsync<JsonElement>($"/api/incidents/{incidentId}")).GetProperty("reportedAt").GetDateTimeOffset();
        // Not a wait for something: the replay test needs the alert three seconds of business time after the report,
        // so that at 1× the marker shows alone first. The clock of the host is the real one.
        if (pause) await Task.Delay(TimeSpan.FromSeconds(3));
        var alerted = await officer.PostAsJsonAsync($"/api/incidents/{incidentId}/alerts", new { networkIds = new[] { NetworkSeed.KerkpleinId }, tipTemplateId = "burglary-lights" });
        alerted.EnsureSuccessStatusCode();
        var alertId = (await alerted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetGuid();
        var issuedAt = (await officer.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}")).GetProperty("alert").GetProperty("issuedAt").GetDateTimeOffset();
        return (incidentId, reportedAt, issuedAt);
    }

    /// <summary>An API client of the Kestrel host (the factory's own clients talk to its in-memory server).</summary>
    private async Task<HttpClient> ApiClientAsync(string user)
    {
        var client = new HttpClient { BaseAddress = browser.BaseUrl };
        var token = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = BrowserFixture.DemoPassword });
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("BIN_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = false });
    }
}
