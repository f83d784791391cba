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

    /// <summary>With BIN_SCREENSHOTS set to a folder, keeps a picture of the map for a human to look at.</summary>
    private static async Task SaveScreenshotAsync(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable("BIN_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "bin-map.png") });
    }
}
