using System.Text.RegularExpressions;
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

    /// <summary>How every browser test starts Chromium: the system's own, headless, and reaching out to nothing.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };

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
            Browser = await _playwright.Chromium.LaunchAsync(LaunchOptions());
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
    public static async Task SignInAsync(IPage page, string user, string password = DemoPassword)
    {
        await SubmitSignInFormAsync(page, user, password);
        await LeftSignInAsync(page);
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

    /// <summary>The sign-in page is at this address (with or without a return URL).</summary>
    public static readonly Regex SignInUrl = new(@"^[a-z]+://[^/]+/login(\?.*)?$");

    /// <summary>
    /// Waits until the page has left the sign-in page (the redirect committed; the next page's load may take longer).
    /// The page's address is polled, never a navigation event awaited: <c>WaitForURLAsync</c> looks at the address once
    /// and then waits for the next navigation, so a navigation that commits between the two is missed and the wait
    /// runs into its timeout with the page already where it should be. On a machine whose cores are taken by other
    /// work, the test process is slow to subscribe while the browser goes on: that was the "sign-in that stayed on
    /// /login" and the "circuit navigation that never arrives" (the page was at /login all along).
    /// </summary>
    public static Task LeftSignInAsync(IPage page) =>
        Assertions.Expect(page).Not.ToHaveURLAsync(SignInUrl, new() { Timeout = 60_000 });

    /// <summary>Waits until the page shows the sign-in page; polled like <see cref="LeftSignInAsync"/>.</summary>
    public static Task AtSignInAsync(IPage page) =>
        Assertions.Expect(page).ToHaveURLAsync(SignInUrl, new() { Timeout = 60_000 });

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
