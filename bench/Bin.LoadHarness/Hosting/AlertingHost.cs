using Microsoft.AspNetCore.Components.Server.Circuits;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Sms;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.LoadHarness.Measurement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bin.LoadHarness.Hosting;

/// <summary>
/// The dashboard set up for the alerting scenarios: <see cref="InstantGateway"/> instead of the simulator, no send
/// rate limit, webhooks signed with a harness token, and an officer and an administrator signed in. Members, the
/// incident and the alerts are all made through the dashboard's own HTTP API, as an installation would.
/// </summary>
internal sealed class AlertingHost : IAsyncDisposable
{
    /// <summary>The auth token and public URL the webhooks are signed with (loopback only; not a secret).</summary>
    public const string AuthToken = "load-harness-auth-token";
    public const string PublicBaseUrl = "http://bin.load-harness.invalid";

    /// <summary>The simulator's number, the "To" of members' replies.</summary>
    public const string DashboardNumber = "+32460000000";

    /// <summary>Members registered for CSV import in files of this many lines (the registry's own import path).</summary>
    private const int ImportChunk = 2_000;

    private readonly HttpClient _officer;
    private readonly HttpClient _admin;

    private AlertingHost(KestrelDashboard host, InstantGateway gateway, HttpClient officer, HttpClient admin)
    {
        Host = host;
        Gateway = gateway;
        _officer = officer;
        _admin = admin;
        Anonymous = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public KestrelDashboard Host { get; }

    public InstantGateway Gateway { get; }

    public HttpClient Anonymous { get; }

    public AlertProgressReader Progress => Host.Services.GetRequiredService<AlertProgressReader>();

    /// <summary>The alerting settings in effect (the dashboard's defaults plus what the scenario set).</summary>
    public AlertOptions Alerts => Host.Services.GetRequiredService<IOptions<AlertOptions>>().Value;

    public string OutboxTable => $"{Host.Services.GetRequiredService<IOptions<EventStoreOptions>>().Value.Schema}.bin_outbox";

    /// <summary>Starts the host; <paramref name="settings"/> (e.g. Alerts:SendBatchSize) come on top of the harness's own.</summary>
    /// <param name="configureServices">Registrations of a scenario's own on top (e.g. the screens scenario's broadcast probe).</param>
    public static async Task<AlertingHost> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken ct,
        Action<IServiceCollection>? configureServices = null)
    {
        var gateway = new InstantGateway();
        var all = new Dictionary<string, string?>
        {
            ["Sms:MessagesPerSecond"] = "0", // no send rate limit: the sender goes as fast as the gateway answers
            ["Sms:Twilio:AuthToken"] = AuthToken,
            ["Sms:PublicBaseUrl"] = PublicBaseUrl,
            // A run issues several alerts as one officer within the hour; the per-officer cap is not what is measured.
            ["Alerts:MaxAlertsPerOfficerPerHour"] = "1000",
            // Runs alert the same network of one incident again and again, ten thousand members each: neither the
            // repeat guard nor the daily segment budget (docs/privacy.md) is what is measured.
            ["Alerts:RepeatWindow"] = "00:00:00",
            ["Alerts:DailySegmentBudget"] = "10000000",
        };
        foreach (var (key, value) in settings) all[key] = value;

        var started = Clock.Now;
        var host = await KestrelDashboard.StartAsync(services =>
        {
            services.RemoveAll<ISmsGateway>();
            services.AddSingleton<ISmsGateway>(gateway);
            services.AddSingleton<CircuitMessages>();
            services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitMessages>());
            configureServices?.Invoke(services);
        }, ct, all);
        // ConfigureServices of the factory runs after the dashboard's own registrations; make sure it won.
        if (!ReferenceEquals(host.Services.GetRequiredService<ISmsGateway>(), gateway))
            throw new InvalidOperationException("The instant gateway did not replace the dashboard's ISmsGateway.");

