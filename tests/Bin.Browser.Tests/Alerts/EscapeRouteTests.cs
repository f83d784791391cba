using System.Xml.Linq;

namespace Bin.Browser.Tests.Alerts;

public class EscapeRouteTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    [Fact]
    public async Task An_officer_draws_the_escape_route_sees_three_networks_selected_sends_and_downloads_the_CAP_file()
    {
        var officer = await browser.SignInAsync("officer");
        var map = officer.GetByTestId("live-map");
        await Assertions.Expect(map.Locator("path.network-polygon")).ToHaveCountAsync(7, new() { Timeout = 15_000 });

        // A burglary in Kerkplein; the car left south-east, past Servaesdreef towards Leuken.
        var kerkplein = await CentreOfLabelAsync(officer, "Kerkplein");
        await officer.Mouse.ClickAsync(kerkplein.X, kerkplein.Y + 14);
        await Assertions.Expect(officer.GetByTestId("intake-networks")).ToContainTextAsync("Kerkplein");
        await officer.GetByTestId("intake-category").SelectOptionAsync("burglary");
        await officer.GetByTestId("intake-description").FillAsync("Inbraak, wagen gevlucht richting Leuken");
        await officer.GetByTestId("intake-save").ClickAsync();
        await officer.GetByTestId("open-composer").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("composer-networks")).ToContainTextAsync("Kerkplein");

        // Draw the route through the middle of Kerkplein, Servaesdreef and Leuken, 300 m either side.
        await officer.GetByTestId("route-meters").FillAsync("300");
        await officer.GetByTestId("route-meters").DispatchEventAsync("change");
        await officer.GetByTestId("route-draw").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("route-finish")).ToBeVisibleAsync();
        var placed = map.Locator(".leaflet-editing-icon");
        await Assertions.Expect(placed).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        var points = new[] { await CentreOfLabelAsync(officer, "Kerkplein"), await CentreOfLabelAsync(officer, "Servaesdreef"), await CentreOfLabelAsync(officer, "Leuken") };
        for (var i = 0; i < points.Length; i++) await Map.DrawnPoints.PlaceAsync(officer, placed, points[i].X, points[i].Y, i + 1);
        await officer.GetByTestId("route-finish").ClickAsync();

        await Assertions.Expect(officer.GetByTestId("route-found")).ToHaveAttributeAsync("data-count", "3", new() { Timeout = 15_000 });
        var chips = officer.GetByTestId("composer-networks").Locator(".chip");
        await Assertions.Expect(chips).ToHaveCountAsync(3);
        foreach (var name in new[] { "Kerkplein", "Servaesdreef", "Leuken" })
            await Assertions.Expect(officer.GetByTestId("composer-networks")).ToContainTextAsync(name);
        await Assertions.Expect(map.Locator("path.network-selected")).ToHaveCountAsync(3);

        await Assertions.Expect(officer.GetByTestId("composer-totals")).ToContainTextAsync("ontvangers");
        await officer.GetByTestId("composer-next").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("composer-confirm")).ToContainTextAsync("Leuken");
        await officer.GetByTestId("composer-send").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("alert-progress")).ToBeVisibleAsync();
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } folder)
            await officer.ScreenshotAsync(new() { Path = Path.Combine(folder, "bin-escape-route.png") });

        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("cap-download").First.ClickAsync());
        var path = await download.PathAsync();
        var cap = XDocument.Load(path).Root!;
        Assert.Equal(Cap + "alert", cap.Name);
        Assert.EndsWith(".cap.xml", download.SuggestedFilename);
        var info = cap.Elements(Cap + "info").First();
        Assert.Equal(["Kerkplein", "Leuken", "Servaesdreef"],
            info.Elements(Cap + "area").Select(a => a.Element(Cap + "areaDesc")!.Value).Order(StringComparer.Ordinal));
    }

    private static async Task<(float X, float Y)> CentreOfLabelAsync(IPage page, string name)
    {
        var label = page.Locator(".network-label", new() { HasText = name });
        var box = (await label.BoundingBoxAsync())!;
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }
}
