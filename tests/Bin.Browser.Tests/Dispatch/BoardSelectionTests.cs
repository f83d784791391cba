namespace Bin.Browser.Tests.Dispatch;

/// <summary>A class of its own: the board's length is this test's, whatever order the tests run in.</summary>
public class BoardSelectionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private ConsoleScenario Scenario => new(browser.Host);

    [Fact]
    public async Task An_incident_opened_from_its_marker_brings_its_row_into_the_boards_view_and_the_focus_stays_on_the_marker()
    {
        var older = await Scenario.ReportAsync(await Scenario.InsideAsync("Kerkplein"), "Busje met draaiende motor aan de kerk");
        var elsewhere = await Scenario.InsideAsync("Leuken");
        for (var i = 1; i <= 12; i++) await Scenario.ReportAsync(elsewhere, $"Melding {i} in Leuken");
        var page = await browser.SignInAsync("dispatcher");
        // The board's module watches the selection from when it has loaded, after the first render.
        await Assertions.Expect(page.Locator("[data-testid=incident-board] ol.board-list[data-follows-selection=true]")).ToHaveCountAsync(1);
        var row = page.Locator($"[data-testid=board-row][data-incident='{older}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        // Twelve newer rows above it: the board's list shows it only when scrolled.
        await Assertions.Expect(row).Not.ToBeInViewportAsync();

        var marker = page.Locator(".incident-marker").Filter(new() { HasText = "Busje met draaiende motor" });
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("selected-incident")).ToContainTextAsync("Busje met draaiende motor");
        await Assertions.Expect(row).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(row).ToBeInViewportAsync();
        await Assertions.Expect(marker).ToBeFocusedAsync();
        // The list scrolled, not the page.
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
    }
}
