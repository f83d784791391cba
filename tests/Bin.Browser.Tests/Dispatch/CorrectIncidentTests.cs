using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;

namespace Bin.Browser.Tests.Dispatch;

public class CorrectIncidentTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private ConsoleScenario Scenario => new(browser.Host);

    [Fact]
    public async Task A_dispatcher_moves_an_incident_recorded_in_the_wrong_network_by_clicking_the_map_and_the_console_shows_it_there()
    {
        var id = await Scenario.ReportAsync(await Scenario.InsideAsync("Kerkplein"), "Fietsdiefstal aan het station");
        var page = await browser.SignInAsync("dispatcher");
        await page.Locator($"[data-testid=board-row][data-incident='{id}']").ClickAsync();
        var panel = page.GetByTestId("selected-incident");
        await Assertions.Expect(panel.GetByTestId("fact-networks")).ToHaveTextAsync("Kerkplein");
        // Selecting it pans the map to its marker: the clicks below land where they were aimed once it stands at the middle.
        await page.WaitForFunctionAsync("""
            () => {
              const marker = document.querySelector('.incident-pin.selected')?.closest('.incident-marker');
              if (!marker) return false;
              const m = marker.getBoundingClientRect(), map = document.querySelector('[data-testid=live-map]').getBoundingClientRect();
              return Math.abs(m.x + m.width / 2 - (map.x + map.width / 2)) < 1 && Math.abs(m.y + m.height / 2 - (map.y + map.height / 2)) < 1;
            }
            """);

        await panel.GetByTestId("open-correction").ClickAsync();
        var form = panel.GetByTestId("correct-form");
        await Assertions.Expect(form.GetByTestId("correct-networks")).ToContainTextAsync("Kerkplein");
        // The theft was at Leuken: a click there moves the point, and does not start a new report.
        var leuken = page.Locator(".network-label", new() { HasText = "Leuken" });
        var box = (await leuken.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height + 6);
        await Assertions.Expect(form.GetByTestId("correct-networks")).ToContainTextAsync("Leuken");
        await Assertions.Expect(page.Locator("#intake-fold")).ToBeHiddenAsync();
        // The new point shows where it was clicked, until the correction is saved.
        var pin = page.Locator(".map-pin");
        await Assertions.Expect(pin).ToHaveCountAsync(1);
        var (at, name) = ((await pin.BoundingBoxAsync())!, (await leuken.BoundingBoxAsync())!);
        Assert.InRange(at.X + at.Width / 2 - (name.X + name.Width / 2), -2, 2);
        Assert.InRange(at.Y + at.Height / 2 - (name.Y + name.Height + 6), -2, 2);
        await form.GetByTestId("correct-category").SelectOptionAsync("theft");
        await form.GetByTestId("correct-save").ClickAsync();

        await Assertions.Expect(form).ToHaveCountAsync(0);
        await Assertions.Expect(pin).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByTestId("fact-networks")).ToHaveTextAsync("Leuken");
        // The timeline says what it was corrected to.
        await Assertions.Expect(panel.GetByTestId("timeline-updated")).ToContainTextAsync("Gewijzigd: Diefstal · Leuken");
        await Assertions.Expect(page.Locator($"[data-testid=board-row][data-incident='{id}']")).ToContainTextAsync("Leuken");
        var stored = await Scenario.IncidentAsync(id);
        await using var session = browser.Host.App.Service<IDocumentStore>().QuerySession();
        var leukenId = (await session.Query<NetworkView>().ToListAsync()).Single(n => n.Name == "Leuken").Id;
        Assert.Equal([leukenId], stored.NetworkIds);
        Assert.Equal("theft", stored.Category);
        Assert.Equal("Fietsdiefstal aan het station", stored.Description);
    }
}
