using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;

namespace Bin.Browser.Tests.Alerts;

public class AlertJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_officer_alerts_Kerkplein_a_member_answers_OK_on_the_simulator_phone_and_the_officer_sees_the_acknowledgement()
    {
        var officer = await browser.SignInAsync("officer");

        // Record the incident in Kerkplein by clicking the map, then alert the network from it.
        var label = officer.Locator(".network-label", new() { HasText = "Kerkplein" });
        var box = (await label.BoundingBoxAsync())!;
        await officer.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height + 6);
        await Assertions.Expect(officer.GetByTestId("intake-networks")).ToContainTextAsync("Kerkplein");
        await officer.GetByTestId("intake-category").SelectOptionAsync("burglary");
        await officer.GetByTestId("intake-description").FillAsync("Twee personen proberen achterdeuren");
        await officer.GetByTestId("intake-save").ClickAsync();
        await officer.GetByTestId("open-composer").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("composer-networks")).ToContainTextAsync("Kerkplein");
        await Assertions.Expect(officer.GetByTestId("composer-totals")).ToContainTextAsync("ontvangers");
        await officer.GetByTestId("composer-next").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("composer-confirm")).ToContainTextAsync("Kerkplein");
        await officer.GetByTestId("composer-send").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("alert-progress")).ToBeVisibleAsync();

        // A Kerkplein member's phone in the simulator shows the tip.
        var member = await KerkpleinMemberAsync();
        var phones = await browser.SignInAsync("admin");
        await phones.GotoAsync("phones");
        await BrowserFixture.WaitForCircuitAsync(phones);
        await phones.GetByTestId("phone-list").Locator("input[type=search]").FillAsync(member);
        var row = phones.GetByTestId("phone-row").Filter(new() { HasText = member });
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await row.ClickAsync();
        var conversation = phones.GetByTestId("phone-conversation");
        await Assertions.Expect(conversation.GetByTestId("message").First).ToContainTextAsync("Lommel");

        await conversation.Locator(".quick button", new() { HasText = "OK" }).ClickAsync();

        await Assertions.Expect(officer.GetByTestId("progress-acks").First).ToContainTextAsync("1", new() { Timeout = 10_000 });
        // The map's badge on Kerkplein follows too: acknowledgements reach the map without the page rendering again.
        await Assertions.Expect(officer.Locator($"[data-testid=network-badge][data-network='{NetworkSeed.KerkpleinId}']"))
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^✓ [1-9]\d*/\d+"), new() { Timeout = 10_000 });
        if (Environment.GetEnvironmentVariable("BIN_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await officer.ScreenshotAsync(new() { Path = Path.Combine(folder, "bin-alert-officer.png") });
            await phones.ScreenshotAsync(new() { Path = Path.Combine(folder, "bin-alert-phone.png") });
        }
    }

    /// <summary>An active Kerkplein member whose number the simulator delivers to (numbers ending in 99 fail on purpose).</summary>
    private async Task<string> KerkpleinMemberAsync()
    {
        var members = browser.Host.App.Service<IMemberDirectory>();
        var recipients = await members.ActiveRecipientsAsync([NetworkSeed.KerkpleinId], default);
        return recipients.Select(r => r.Phone).First(p => !p.EndsWith("99"));
    }
}
