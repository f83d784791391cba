namespace Bin.Browser.Tests.Security;

/// <summary>
/// The Scalar page at /api/docs renders the OpenAPI document in Chromium under the dashboard's Content-Security-Policy,
/// with every script, style and font from the dashboard itself (no CDN).
/// </summary>
public class ApiDocsPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

    [Fact]
    public async Task The_api_docs_render_the_document_from_the_dashboard_alone_without_a_policy_violation()
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordViolations);
        var seen = new List<string>();
        page.Response += (_, response) => seen.Add($"{response.Status} {response.Url}");
        page.RequestFailed += (_, request) => seen.Add($"failed {request.Url}");
        page.Console += (_, message) => { if (message.Type == "error") seen.Add("console: " + message.Text); };
        var document = page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == "/openapi/v1.json", new() { Timeout = 90_000 });

        await page.GotoAsync("api/docs/");
        IResponse loaded;
        try
        {
            loaded = await document;
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException("The page never asked for the document:\n" + string.Join("\n", seen)
                + "\nCSP: " + string.Join("; ", await page.EvaluateAsync<string[]>("() => window.__csp")));
        }

        Assert.True(loaded.Ok, string.Join("\n", seen));
        var title = page.GetByText("BIN Command Dashboard API").First;
        await title.WaitForAsync(new() { Timeout = 90_000 }).ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, string.Join("\n", seen)));
        await Assertions.Expect(page.GetByText("Record an incident; answers with the networks that contain it.").First).ToBeAttachedAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));
        Assert.DoesNotContain(seen, s => s.StartsWith("console: ", StringComparison.Ordinal) || s.StartsWith("failed ", StringComparison.Ordinal));
        Assert.All(seen, s => Assert.Contains(browser.BaseUrl.Authority, s));
    }
}
