using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Sms.Simulator;
using Bin.Dashboard.Infrastructure.Telemetry;
using Bin.Testing;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;

namespace Bin.Browser.Tests.Operations;

/// <summary>
/// Two dashboard nodes on one database behind a real reverse proxy on loopback (YARP in-process, cookie affinity,
/// WebSockets, active readiness checks), as docs/operations.md describes. One browser session lives on each node;
/// node A is stopped while an alert is being sent. The session on B keeps working without a reload; the session on A
/// reconnects through the proxy to B and shows a current board; every message of the alert is sent exactly once.
/// </summary>
public sealed class TwoNodeProxyTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NodeSettings = new()
    {
        // Slow enough that the alert is still being sent when node A stops; both nodes send.
        ["Sms:MessagesPerSecond"] = "40",
        // Messages node A claimed but could not record are recovered by B soon (the smallest allowed).
        ["Alerts:ClaimTimeout"] = "00:00:05",
    };

    private BrowserHost _a = null!;
    private BrowserHost _b = null!;
    private WebApplication _proxy = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private bool _aStopped;

    private Uri ProxyUrl { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        // One after the other: the first creates the schema, so the second does not race it.
        _a = BrowserHost.Start(database, NodeSettings);
        _b = BrowserHost.Start(database, NodeSettings);
        _proxy = await StartProxyAsync(_a.BaseUrl, _b.BaseUrl);
        ProxyUrl = new Uri(_proxy.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/') + "/");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions());
    }

    private static async Task<WebApplication> StartProxyAsync(Uri a, Uri b)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy().LoadFromMemory(
            // The browser's Host goes through unchanged, as Caddy and any proxy set up per docs/operations.md do: the
            // dashboard's cross-site check compares a request's Origin with it.
            [new RouteConfig
            {
                RouteId = "all", ClusterId = "nodes", Match = new RouteMatch { Path = "{**catch-all}" },
                Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
            }],
            [new ClusterConfig
            {
                ClusterId = "nodes",
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                // Blazor Server: a browser stays on the node holding its circuit; if that node is gone, another one.
                SessionAffinity = new SessionAffinityConfig { Enabled = true, Policy = "Cookie", FailurePolicy = "Redistribute", AffinityKeyName = "bin_node" },
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig { Enabled = true, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(1), Path = "/health/ready", Policy = "ConsecutiveFailures" },
                    Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromMinutes(1) },
                },
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    ["a"] = new() { Address = a.ToString() },
                    ["b"] = new() { Address = b.ToString() },
                },
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        return app;
    }

    private static long Circuits(BrowserHost node) => node.App.Services.GetRequiredService<ConnectionGauges>().OpenCircuits;

    /// <summary>Signs in a fresh browser context through the proxy and tells which node its circuit opened on.</summary>
    private async Task<(IPage Page, BrowserHost Node)> SignInThroughProxyAsync(string user)
    {
        var (a, b) = (Circuits(_a), Circuits(_b));
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = ProxyUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await BrowserFixture.SubmitSignInFormAsync(page, user, BrowserFixture.DemoPassword);
        await BrowserFixture.LeftSignInAsync(page);
        await BrowserFixture.WaitForCircuitAsync(page);
        var onA = Circuits(_a) > a;
        var onB = Circuits(_b) > b;
        Assert.True(onA ^ onB, $"The circuit should open on exactly one node (A {a}→{Circuits(_a)}, B {b}→{Circuits(_b)})");
        return (page, onA ? _a : _b);
    }

    private async Task<HttpClient> ApiThroughProxyAsync(string user)
    {
        var client = new HttpClient { BaseAddress = ProxyUrl };
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = BrowserFixture.DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<(long Waiting, long Done)> OutboxOfAsync(Guid alertId)
    {
        await using var connection = new NpgsqlConnection(_b.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE status IN ('queued', 'sending')), count(*) FILTER (WHERE status IN ('sent', 'delivered', 'failed')) FROM bin.bin_outbox WHERE alert_id = @alert", connection);
        command.Parameters.AddWithValue("alert", alertId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<IReadOnlyList<Guid>> MessagesOfAsync(Guid alertId)
    {
        await using var connection = new NpgsqlConnection(_b.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT message_id FROM bin.bin_outbox WHERE alert_id = @alert", connection);
        command.Parameters.AddWithValue("alert", alertId);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) => Eventually.HoldsAsync(condition, timeout, what);

    [Fact]
    public async Task When_a_node_stops_its_sessions_reconnect_to_the_survivor_the_others_keep_working_and_the_alert_in_flight_is_sent_once()
    {
        // One session on each node (round robin gives new browsers alternate nodes; a few tries at most).
        var sessions = new List<(IPage Page, BrowserHost Node)>();
        for (var attempt = 0; attempt < 6 && (sessions.All(s => s.Node != _a) || sessions.All(s => s.Node != _b)); attempt++)
            sessions.Add(await SignInThroughProxyAsync("officer"));
        var onA = sessions.First(s => s.Node == _a).Page;
        var onB = sessions.First(s => s.Node == _b).Page;
        var onBLoads = 0;
        onB.Load += (_, _) => onBLoads++;

        // An alert to every network's members, sent at 40 messages/s per node: still in flight when A stops.
        var officer = await ApiThroughProxyAsync("officer");
        var networks = (await officer.GetFromJsonAsync<JsonElement>("/api/networks")).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("id").GetGuid()).ToArray();
        var incident = (await (await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Inbraak voor twee nodes" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var alert = await (await officer.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = networks, tipTemplateId = "burglary-lights" })).Content.ReadFromJsonAsync<JsonElement>();
        var alertId = alert.GetProperty("alertId").GetGuid();
        var recipients = alert.GetProperty("recipients").GetInt32();
        Assert.True(recipients >= 200, $"{recipients} recipients are too few to be in flight");
        await UntilAsync(async () => (await OutboxOfAsync(alertId)).Done >= 40, TimeSpan.FromSeconds(30), "Sending never started");
        Assert.True((await OutboxOfAsync(alertId)).Waiting > 0, "The alert was sent before the node could stop; nothing was in flight");

        await _a.DisposeAsync();
        _aStopped = true;

        // Reported after A is gone, through the proxy (so on B): both sessions must show it on their board.
        var after = await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "theft", description = "Fietsdiefstal na het stoppen van node A" });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);

        var rowOnB = onB.GetByTestId("board-row").Filter(new() { HasText = "Fietsdiefstal na het stoppen" });
        await Assertions.Expect(rowOnB).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(0, onBLoads);

        // A's session: the circuit is gone with its node; Blazor reconnects through the proxy, B does not know the
        // circuit, the page reloads onto B and renders the current board there.
        var rowOnA = onA.GetByTestId("board-row").Filter(new() { HasText = "Fietsdiefstal na het stoppen" });
        await Assertions.Expect(rowOnA).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await BrowserFixture.WaitForCircuitAsync(onA);
        await Assertions.Expect(onA.GetByTestId("board-row").Filter(new() { HasText = "Inbraak voor twee nodes" })).ToBeVisibleAsync();
        Assert.True(Circuits(_b) >= 2, "both sessions should now have their circuit on B");

        // Nothing lost: every message leaves the outbox (B recovers what A had claimed); nothing twice: the gateway
        // (the simulator, whose records both nodes share) accepted each message exactly once.
        await UntilAsync(async () => (await OutboxOfAsync(alertId)).Waiting == 0, TimeSpan.FromSeconds(90), "Messages stayed in the outbox after node A stopped");
        Assert.Equal(recipients, (await OutboxOfAsync(alertId)).Done);
        var messages = (await MessagesOfAsync(alertId)).ToHashSet();
        Assert.Equal(recipients, messages.Count);
        await UntilAsync(async () =>
        {
            await using var session = _b.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var accepted = await session.Query<SimulatedSms>().Where(m => m.Direction == SmsDirection.Outbound && m.MessageId != null).Select(m => m.MessageId!.Value).ToListAsync();
            return accepted.Count(messages.Contains) >= recipients;
        }, TimeSpan.FromSeconds(30), "The simulator's records of the alert never became complete");
        await using (var session = _b.App.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var accepted = (await session.Query<SimulatedSms>().Where(m => m.Direction == SmsDirection.Outbound && m.MessageId != null).Select(m => m.MessageId!.Value).ToListAsync())
                .Where(messages.Contains).ToList();
            Assert.Equal(recipients, accepted.Count);
            Assert.Equal(recipients, accepted.Distinct().Count());
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_proxy is not null) await _proxy.DisposeAsync();
        if (!_aStopped && _a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
    }
}
