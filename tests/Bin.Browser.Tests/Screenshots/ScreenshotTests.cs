using Bin.DemoData;
using System.Globalization;
using Bin.Testing;

namespace Bin.Browser.Tests.Screenshots;

/// <summary>
/// The main screens at 1440 × 900 in Dutch, filled as a zone would see them (demo networks, members, addresses and a
/// fortnight of demo history): the live map with a new incident, its panel, the alert composer, replay and evaluation.
/// Each step checks the screen shows its content. With BIN_SCREENSHOTS set to a folder (<c>./build.sh screenshots</c>
/// sets docs/screenshots) each screen is also saved there as a PNG for the README.
/// </summary>
public sealed class ScreenshotTests : IAsyncLifetime
{
    private BrowserHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        // Two weeks of demo history (written by Bin.DemoData, as `./build.sh run` does) give replay and evaluation content.
        var host = BrowserHost.StartAsync(services: s => s.AddBinHistoryGenerator());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions());
        _host = await host;
        await _host.App.Service<HistoryGenerator>().GenerateAsync(HistoryProfile.Demo(14, DateTimeOffset.UtcNow), default);
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _host.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "nl-BE",
        });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, user);
        return page;
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        // Leaflet and the page fetch nothing more once drawn: an idle network means the picture is complete.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = false });
    }

    [Fact]
    public async Task The_map_the_incident_panel_the_composer_replay_and_evaluation_show_their_content_in_dutch_at_1440_by_900()
    {
        // The live map: an officer records a caller's burglary by address.
        var officer = await SignInAsync("officer");
        await Assertions.Expect(officer.Locator("path.network-polygon")).ToHaveCountAsync(7);
        await officer.GetByTestId("intake-toggle").ClickAsync();
        await officer.GetByTestId("address-search-input").FillAsync("Kerkplein 5");
        await officer.GetByTestId("address-search-input").PressAsync("Enter");
        await officer.GetByTestId("address-result").Filter(new() { HasText = "Kerkplein 5," }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("intake-networks")).ToContainTextAsync("Kerkplein");
        await officer.GetByTestId("intake-category").SelectOptionAsync("burglary");
        await officer.GetByTestId("intake-description").FillAsync("Inbraak in woning, twee daders te voet richting Stationsstraat");
        await officer.GetByTestId("intake-save").ClickAsync();
        // The demo history has burglaries of its own: the row is found by words only this test writes.
        var row = officer.GetByTestId("board-row").Filter(new() { HasText = "twee daders te voet richting Stationsstraat" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await SaveAsync(officer, "map.png");

        // The incident panel (the new incident is selected on saving; a click on its row selects it in any case).
        await row.ClickAsync();
        await Assertions.Expect(officer.GetByTestId("selected-incident")).ToContainTextAsync("Inbraak in woning");
        await SaveAsync(officer, "incident-panel.png");

        // The alert composer for Kerkplein.
        await officer.GetByTestId("open-composer").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("composer-networks")).ToContainTextAsync("Kerkplein");
        await Assertions.Expect(officer.GetByTestId("composer-totals")).ToContainTextAsync("ontvangers");
        await SaveAsync(officer, "composer.png");

        // Replay of the last week of demo history, played to its end.
        var chief = await SignInAsync("chief");
        var to = DateTimeOffset.UtcNow;
        await chief.GotoAsync($"replay?from={Iso(to.AddDays(-7))}&to={Iso(to)}");
        await BrowserFixture.WaitForCircuitAsync(chief);
        await Assertions.Expect(chief.GetByTestId("replay-play")).ToBeEnabledAsync();
        // Scrubbed to near the end of the week: the map as it stood then, the events up to that moment beside it.
        var scrubber = chief.GetByTestId("replay-scrubber");
        var steps = int.Parse(await scrubber.GetAttributeAsync("max") ?? "0", CultureInfo.InvariantCulture);
        await scrubber.FillAsync((steps * 9 / 10).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(chief.GetByTestId("replay-event").First).ToBeVisibleAsync();
        Assert.True(await chief.GetByTestId("replay-event").CountAsync() > 10);
        await SaveAsync(chief, "replay.png");

        // Evaluation: a row per network with its figures.
        await chief.GotoAsync("evaluation");
        await BrowserFixture.WaitForCircuitAsync(chief);
        await Assertions.Expect(chief.GetByTestId("evaluation-row")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(chief.GetByTestId("evaluation-table")).ToContainTextAsync("Kerkplein");
        await SaveAsync(chief, "evaluation.png");
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }
}
