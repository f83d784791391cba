using System.Globalization;

namespace Bin.Browser.Tests.Addresses;

public class AddressSearchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A resident's phone: 390 × 844 CSS pixels, touch, not signed in.</summary>
    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("Not on screen: " + locator);

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    [Fact]
    public async Task On_a_phone_the_join_page_shows_map_and_form_apart_the_search_above_the_fold_and_a_small_legend_for_residents()
    {
        var phone = await PhoneAsync();
        await phone.GotoAsync("lid-worden");
        await BrowserFixture.WaitForCircuitAsync(phone);
        await Assertions.Expect(phone.Locator(".map-legend")).ToBeVisibleAsync();

        var map = await BoxAsync(phone.Locator(".map-pane"));
        var side = await BoxAsync(phone.GetByTestId("join-side"));
        var legend = await BoxAsync(phone.Locator(".map-legend"));
        var search = await BoxAsync(phone.GetByTestId("address-search-input"));
        Assert.False(Overlap(map, side), $"map {map.Y}+{map.Height} overlaps the form at {side.Y}");
        // The address search is on the first screen, without scrolling.
        Assert.True(search.Y + search.Height <= 844, $"the address search ends at {search.Y + search.Height}, below the fold");
        // The legend covers well under half the map.
        Assert.True(legend.Width * legend.Height < 0.3 * map.Width * map.Height, $"legend {legend.Width}×{legend.Height} on a map of {map.Width}×{map.Height}");
        // Nothing wider than the phone.
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        // The public legend speaks to residents, not to administrators.
        await Assertions.Expect(phone.Locator(".map-legend")).Not.ToContainTextAsync("importeer");
        await Assertions.Expect(phone.Locator(".map-legend")).ToContainTextAsync("bij benadering");

        // The resident types the address, picks it, and the page says which BIN covers it.
        await phone.GetByTestId("address-search-input").FillAsync("Kerkplein 3");
        await phone.GetByTestId("address-search-input").PressAsync("Enter");
        var first = phone.GetByTestId("address-result").First;
        await Assertions.Expect(first).ToContainTextAsync("Kerkplein 3, 3920 Lommel");
        await Assertions.Expect(phone.GetByTestId("address-demo-note")).ToBeVisibleAsync();
        await first.TapAsync();
        await Assertions.Expect(phone.GetByTestId("join-covered")).ToContainTextAsync("Kerkplein");
        await Assertions.Expect(phone.Locator(".map-pin")).ToHaveCountAsync(1);
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } folder)
            await phone.ScreenshotAsync(new() { Path = Path.Combine(folder, "bin-join-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task A_dispatcher_finds_the_callers_address_and_the_intake_takes_its_point_and_network()
    {
        var dispatcher = await browser.SignInAsync("dispatcher");
        // The intake is folded away so the board stays in view; the dispatcher opens it for a call.
        await dispatcher.GetByTestId("intake-toggle").ClickAsync();

        var input = dispatcher.GetByTestId("address-search-input");
        await input.FillAsync("stationsstraat 10");
        // Enter searches; it does not save the incident (the search lives inside the intake form).
        await input.PressAsync("Enter");
        await dispatcher.GetByTestId("address-result").Filter(new() { HasText = "Stationsstraat 10," }).ClickAsync();

        await Assertions.Expect(dispatcher.GetByTestId("intake-networks")).ToContainTextAsync("Kerkplein");
        var lat = double.Parse(await dispatcher.GetByTestId("intake-lat").InputValueAsync(), CultureInfo.InvariantCulture);
        var lon = double.Parse(await dispatcher.GetByTestId("intake-lon").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(lat, 51.229, 51.233);
        Assert.InRange(lon, 5.314, 5.317);
        await Assertions.Expect(dispatcher.Locator(".field-error")).ToHaveCountAsync(0);
    }
}
