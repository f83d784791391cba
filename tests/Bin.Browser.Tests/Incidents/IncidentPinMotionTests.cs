namespace Bin.Browser.Tests.Incidents;

/// <summary>A class of its own: its dashboard holds this test's incident alone, whatever order the tests run in.</summary>
public class IncidentPinMotionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_reports_pin_sends_out_a_ring_that_moves_on_its_own_and_stays_still_for_a_user_who_asked_for_less_motion()
    {
        var recorder = await browser.SignInAsync("dispatcher");
        var calm = await browser.SignInAsync("officer");
        await calm.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });

        await MapIntake.ReportBurglaryInKerkpleinAsync(recorder, "Inbraak aan de kerk, niemand gezien");

        // The ring is the pin's ::after, which only grows and fades: the browser moves that layer without painting the map
        // again in each frame. The pin itself does not animate (an animated box-shadow on it did).
        var pin = recorder.Locator(".incident-marker .incident-pin.reported");
        await Assertions.Expect(pin).ToHaveCountAsync(1);
        Assert.Equal("pulse", await pin.EvaluateAsync<string>("p => getComputedStyle(p, '::after').animationName"));
        Assert.Equal("none", await pin.EvaluateAsync<string>("p => getComputedStyle(p).animationName"));

        var calmPin = calm.Locator(".incident-marker .incident-pin.reported");
        await Assertions.Expect(calmPin).ToHaveCountAsync(1);
        Assert.Equal("none", await calmPin.EvaluateAsync<string>("p => getComputedStyle(p, '::after').animationName"));
    }
}
