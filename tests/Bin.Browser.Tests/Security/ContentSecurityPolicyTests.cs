namespace Bin.Browser.Tests.Security;

/// <summary>
/// The Content-Security-Policy is sent in every environment, so a page that needs something it forbids breaks here,
/// in Development, not first in production: every page runs in Chromium without a single violation.
/// </summary>
public class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Runs before the page's own scripts (injected by the browser, not subject to the policy).</summary>
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

    [Fact]
    public async Task The_pages_of_an_administrator_and_the_public_join_page_run_without_a_policy_violation()
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordViolations);
        var violations = new List<string>();

        await BrowserFixture.SignInAsync(page, "admin");
        violations.AddRange(await ViolationsAsync(page, "/"));
        foreach (var path in new[] { "networks", "networks/new", "phones", "replay", "evaluation", "audit", "members", "scheduled" })
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForCircuitAsync(page);
            violations.AddRange(await ViolationsAsync(page, path));
        }
        var visitor = await browser.NewPageAsync();
        await visitor.Context.AddInitScriptAsync(RecordViolations);
        await visitor.GotoAsync("join");
        await Assertions.Expect(visitor.GetByTestId("live-map")).ToBeVisibleAsync();
        violations.AddRange(await ViolationsAsync(visitor, "join"));

        Assert.Empty(violations);
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path) =>
        (await page.EvaluateAsync<string[]>("() => window.__csp")).Select(v => $"{path}: {v}");
}
