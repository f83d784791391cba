namespace Bin.Browser.Tests.Map;

/// <summary>Placing the points of a shape or route with Leaflet.draw, as a user clicks them.</summary>
internal static class DrawnPoints
{
    /// <summary>
    /// Clicks a point at (<paramref name="x"/>, <paramref name="y"/>) and waits until it is the
    /// <paramref name="count"/>th placed one. Leaflet.draw takes a point on mouse-up over its cursor marker, which a
    /// mouse move brings under the pointer, and takes no next point for 50 ms after one (a timer of its own): the wait
    /// after the point is a longer timer set in the page after that one, so it fires after it however busy the machine.
    /// </summary>
    public static async Task PlaceAsync(IPage page, ILocator placed, float x, float y, int count)
    {
        await page.Mouse.MoveAsync(x, y, new() { Steps = 2 });
        await page.Mouse.DownAsync();
        await page.Mouse.UpAsync();
        await Assertions.Expect(placed).ToHaveCountAsync(count);
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 60))");
    }
}