        var database = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("BIN_TEST_POSTGRES"))
            ? "throwaway PostgreSQL cluster (fsync, synchronous_commit off)"
            : "PostgreSQL from BIN_TEST_POSTGRES";
        Console.WriteLine($"  host       Kestrel {host.BaseAddress} in this process, Production, {database}; up in {Clock.Ms(started, Clock.Now) / 1000:0.0} s");
        var alerts = host.Services.GetRequiredService<IOptions<AlertOptions>>().Value;
        var sms = host.Services.GetRequiredService<IOptions<SmsOptions>>().Value;
        Console.WriteLine($"  settings   Sms:MessagesPerSecond={sms.MessagesPerSecond}, Alerts:SendBatchSize={alerts.SendBatchSize}, " +
                          $"Alerts:SendParallelism={alerts.SendParallelism}; gateway: {gateway.Name}");

        var officer = await ClientAsync(host, Roles.Officer, ct);
        var admin = await ClientAsync(host, Roles.Admin, ct);
        return new AlertingHost(host, gateway, officer, admin);
    }

    /// <summary>
    /// Tops the network up to exactly <paramref name="active"/> active members (the demo seed already put some there)
    /// through CSV imports of <see cref="ImportChunk"/> lines, with numbers +32 4<paramref name="block"/>… .
    /// Returns the imported members' numbers.
    /// </summary>
    public async Task<IReadOnlyList<string>> FillNetworkAsync(Guid networkId, int active, string block, CancellationToken ct)
    {
        var directory = Host.Services.GetRequiredService<IMemberDirectory>();
        var already = (await directory.ActiveCountsAsync(ct)).GetValueOrDefault(networkId);
        if (already > active)
            throw new InvalidOperationException($"Network {networkId} already has {already} active members, more than {active}.");
        var numbers = Numbers(block, active - already);
        await ImportAsync(networkId, numbers, ct);
        var now = (await directory.ActiveCountsAsync(ct)).GetValueOrDefault(networkId);
        if (now != active)
            throw new InvalidOperationException($"Network {networkId} has {now} active members after the import, not {active}.");
        return numbers;
    }

    /// <summary>Registers the numbers in the network through POST /api/networks/{id}/members/import, one file per chunk.</summary>
    public async Task ImportAsync(Guid networkId, IReadOnlyList<string> numbers, CancellationToken ct)
    {
        string[] languages = ["nl", "nl", "nl", "fr", "nl", "de", "nl", "en"];
        var line = 0;
        foreach (var chunk in numbers.Chunk(ImportChunk))
        {
            var csv = new StringBuilder("name;phone;language\n");
            foreach (var number in chunk)
                csv.Append(CultureInfo.InvariantCulture, $"Lid {number[^6..]};{number};{languages[line++ % languages.Length]}\n");
            using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
            using var response = await _admin.PostAsync($"/api/networks/{networkId}/members/import", content, ct);
            var report = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ImportReport>(ct) : null;
            if (report is null || !report.Stored || report.Imported != chunk.Length)
                throw new InvalidOperationException($"Importing {chunk.Length} members answered {(int)response.StatusCode}: " +
                                                    (report is null ? await response.Content.ReadAsStringAsync(ct) : $"{report.Imported} imported, {report.Duplicates} duplicates, {report.Invalid} invalid"));
        }
    }

    /// <summary>Belgian mobile numbers +32 4bb nnn nnn, well away from the demo block (+32 479 90 …).</summary>
    public static IReadOnlyList<string> Numbers(string block, int count) =>
        Enumerable.Range(0, count).Select(i => $"+324{block}{i:D6}").ToList();

    public async Task<Guid> ReportIncidentAsync(CancellationToken ct)
    {
        using var response = await _officer.PostAsJsonAsync("/api/incidents",
            new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Load harness: inbraakgolf" }, ct);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /api/incidents answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<IdResponse>(ct))!.Id;
    }

    /// <summary>POST /api/incidents/{id}/alerts; the clock starts with the request already serialised.</summary>
    public async Task<IssuedAlert> IssueAlertAsync(Guid incidentId, Guid networkId, CancellationToken ct)
    {
        using var content = JsonContent.Create(new { networkIds = new[] { networkId }, tipTemplateId = "burglary-lights" });
        await content.LoadIntoBufferAsync(ct);
        var sentAt = Clock.Now;
        using var response = await _officer.PostAsync($"/api/incidents/{incidentId}/alerts", content, ct);
        var answeredAt = Clock.Now;
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST /api/incidents/{incidentId}/alerts answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        var body = (await response.Content.ReadFromJsonAsync<AlertResponse>(ct))!;
        return new IssuedAlert(body.AlertId, body.Recipients, sentAt, answeredAt);
    }

    /// <summary>Waits until every message of the alert is recorded as sent (or delivered); false on timeout.</summary>
    public async Task<bool> WaitUntilSentAsync(Guid alertId, int recipients, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = Clock.Now + (long)(timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (Clock.Now < deadline)
        {
            var progress = await Progress.PerNetworkAsync([alertId], ct);
            if (progress.Sum(p => p.Sent) == recipients) return true;
            await Task.Delay(50, ct);
        }
        return false;
    }

    /// <summary>
    /// Brings the planner's statistics up to date, as autovacuum does within a minute or so of a bulk change. Right
    /// after the setup's imports and COPY they describe nearly empty tables, and PostgreSQL then picks plans that
    /// scan whole tables (seen: the live feed's event query, the acknowledgement's UPDATE).
    /// </summary>
    public async Task AnalyzeAsync(CancellationToken ct)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _officer.Dispose();
        _admin.Dispose();
        Anonymous.Dispose();
        await Host.DisposeAsync();
    }

    private static async Task<HttpClient> ClientAsync(KestrelDashboard host, string user, CancellationToken ct)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password = KestrelDashboard.Password }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Signing in as {user} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);

    private sealed record IdResponse(Guid Id);

    private sealed record AlertResponse(Guid AlertId, int Recipients);
}

/// <param name="SentAt">Just before the POST went out (harness clock).</param>
/// <param name="AnsweredAt">When the 202 arrived.</param>
internal sealed record IssuedAlert(Guid AlertId, int Recipients, long SentAt, long AnsweredAt);
