namespace Bin.Browser.Tests.Map;

public class MapPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] LommelNetworks = ["Kerkplein", "Slachthuis", "Servaesdreef", "Molle Hoeven", "West Kei", "Leuken", "Parelstrand"];

    [Fact]
    public async Task Signing_in_as_dispatcher_shows_the_seven_labelled_networks_on_the_map()
    {
        var page = await browser.NewPageAsync();
        var requested = new List<Uri>();
        page.Request += (_, request) => requested.Add(new Uri(request.Url));

        await BrowserFixture.SignInAsync(page, "dispatcher");

        var map = page.GetByTestId("live-map");
        await Assertions.Expect(map.Locator("path.network-polygon")).ToHaveCountAsync(7);
        var labels = map.Locator(".network-label");
        await Assertions.Expect(labels).ToHaveCountAsync(7);
        Assert.Equal(LommelNetworks.Order(StringComparer.Ordinal), (await labels.AllInnerTextsAsync()).Select(l => l.Trim()).Order(StringComparer.Ordinal));
        await Assertions.Expect(map.Locator(".map-legend li")).ToHaveCountAsync(7);
        await SaveScreenshotAsync(page);

        // Map:TileUrl is empty: no tiles, nothing fetched from anywhere but the dashboard itself.
        Assert.DoesNotContain(requested, uri => uri.Scheme is "http" or "https" && uri.Authority != browser.BaseUrl.Authority);
        Assert.Empty(await map.Locator("img.leaflet-tile").AllAsync());
    }

    [Fact]
    public async Task A_pin_at_a_networks_middle_leaves_the_networks_name_readable_just_above_it()
    {
        var scenario = new Dispatch.ConsoleScenario(browser.Host);
        await scenario.ReportAsync(await scenario.InsideAsync("Kerkplein"), "Melding midden in Kerkplein");
        var page = await browser.SignInAsync("dispatcher");

        var pin = page.Locator(".incident-marker").Filter(new() { HasText = "Melding midden in Kerkplein" });
        var label = page.Locator(".network-label", new() { HasText = "Kerkplein" });
        await Assertions.Expect(pin).ToBeVisibleAsync();
        await Assertions.Expect(label).ToBeVisibleAsync();
        // The report is at the network's interior point, where the name was centred and hid the pin (or the pin the name).
        var (p, l) = ((await pin.BoundingBoxAsync())!, (await label.BoundingBoxAsync())!);
        var overlap = p.X < l.X + l.Width && l.X < p.X + p.Width && p.Y < l.Y + l.Height && l.Y < p.Y + p.Height;
        Assert.False(overlap, $"the pin ({p.X:0},{p.Y:0} {p.Width:0}×{p.Height:0}) and the name ({l.X:0},{l.Y:0} {l.Width:0}×{l.Height:0}) overlap");
        Assert.InRange(p.Y - (l.Y + l.Height), 0, 12);
        Assert.InRange(l.X + l.Width / 2 - (p.X + p.Width / 2), -2, 2);

        // Where a pin does reach a name (a report just above a network's middle), the pin is drawn over it: both lie in
        // panes of the map's own pane, and the one with the higher z-index is drawn over the other.
        const string PaneZ = "e => Number(getComputedStyle(e.closest('.leaflet-map-pane > .leaflet-pane')).zIndex)";
        Assert.True(await pin.EvaluateAsync<int>(PaneZ) > await label.EvaluateAsync<int>(PaneZ), "the network's name is drawn over the pin");
        Assert.True(await label.EvaluateAsync<int>(PaneZ) > await page.Locator("path.network-polygon").First.EvaluateAsync<int>(PaneZ),
            "the network's name is drawn under its shape");
    }

    /// <summary>With BIN_SCREENSHOTS set to a folder, keeps a picture of the map for a human to look at.</summary>
    private static async Task SaveScreenshotAsync(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable("BIN_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "bin-map.png") });
    }
}
