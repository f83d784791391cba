namespace Bin.Browser.Tests.Incidents;

/// <summary>How a dispatcher records a burglary in the browser: a click on the map just below Kerkplein's label.</summary>
internal static class MapIntake
{
    public static async Task ReportBurglaryInKerkpleinAsync(IPage page, string description)
    {
        // Click inside Kerkplein, near the church square: the form shows the network before saving.
        var kerkplein = page.Locator(".network-label", new() { HasText = "Kerkplein" });
        var box = (await kerkplein.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height + 6);
        await Assertions.Expect(page.GetByTestId("intake-networks")).ToContainTextAsync("Kerkplein");
        await page.GetByTestId("intake-category").SelectOptionAsync("burglary");
        await page.GetByTestId("intake-description").FillAsync(description);
        await page.GetByTestId("intake-save").ClickAsync();
    }
}
