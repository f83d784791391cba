using System.Diagnostics;
using System.Reflection;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.LoadHarness.Hosting;
using Microsoft.Playwright;

namespace Bin.LoadHarness.Scenarios;

/// <summary>
/// The screens scenario's browsers, driven from a child process of their own. The Playwright client is told of every
/// WebSocket frame of every page, so of each circuit message both ways: in the measuring process its work was counted
/// as the dashboard's CPU (some 4 ms per incident with 20 pages, found with perf) and its objects as the circuits'
/// memory. The parent drives the child by lines on its standard input — "open BASEURL N full|reduce map|probe", "wait INCIDENTID", "close" —
/// each answered on standard output by "ok" or "error MESSAGE". End of input closes the browser and ends the child.
/// </summary>
internal sealed class ScreenBrowsers : IAsyncDisposable
{
    public const string Command = "screens-browsers";

    private const string ChromiumPath = "/usr/lib/chromium/chromium";
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;

    private ScreenBrowsers(Process process) => _process = process;

    /// <summary>Starts the child; with <paramref name="core"/>, it and its browsers run on that core alone.</summary>
    public static ScreenBrowsers Start(int? core)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed ({ChromiumPath}); apt-get install -y chromium.");
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The harness's own path is unknown.");
        // Under the idle scheduling policy, which its Chromium processes inherit: the browsers stand in for the
        // dispatchers' own machines, and on this one they would otherwise take the cores from the dashboard and
        // PostgreSQL they measure (twenty pages kept the two cores 60% busy during the work, Chromium two thirds of it).
        // Not "nice": Chromium, running as root, raises its own priority again.
        var start = core is { } c
            ? new ProcessStartInfo("taskset") { ArgumentList = { "-c", c.ToString(System.Globalization.CultureInfo.InvariantCulture), "chrt", "--idle", "0", self } }
            : new ProcessStartInfo("chrt") { ArgumentList = { "--idle", "0", self } };
        // Started as "dotnet Bin.LoadHarness.dll": the child needs the assembly too.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(Command);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        return new ScreenBrowsers(Process.Start(start) ?? throw new InvalidOperationException("The browser process did not start."));
    }

    /// <summary>CPU time of the browsers so far: this child, its Playwright driver and Chromium's processes.</summary>
    public double? CpuMilliseconds() => Measurement.CpuMeter.TreeMilliseconds(_process.Id);

    /// <summary>Opens <paramref name="count"/> map pages, each signed in as a dispatcher, and waits for their circuits; with
    /// <paramref name="reducedMotion"/> the pages ask for less motion (no pulsing pins to composite). With
    /// <paramref name="probe"/>, each signed-in page then goes to the broadcast probe's page (<see cref="Hosting.BroadcastProbe"/>)
    /// and waits for its stream instead.</summary>
    public Task OpenAsync(Uri baseAddress, int count, bool reducedMotion, bool probe, CancellationToken ct) =>
        AskAsync($"open {baseAddress} {count} {(reducedMotion ? "reduce" : "full")} {(probe ? "probe" : "map")}", ct);

    /// <summary>Waits until every open page's board shows the incident.</summary>
    public Task WaitForIncidentAsync(Guid id, CancellationToken ct) => AskAsync($"wait {id}", ct);

    /// <summary>Closes every page, each leaving for a blank page first so that its circuit ends at once.</summary>
    public Task CloseAsync(CancellationToken ct) => AskAsync("close", ct);

    private async Task AskAsync(string line, CancellationToken ct)
    {
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), ct);
        await _process.StandardInput.FlushAsync(ct);
        var answer = await _process.StandardOutput.ReadLineAsync(ct) ?? throw new InvalidOperationException("The browser process ended.");
        if (answer != "ok") throw new InvalidOperationException($"The browser process, asked '{line}': {answer}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    /// <summary>The child: one headless Chromium, its pages, and the commands from the parent.</summary>
    public static async Task<int> RunChildAsync()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var pages = new List<IPage>();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var words = line.Split(' ');
            try
            {
                switch (words)
                {
                    case ["open", var baseAddress, var count, var motion, var kind]:
                        pages.AddRange(await OpenPagesAsync(browser, new Uri(baseAddress), int.Parse(count), motion == "reduce", kind == "probe"));
                        break;
                    case ["wait", var incident]:
                        foreach (var page in pages)
                            await page.Locator($"[data-incident='{Guid.Parse(incident)}']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
                        break;
                    case ["close"]:
                        await ClosePagesAsync(pages);
                        break;
                    default:
                        throw new ArgumentException($"unknown command '{line}'");
                }
                await Console.Out.WriteLineAsync("ok");
            }
            catch (Exception ex)
            {
                await Console.Out.WriteLineAsync("error " + ex.Message.ReplaceLineEndings(" "));
            }
            await Console.Out.FlushAsync();
        }
        await ClosePagesAsync(pages);
        return ExitCodes.Met;
    }

    private static async Task<IPage[]> OpenPagesAsync(IBrowser browser, Uri baseAddress, int count, bool reducedMotion, bool probe)
    {
        // A few at a time: each sign-in and first render is real work for the server and the browser.
        using var gate = new SemaphoreSlim(4);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = baseAddress.ToString(),
                    ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
                    ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
                });
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout((float)PageTimeout.TotalMilliseconds);
                await page.GotoAsync("login");
                await page.Locator("input[name=username]").FillAsync(Roles.Dispatcher);
                await page.Locator("input[name=password]").FillAsync(KestrelDashboard.Password);
                await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
                await page.Locator("[data-circuit=up]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await page.Locator("[data-testid=incident-board]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                if (probe)
                {
                    // Leaving the map ends its circuit at once, as closing does.
                    await page.GotoAsync("probe/console");
                    await page.Locator("body[data-live=up]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                }
                return page;
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Leaving the page makes Blazor end its circuit at once (else it is kept for reconnection for minutes and still
    /// renders live updates).</summary>
    private static async Task ClosePagesAsync(List<IPage> pages)
    {
        foreach (var page in pages)
        {
            await page.GotoAsync("about:blank");
            await page.Context.CloseAsync();
        }
        pages.Clear();
    }
}
