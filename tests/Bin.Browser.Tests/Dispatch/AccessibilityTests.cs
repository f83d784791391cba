using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Bin.Browser.Tests.Dispatch;

/// <summary>axe-core (bundled with Deque.AxeCore.Playwright) on the main pages: no serious or critical violations.</summary>
public class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private ConsoleScenario Scenario => new(browser.Host);

    [Fact]
    public async Task The_map_has_no_serious_accessibility_violations()
    {
        await Scenario.ReportAsync(await Scenario.InsideAsync("Kerkplein"), "Toegankelijkheid: open melding");
        var page = await browser.SignInAsync("officer");
        await Assertions.Expect(page.Locator(".network-label")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("board-row").First).ToBeVisibleAsync();
        await page.GetByTestId("intake-toggle").ClickAsync();
        await AssertNoSeriousViolationsAsync(page, "map");
    }

    [Fact]
    public async Task The_incident_panel_its_correction_and_the_open_composer_have_no_serious_accessibility_violations()
    {
        var id = await Scenario.ReportAsync(await Scenario.InsideAsync("Kerkplein"), "Toegankelijkheid: paneel");
        var page = await browser.SignInAsync("officer");
        await page.Locator($"[data-testid=board-row][data-incident='{id}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-timeline")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "incident panel");

        await page.GetByTestId("open-correction").ClickAsync();
        await Assertions.Expect(page.GetByTestId("correct-networks")).ToContainTextAsync("Kerkplein");
        await AssertNoSeriousViolationsAsync(page, "correction");
        await page.GetByTestId("correct-cancel").ClickAsync();

        await page.GetByTestId("open-composer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("composer-totals")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "composer");
    }

    [Theory]
    [InlineData("networks", "network-table")]
    [InlineData("members", "network-picker")]
    [InlineData("phones", "phone-list")]
    [InlineData("replay", "replay-page")]
    [InlineData("evaluation", "evaluation-page")]
    public async Task An_admin_page_has_no_serious_accessibility_violations(string path, string testId)
    {
        var page = await browser.SignInAsync("admin");
        await page.GotoAsync(path);
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId(testId)).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, path);
    }

    [Fact]
    public async Task The_public_join_page_has_no_serious_accessibility_violations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("join");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".network-label").First).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, "join");
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: {serious.Count} serious or critical violation(s):\n" + string.Join("\n", serious.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help}\n" +
        string.Join("\n", violation.Nodes.Take(6).Select(n => $"    {n.Target} {Shorten(n.Html)}"));

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
