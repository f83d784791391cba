namespace Bin.Browser.Tests.Incidents;

public class LiveIncidentTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_incident_recorded_by_clicking_the_map_appears_on_another_dispatchers_screen_without_reloading()
    {
        var recorder = await browser.SignInAsync("dispatcher");
        var watcher = await browser.SignInAsync("officer");
        var watcherLoads = 0;
        watcher.Load += (_, _) => watcherLoads++;

        await MapIntake.ReportBurglaryInKerkpleinAsync(recorder, "Inbraak via achterdeur, dader te voet gevlucht");

        var row = watcher.GetByTestId("board-row").Filter(new() { HasText = "Inbraak via achterdeur" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(row).ToContainTextAsync("Kerkplein");
        await Assertions.Expect(watcher.Locator(".incident-marker .incident-pin")).ToHaveCountAsync(1);
        await Assertions.Expect(recorder.Locator(".incident-marker .incident-pin")).ToHaveCountAsync(1);
        Assert.Equal(0, watcherLoads);

        // Selecting the row highlights its marker and shows its timeline.
        await row.ClickAsync();
        await Assertions.Expect(watcher.Locator(".incident-pin.selected")).ToHaveCountAsync(1);
        await Assertions.Expect(watcher.GetByTestId("incident-timeline")).ToContainTextAsync("dispatcher");
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } folder)
            await watcher.ScreenshotAsync(new() { Path = Path.Combine(folder, "bin-incident.png") });
    }
}
