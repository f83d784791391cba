using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bin.Testing;

namespace Bin.Browser.Tests.Operations;

/// <summary>
/// The dashboard as a real process that dies under an open session (kill -9) and is started again on the same port and
/// database: the browser shows the reconnect banner while it is away, and once it is back the board holds the incident
/// another node recorded meanwhile, then keeps updating live.
/// </summary>
public sealed class ReconnectionTests : IAsyncLifetime
{
    private string _database = null!;
    private int _port;
    private (Process Process, StringBuilder Output)? _dashboard;
    private BinAppFactory? _otherNode;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private string BaseUrl => $"http://127.0.0.1:{_port}/";

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _port = ChildProcesses.FreePort();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions());
    }

    private async Task StartDashboardAsync()
    {
        var dll = ChildProcesses.DashboardDll;
        var (process, output) = ChildProcesses.Start("dotnet", [dll, "--urls", BaseUrl.TrimEnd('/')], Path.GetDirectoryName(dll)!,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Bin"] = _database,
                ["BIN_POSTGRES"] = null,
                ["Seed__HistoryDays"] = "0",
                ["Map__TileUrl"] = "",
                ["Logging__LogLevel__Default"] = "Warning",
            });
        _dashboard = (process, output);
        await ChildProcesses.WaitUntilOkAsync(BaseUrl + "health/ready", process, output, TimeSpan.FromSeconds(120));
    }

    private async Task ReportAsync(HttpClient client, string description)
    {
        var response = await client.PostAsJsonAsync("/api/incidents", new { lat = 51.2309, lon = 5.3131, category = "burglary", description });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task When_the_dashboard_dies_the_board_shows_a_banner_and_after_its_restart_it_holds_what_happened_meanwhile()
    {
        await StartDashboardAsync();
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "officer");
        await Assertions.Expect(page.GetByTestId("incident-board")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("board-row")).ToHaveCountAsync(0);
        var banner = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(banner).ToBeHiddenAsync();

        // A second node on the same database (started while the first runs, so the schema is in place).
        _otherNode = new BinAppFactory(_database);
        _otherNode.StartServer();
        var dispatcher = await _otherNode.ClientForAsync("dispatcher");

        // The process dies mid-session: the banner says so, in the user's language.
        var (process, _) = _dashboard!.Value;
        ChildProcesses.Signal(process.Id, ChildProcesses.SigKill);
        await process.WaitForExitAsync();
        process.Dispose();
        await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(banner).ToContainTextAsync("Verbinding met de server verbroken");

        // Meanwhile the other node records an incident.
        await ReportAsync(dispatcher, "Inbraak terwijl het dashboard weg was");

        // The dashboard comes back on the same address: the browser reconnects (the old circuit is gone, so the page
        // reloads) and the board is current, without anyone touching the page.
        await StartDashboardAsync();
        var meanwhile = page.GetByTestId("board-row").Filter(new() { HasText = "terwijl het dashboard weg was" });
        await Assertions.Expect(meanwhile).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(banner).ToBeHiddenAsync();
        await BrowserFixture.WaitForCircuitAsync(page);

        // And it is live again: an incident recorded now appears without a reload.
        var loads = 0;
        page.Load += (_, _) => loads++;
        await ReportAsync(dispatcher, "Verdacht voertuig na de herstart");
        await Assertions.Expect(page.GetByTestId("board-row").Filter(new() { HasText = "na de herstart" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(0, loads);
        await Assertions.Expect(page.GetByTestId("board-row")).ToHaveCountAsync(2);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_dashboard is { } running && !running.Process.HasExited)
        {
            ChildProcesses.Signal(running.Process.Id, ChildProcesses.SigKill);
            await running.Process.WaitForExitAsync();
        }
        _dashboard?.Process.Dispose();
        if (_otherNode is not null) await _otherNode.DisposeAsync();
    }
}
