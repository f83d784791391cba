using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Bin.Dashboard.Infrastructure.Telemetry;
using Bin.Dashboard.Tests.Alerts;
using Bin.Testing;
using Microsoft.AspNetCore.Http;

namespace Bin.Dashboard.Tests.Operations;

public sealed class MetricsHostFixture : IAsyncLifetime
{
    public const string Token = "metrics-test-token-not-a-secret";

    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BinAppFactory.StartAsync(new Dictionary<string, string?>
    {
        ["Telemetry:MetricsToken"] = Token,
        ["Telemetry:OutboxSampleInterval"] = "00:00:01",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Metrics are observed by instrument name across the process: while other test classes' hosts run, their gauges
/// (circuits, hub connections, live feed) would show in this host's scrape too. This collection runs alone, after the
/// parallel ones have disposed their hosts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}

[Collection(MetricsCollection.Name)]
public partial class MetricsEndpointTests(MetricsHostFixture host) : IClassFixture<MetricsHostFixture>
{
    private async Task<string> ScrapeAsync()
    {
        using var client = host.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsHostFixture.Token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples over all its label sets (absent = 0).</summary>
    private static double Sum(string scrape, string name) =>
        Sample().Matches(scrape).Where(m => m.Groups["name"].Value == name).Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    /// <summary>Until the scrape satisfies <paramref name="done"/> (the exporter caches a scrape for 300 ms, the
    /// outbox is sampled each second), at most 20 s.</summary>
    private async Task<string> ScrapeUntilAsync(Func<string, bool> done, string what)
    {
        var scrape = "";
        if (!await Eventually.WithinAsync(async () => done(scrape = await ScrapeAsync()), TimeSpan.FromSeconds(20)))
            Assert.Fail($"{what} never showed in /metrics:\n{scrape}");
        return scrape;
    }

    [Fact]
    public async Task Sending_an_alert_and_acknowledging_it_moves_the_counters_and_the_latency_histogram()
    {
        var scenario = new AlertScenario(host.App);
        var before = await ScrapeAsync();
        var sentBefore = Sum(before, "bin_sms_sent_total");
        var acksBefore = Sum(before, "bin_alert_acknowledgement_latency_seconds_count");
        var numbers = await scenario.ImportMembersAsync(AlertScenario.Parelstrand, 3, "491");

        var issued = await scenario.AlertAsync(await scenario.IncidentAsync(51.2470, 5.3450), AlertScenario.Parelstrand);
        await scenario.WaitUntilHandedOverAsync(issued.AlertId);
        using (var response = await host.App.CreateClient().SendAsync(TwilioSigner.Inbound(numbers[0], "OK")))
            Assert.True(response.IsSuccessStatusCode);
        await scenario.RecordedAsync();

        var after = await ScrapeUntilAsync(s => Sum(s, "bin_sms_sent_total") >= sentBefore + issued.Recipients
            && Sum(s, "bin_alert_acknowledgement_latency_seconds_count") >= acksBefore + 1, "The alert's sends and acknowledgement");
        Assert.True(Sum(after, "bin_sms_sent_total") - sentBefore >= issued.Recipients);
        Assert.True(Sum(after, "bin_alert_acknowledgement_latency_seconds_sum") >= 0);
    }

    [Fact]
    public void Requests_and_circuits_are_measured_but_not_every_render_of_every_screen_nor_every_buffer_kestrel_rents()
    {
        // An instrument is enabled when a listener (here the host's meter provider) takes its meter by name: an
        // instrument of the same meter made here is enabled exactly when the framework's own would be.
        static bool Collected(string meter)
        {
            using var probe = new System.Diagnostics.Metrics.Meter(meter);
            return probe.CreateCounter<long>("bin.test.probe").Enabled;
        }

        Assert.NotNull(host.App.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)));
        Assert.True(Collected("Microsoft.AspNetCore.Hosting"));
        Assert.True(Collected("Microsoft.AspNetCore.Server.Kestrel"));
        Assert.True(Collected("Microsoft.AspNetCore.Components.Server.Circuits"));
        Assert.False(Collected("Microsoft.AspNetCore.Components.Lifecycle"));
        Assert.False(Collected("Microsoft.AspNetCore.MemoryPool"));
    }

    [Fact]
    public void Requests_are_traced_but_not_every_hub_message_of_every_open_screen()
    {
        // A source has listeners when the host's tracer provider takes it by name; SignalR makes no activity without.
        static bool Traced(string source)
        {
            using var probe = new System.Diagnostics.ActivitySource(source);
            return probe.HasListeners();
        }

        Assert.NotNull(host.App.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
        Assert.True(Traced("Microsoft.AspNetCore"));
        Assert.True(Traced("Npgsql"));
        Assert.False(Traced("Microsoft.AspNetCore.SignalR.Server"));
    }

    [Fact]
    public async Task The_scrape_names_the_operational_instruments()
    {
        // A committed event reaches the live feed (lag), the outbox is measured at least once, and the request's
        // duration is recorded (when the request has ended, which may be just after its client had the answer).
        await new AlertScenario(host.App).IncidentAsync();
        var scrape = await ScrapeUntilAsync(s => s.Contains("bin_livefeed_lag_seconds_count") && s.Contains("bin_outbox_depth{")
            && s.Contains("http_server_request_duration_seconds_bucket"), "The live feed, outbox and request duration");

        foreach (var name in new[]
                 {
                     "bin_outbox_depth", "bin_outbox_oldest_age_seconds", "bin_livefeed_lag_seconds_bucket", "bin_livefeed_connected",
                     "bin_circuits_open", "bin_hub_connections", "http_server_request_duration_seconds_bucket",
                 })
            Assert.Matches(new Regex($"^{name}[{{ ]", RegexOptions.Multiline), scrape);
        Assert.True(Sum(scrape, "bin_livefeed_connected") >= 1, "this node's live feed reports itself connected");
    }

    [Fact]
    public async Task A_live_hub_client_is_counted_while_connected()
    {
        var before = Sum(await ScrapeAsync(), "bin_hub_connections");
        await using (var hub = await host.App.HubForAsync("chief"))
            await ScrapeUntilAsync(s => Sum(s, "bin_hub_connections") >= before + 1, "The hub connection");
        await ScrapeUntilAsync(s => Sum(s, "bin_hub_connections") <= before, "The hub disconnection");
    }

    [Fact]
    public void A_wrong_token_from_an_address_outside_the_allowed_networks_is_refused()
    {
        var access = new MetricsAccess(new TelemetryOptions { MetricsToken = MetricsHostFixture.Token, MetricsAllowedNetworks = ["10.53.71.0/24"] });
        HttpContext From(string address, string? authorization = null)
        {
            var context = new DefaultHttpContext();
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (authorization is not null) context.Request.Headers.Authorization = authorization;
            return context;
        }

        Assert.True(access.Allows(From("127.0.0.1")));
        Assert.True(access.Allows(From("::1")));
        Assert.True(access.Allows(From("::ffff:10.53.71.9")));
        Assert.True(access.Allows(From("203.0.113.5", "Bearer " + MetricsHostFixture.Token)));
        Assert.False(access.Allows(From("203.0.113.5")));
        Assert.False(access.Allows(From("203.0.113.5", "Bearer wrong")));
        Assert.False(access.Allows(From("10.53.72.1")));
    }

    [Fact]
    public async Task Readiness_reports_postgres_the_scheduler_and_the_outbox()
    {
        using var client = host.App.CreateClient();
        var body = await client.GetStringAsync("/health/ready");

        Assert.Contains("\"postgresql\":{\"status\":\"Healthy\"", body);
        Assert.Contains("\"scheduler\":{\"status\":\"Healthy\"", body);
        Assert.Contains("\"outbox\":{\"status\":\"Healthy\"", body);
    }
}
