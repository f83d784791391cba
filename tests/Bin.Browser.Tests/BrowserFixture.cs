using Bin.Testing;

namespace Bin.Browser.Tests;

/// <summary>
/// One dashboard on Kestrel (fresh database, demo seed) and one headless Chromium, shared by the tests of a
/// class. Each page gets its own browser context, so sign-ins never share cookies.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";
    public const string DemoPassword = "bin-demo";

    private IPlaywright? _playwright;

    public BrowserHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => Host.BaseUrl;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed ({ChromiumPath} is missing); the browser tests need it. " +
                "Run ./build.sh test, which installs it, or apt-get install -y chromium.");

        // The host (database, seed) and the browser start side by side.
        var host = BrowserHost.StartAsync();
        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }
        finally
        {
            // Even when the browser fails to start, keep the host so DisposeAsync stops it.
            Host = await host;
        }
    }

    /// <summary>A blank page in a fresh context (no cookies); relative URLs resolve against <see cref="BaseUrl"/>.
    /// Attach listeners (e.g. <c>page.Request</c>) here before navigating.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in as a demo account, on the map page with the interactive circuit up.</summary>
    public async Task<IPage> SignInAsync(string user, string password = DemoPassword)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, user, password);
        return page;
    }

    /// <summary>Signs <paramref name="page"/> in through the sign-in form and waits for the circuit.</summary>
    public async Task SignInAsync(IPage page, string user, string password = DemoPassword)
    {
        // Waiting for the redirect to commit, not for the map page's load: on a machine shared by three test
        // assemblies the load can take longer than the sign-in. Once in a CI run the page stayed on /login for 30 s;
        // the second attempt, and the URL in the failure, are there to tell a slow machine from a refused sign-in.
        for (var attempt = 1; ; attempt++)
        {
            await SubmitSignInFormAsync(page, user, password);
            try
            {
                await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal),
                    new() { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
                break;
            }
            catch (TimeoutException ex)
            {
                if (attempt == 2) throw new TimeoutException($"Signing in as {user} left the page at {page.Url}.", ex);
            }
        }
        await WaitForCircuitAsync(page);
    }

    /// <summary>Opens /login, fills the form and submits it; does not wait for the outcome.</summary>
    public static async Task SubmitSignInFormAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("login");
        await page.Locator("input[name=username]").FillAsync(user);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
    }

    /// <summary>
    /// Waits until the page is interactive: the layout marks itself <c>data-circuit="up"</c> only when it renders
    /// over the SignalR circuit (prerendered HTML says "prerendered"), so clicks after this reach the server.
    /// </summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-circuit=up]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }
}
