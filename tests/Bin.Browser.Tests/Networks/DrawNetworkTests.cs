namespace Bin.Browser.Tests.Networks;

public class DrawNetworkTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_draws_a_new_polygon_for_a_proposed_network_and_sees_it_on_the_live_map()
    {
        var admin = await browser.SignInAsync("admin");
        await admin.GetByTestId("nav-networks").ClickAsync();
        await admin.GetByTestId("propose-network").ClickAsync();
        await BrowserFixture.WaitForCircuitAsync(admin);
        var map = admin.GetByTestId("live-map");
        await Assertions.Expect(map.Locator("path.network-polygon")).ToHaveCountAsync(7, new() { Timeout = 15_000 });

        // Draw a square of four corners in a part of the map no network covers, then close it.
        var corners = await FreeSquareAsync(admin, size: 70);
        var placed = map.Locator(".leaflet-editing-icon");
        for (var i = 0; i < corners.Length; i++) await Map.DrawnPoints.PlaceAsync(admin, placed, corners[i].X, corners[i].Y, i + 1);
        await admin.GetByTestId("finish-shape").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("shape-status")).ToContainTextAsync("4");
        await admin.GetByTestId("network-name").FillAsync("Heikant");
        await admin.GetByTestId("save-network").ClickAsync();

        // The new network's page: proposed, its idea recorded as the first founding step.
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/networks/[0-9a-f-]{36}$"), new() { Timeout = 60_000 });
        await Assertions.Expect(admin.GetByTestId("network-status")).ToHaveTextAsync("Voorgesteld");
        await Assertions.Expect(admin.Locator("li[data-step=IdeaRegistered]")).ToHaveAttributeAsync("data-state", "done");

        // The next founding step is recorded from the page; skipping ahead is not offered.
        await Assertions.Expect(admin.GetByTestId("founding-form")).ToHaveAttributeAsync("data-step", "ConsultationHeld");
        await admin.GetByTestId("founding-form").Locator("textarea").FillAsync("Overleg met schepen en wijkagent.");
        await admin.GetByTestId("record-step").ClickAsync();
        await Assertions.Expect(admin.Locator("li[data-step=ConsultationHeld]")).ToHaveAttributeAsync("data-state", "done");
        await Assertions.Expect(admin.GetByTestId("network-status")).ToHaveTextAsync("In oprichting");
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } pictures)
            await admin.ScreenshotAsync(new() { Path = Path.Combine(pictures, "bin-network-page.png"), FullPage = true });

        // The network list, filtered on "being founded", shows it alone.
        await admin.GetByTestId("nav-networks").ClickAsync();
        await admin.GetByTestId("status-filter").Locator("[data-status=Founding]").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("network-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.GetByTestId("network-table")).ToContainTextAsync("Heikant");

        // The live map shows it (a dispatcher's too), drawn as a network being founded.
        var dispatcher = await browser.SignInAsync("dispatcher");
        var live = dispatcher.GetByTestId("live-map");
        await Assertions.Expect(live.Locator("path.network-polygon")).ToHaveCountAsync(8);
        await Assertions.Expect(live.Locator(".network-label", new() { HasText = "Heikant" })).ToHaveCountAsync(1);
        await Assertions.Expect(live.Locator("path.network-founding")).ToHaveCountAsync(1);
        await Assertions.Expect(live.Locator(".map-legend")).ToContainTextAsync("In oprichting");
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } folder)
            await dispatcher.ScreenshotAsync(new() { Path = Path.Combine(folder, "bin-drawn-network.png") });
    }

    /// <summary>
    /// The corners of a square of <paramref name="size"/> pixels on the map over which nothing is drawn: no network, no
    /// control, no legend (sampled on a grid inside it), so the polygon drawn there overlaps nothing.
    /// </summary>
    private static async Task<(float X, float Y)[]> FreeSquareAsync(IPage page, int size)
    {
        var found = await page.EvaluateAsync<float[]?>("""
            (size) => {
              const map = document.querySelector('[data-testid=live-map]');
              const box = map.getBoundingClientRect();
              const free = (x, y) => {
                const stack = document.elementsFromPoint(x, y);
                return stack.includes(map) && !stack.some(e => e.matches('path.network-polygon, .leaflet-control, .leaflet-control *, .map-legend, .map-legend *'));
              };
              for (let y = box.top + 60; y + size < box.bottom - 60; y += 20)
                for (let x = box.left + 60; x + size < box.right - 60; x += 20) {
                  let ok = true;
                  for (let i = 0; i <= 4 && ok; i++) for (let j = 0; j <= 4 && ok; j++) ok = free(x + i * size / 4, y + j * size / 4);
                  if (ok) return [x, y];
                }
              return null;
            }
            """, size);
        Assert.NotNull(found);
        var (left, top) = (found[0], found[1]);
        return [(left, top), (left + size, top), (left + size, top + size), (left, top + size)];
    }
}
