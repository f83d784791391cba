using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Incidents;
using Bin.LoadHarness.Hosting;
using Bin.LoadHarness.Measurement;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.LoadHarness.Scenarios;

/// <summary>
/// live-feed: how long a reported incident takes to reach every live dashboard. N SignalR clients (WebSockets,
/// every role) listen on /hubs/live while a dispatcher reports incidents through the API at a steady pace. One
/// sample is one client's receipt of the matching IncidentReported, timed from just before the POST was sent,
/// so it includes HTTP, the decision, the commit, the event tail and the hub's fan-out.
/// </summary>
internal static class LiveFeedLatency
{
    public static readonly Scenario Scenario = Scenario.Create(
        "live-feed",
        "reported incident → IncidentReported on every /hubs/live client: p50, p95, p99, max",
        "[--clients 100] [--events 60] [--interval-ms 250] [--warmup 3] [--drain-seconds 15] [--target-p99-ms 250]",
        Parse,
        MeasureAsync);

    // Inside Kerkplein: the coordinators (its network group) receive these as well as the zone-wide roles.
    private const double Latitude = 51.2307, Longitude = 5.3135;
    private static readonly TimeSpan WarmupTimeout = TimeSpan.FromSeconds(30);

    private sealed record Settings(int Clients, int Events, int IntervalMs, int Warmup, int DrainSeconds, int TargetP99Ms);

    private static Settings Parse(HarnessArgs args) =>
        new Settings(
            args.Int("clients", 100, 1, 5_000),
            args.Int("events", 60, 1, 100_000),
            args.Int("interval-ms", 250, 1, 60_000),
            args.Int("warmup", 3, 1, 100),
            args.Int("drain-seconds", 15, 1, 600),
            args.Int("target-p99-ms", 250, 1, 60_000));

    private static async Task<int> MeasureAsync(Settings settings, CancellationToken ct)
    {
        var loadAtStart = Scenario.PrintHeader("live-feed: reported incident → IncidentReported on every /hubs/live client");

        var started = Clock.Now;
        var probe = new PipelineProbe();
        await using var host = await KestrelDashboard.StartAsync(probe.Register, ct);
        using var forwarded = probe.AttachBehindForwarder(host.Services.GetRequiredService<LiveFeed>());
        var database = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("BIN_TEST_POSTGRES"))
            ? "throwaway PostgreSQL cluster (fsync, synchronous_commit off)"
            : "PostgreSQL from BIN_TEST_POSTGRES";
        Console.WriteLine($"  host       Kestrel {host.BaseAddress} in this process, Production, {database}; up in {Clock.Ms(started, Clock.Now) / 1000:0.0} s");

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var tokens = new Dictionary<string, string>();
        foreach (var role in Roles.All) tokens[role] = await TokenAsync(http, role, ct);
        using var dispatcher = new HttpClient { BaseAddress = host.BaseAddress };
        dispatcher.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[Roles.Dispatcher]);

        var receipts = new ReceiptLog();
        var roles = Enumerable.Range(0, settings.Clients).Select(i => Roles.All[i % Roles.All.Count]).ToArray();
        started = Clock.Now;
        var clients = await ConnectAllAsync(host.BaseAddress, roles, tokens, receipts, ct);
        try
        {
            Console.WriteLine($"  clients    {clients.Count} connected (WebSockets, JSON) in {Clock.Ms(started, Clock.Now) / 1000:0.0} s: " +
                              string.Join(", ", roles.CountBy(r => r).Select(g => $"{g.Key} {g.Value}")));

            // Warm-up: JIT, connection pools, and proof that every client has joined its group.
            for (var i = 0; i < settings.Warmup; i++)
            {
                var warm = await ReportAsync(dispatcher, -1 - i, ct);
                var expected = roles.Count(r => Expects(r, warm));
                var deadline = Clock.Now + (long)(WarmupTimeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
                while (receipts.CountFor(warm.Id) < expected && Clock.Now < deadline) await Task.Delay(10, ct);
                if (receipts.CountFor(warm.Id) < expected)
                {
                    Console.Error.WriteLine($"Warm-up incident {warm.Id} reached {receipts.CountFor(warm.Id)} of {expected} clients in {WarmupTimeout.TotalSeconds:0} s.");
                    return ExitCodes.Failed;
                }
            }
            Console.WriteLine($"  events     {settings.Events} incidents, one every {settings.IntervalMs} ms, after {settings.Warmup} warm-up incident(s) seen by every client");

            // The measured run: one POST per tick, not waiting for the previous one to answer.
            var gcBefore = GcSnapshot.Take();
            var sends = new List<Task<Sent>>(settings.Events);
            using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.IntervalMs)))
            {
                for (var i = 0; i < settings.Events; i++)
                {
                    if (i > 0) await timer.WaitForNextTickAsync(ct);
                    sends.Add(ReportAsync(dispatcher, i, ct));
                }
            }
            var sent = await Task.WhenAll(sends);

            var expectedTotal = sent.Sum(s => roles.Count(r => Expects(r, s)));
            var drainUntil = Clock.Now + settings.DrainSeconds * System.Diagnostics.Stopwatch.Frequency;
            while (sent.Sum(s => receipts.CountFor(s.Id)) < expectedTotal && Clock.Now < drainUntil) await Task.Delay(20, ct);

            var loadAtEnd = MachineInfo.LoadAverage();
            Console.WriteLine($"  load avg   {loadAtEnd} (end)");
            Console.WriteLine($"  GC         {GcSnapshot.Take().Since(gcBefore)} during the measured run (whole process: server and clients)");
            return Report(settings, roles, sent, receipts, probe, expectedTotal, loadAtStart, loadAtEnd);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static int Report(Settings settings, string[] roles, Sent[] sent, ReceiptLog receipts, PipelineProbe probe,
        int expectedTotal, string loadAtStart, string loadAtEnd)
    {
        var sentById = sent.ToDictionary(s => s.Id);
        var samples = new List<double>(expectedTotal);
        var byRole = roles.Distinct().ToDictionary(r => r, _ => new List<double>());
        var seen = new HashSet<(int Client, Guid Stream)>();
        var firstAndLast = new Dictionary<Guid, (long First, long Last)>();
        int duplicates = 0, unexpected = 0;
        foreach (var r in receipts.Snapshot())
        {
            if (!sentById.TryGetValue(r.Stream, out var s)) continue; // a warm-up incident
            if (!seen.Add((r.Client, r.Stream))) { duplicates++; continue; }
            if (!Expects(roles[r.Client], s)) { unexpected++; continue; }
            samples.Add(Clock.Ms(s.SentAt, r.At));
            byRole[roles[r.Client]].Add(samples[^1]);
            firstAndLast[s.Id] = firstAndLast.TryGetValue(s.Id, out var fl) ? (Math.Min(fl.First, r.At), Math.Max(fl.Last, r.At)) : (r.At, r.At);
        }
        var missing = expectedTotal - samples.Count;
        var latency = LatencySummary.Of(samples);
        var pass = latency.Count > 0 && latency.P99 < settings.TargetP99Ms;

        Console.WriteLine();
        Console.WriteLine($"samples      {samples.Count} of {expectedTotal} expected ({settings.Events} × {settings.Clients}); missing {missing}, duplicates {duplicates}, outside the client's networks {unexpected}");
        Console.WriteLine($"latency      {latency}   (POST sent → client received)");
        Console.WriteLine($"p99 < {settings.TargetP99Ms} ms: {(pass ? "PASS" : "FAIL")}");
        if (settings.Events < 100)
            Console.WriteLine($"  note: each incident gives {settings.Clients} samples, so with {settings.Events} incidents the p99 is set by the slowest " +
                              $"{Math.Max(1, (int)Math.Ceiling(settings.Events / 100.0))} incident(s); --events 600 gives a steadier p99");

        Console.WriteLine();
        // Per incident, from the probes: first as time since the POST was sent, then as the length of each step.
        var traced = sent.Where(s => probe.TailMapped.ContainsKey(s.Id) && probe.Forwarded.ContainsKey(s.Id) && firstAndLast.ContainsKey(s.Id))
            .Select(s => (Sent: s, Mapped: probe.TailMapped[s.Id], Forwarded: probe.Forwarded[s.Id], firstAndLast[s.Id].First, firstAndLast[s.Id].Last))
            .ToList();
        Console.WriteLine($"Where the time goes, per incident ({traced.Count} traced), ms: p50 / p95 / p99 / max");
        Console.WriteLine("  since the POST was sent");
        Stage("POST answered 201", traced.Select(t => Clock.Ms(t.Sent.SentAt, t.Sent.AnsweredAt)));
        Stage("event tail read it (mapping)", traced.Select(t => Clock.Ms(t.Sent.SentAt, t.Mapped)));
        Stage("feed fan-out to subscribers", traced.Select(t => Clock.Ms(t.Sent.SentAt, t.Forwarded)));
        Stage("first client received", traced.Select(t => Clock.Ms(t.Sent.SentAt, t.First)));
        Stage("last client received", traced.Select(t => Clock.Ms(t.Sent.SentAt, t.Last)));
        Console.WriteLine("  steps");
        Stage("HTTP + decide + commit + NOTIFY + tail query", traced.Select(t => Clock.Ms(t.Sent.SentAt, t.Mapped)));
        Stage("mapping + feed fan-out", traced.Select(t => Clock.Ms(t.Mapped, t.Forwarded)));
        Stage("fan-out → last client", traced.Select(t => Clock.Ms(t.Forwarded, t.Last)));
        Stage("first → last client (spread)", traced.Select(t => Clock.Ms(t.First, t.Last)));
        // The forwarder sends to the zone group, then (awaiting it) to each network group: coordinators come second.
        Console.WriteLine("  by role, per receipt, since the POST was sent");
        foreach (var (role, ms) in byRole)
            Stage(role, ms);
        Console.WriteLine("  (clients and server share this process and its cores: client-side receive work is in the figures)");

        Console.WriteLine();
        Console.WriteLine("README row:");
        Console.WriteLine("| scenario | load | samples | p50 ms | p95 ms | p99 ms | max ms | p99 < 250 ms | machine | date |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| live feed: POST → hub client | {settings.Clients} clients × {settings.Events} incidents, 1 per {settings.IntervalMs} ms " +
                          $"| {samples.Count}/{expectedTotal} | {LatencySummary.Ms(latency.P50)} | {LatencySummary.Ms(latency.P95)} | {LatencySummary.Ms(latency.P99)} " +
                          $"| {LatencySummary.Ms(latency.Max)} | {(pass ? "PASS" : "FAIL")} | {Environment.ProcessorCount} cores, load {MachineInfo.OneMinute(loadAtStart)} → {MachineInfo.OneMinute(loadAtEnd)} " +
                          $"| {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} |");

        if (missing != 0 || duplicates != 0 || unexpected != 0)
        {
            Console.Error.WriteLine($"FAILED: {missing} missing, {duplicates} duplicate and {unexpected} out-of-scope receipts.");
            return ExitCodes.Failed;
        }
        return pass ? ExitCodes.Met : ExitCodes.TargetMissed;
    }

    private static void Stage(string name, IEnumerable<double> ms)
    {
        var s = LatencySummary.Of(ms);
        Console.WriteLine($"  {name,-46}{LatencySummary.Ms(s.P50),8} {LatencySummary.Ms(s.P95),8} {LatencySummary.Ms(s.P99),8} {LatencySummary.Ms(s.Max),8}   (n={s.Count})");
    }

    /// <summary>Coordinators see only Kerkplein's incidents; every other role sees the whole zone.</summary>
    private static bool Expects(string role, Sent incident) =>
        role != Roles.Coordinator || incident.NetworkIds.Contains(NetworkSeed.KerkpleinId);

    private static async Task<string> TokenAsync(HttpClient http, string user, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { username = user, password = KestrelDashboard.Password }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Signing in as {user} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(ct))!.AccessToken;
    }

    /// <summary>Connects the clients ten at a time (a crowd of dashboards opening, not one burst).</summary>
    private static async Task<List<HubConnection>> ConnectAllAsync(Uri baseAddress, string[] roles, Dictionary<string, string> tokens,
        ReceiptLog receipts, CancellationToken ct)
    {
        var connections = new List<HubConnection>(roles.Length);
        foreach (var chunk in Enumerable.Range(0, roles.Length).Chunk(10))
            connections.AddRange(await Task.WhenAll(chunk.Select(i => ConnectAsync(baseAddress, tokens[roles[i]], i, receipts, ct))));
        return connections;
    }

    private static async Task<HubConnection> ConnectAsync(Uri baseAddress, string token, int client, ReceiptLog receipts, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, LiveHub.Path), HttpTransportType.WebSockets,
                o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        connection.On<LiveEventHeader>(LiveHub.EventMethod, e =>
        {
            var at = Clock.Now; // first thing: the receive time of this client
            if (e.Type == nameof(IncidentReported)) receipts.Add(client, e.StreamId, at);
        });
        await connection.StartAsync(ct);
        return connection;
    }

    private static async Task<Sent> ReportAsync(HttpClient dispatcher, int n, CancellationToken ct)
    {
        // A few metres apart, all inside Kerkplein.
        var body = new { lat = Latitude + 0.0004 * Math.Sin(n), lon = Longitude + 0.0004 * Math.Cos(n), category = "burglary", description = $"Load harness incident {n}" };
        using var content = JsonContent.Create(body);
        await content.LoadIntoBufferAsync(ct); // serialised before the clock starts
        var sentAt = Clock.Now;
        using var response = await dispatcher.PostAsync("/api/incidents", content, ct);
        var answeredAt = Clock.Now;
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /api/incidents answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        var reported = (await response.Content.ReadFromJsonAsync<ReportedResponse>(ct))!;
        return new Sent(reported.Id, reported.NetworkIds, sentAt, answeredAt);
    }

    private sealed record Sent(Guid Id, IReadOnlyList<Guid> NetworkIds, long SentAt, long AnsweredAt);

    private sealed record ReportedResponse(Guid Id, IReadOnlyList<Guid> NetworkIds);

    private sealed record TokenResponse(string AccessToken);

    /// <summary>The part of a LiveEvent the harness reads; the payload is skipped.</summary>
    internal sealed record LiveEventHeader(long Sequence, string Type, Guid StreamId);

    /// <summary>Every client's receipts, keyed afterwards by stream id (a POST may answer after its hub message).</summary>
    private sealed class ReceiptLog
    {
        private readonly ConcurrentQueue<Receipt> _receipts = new();
        private readonly ConcurrentDictionary<Guid, int> _perStream = new();

        public void Add(int client, Guid stream, long at)
        {
            _receipts.Enqueue(new Receipt(client, stream, at));
            _perStream.AddOrUpdate(stream, 1, (_, n) => n + 1);
        }

        public int CountFor(Guid stream) => _perStream.GetValueOrDefault(stream);

        public Receipt[] Snapshot() => _receipts.ToArray();
    }

    private readonly record struct Receipt(int Client, Guid Stream, long At);

    /// <summary>Collections and total pause time of this process's GC, to tell pauses from scheduling noise.</summary>
    private readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static GcSnapshot Take() =>
            new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public string Since(GcSnapshot before) =>
            $"{Gen0 - before.Gen0} gen0, {Gen1 - before.Gen1} gen1, {Gen2 - before.Gen2} gen2 collections, " +
            $"{(Paused - before.Paused).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms paused in total";
    }
}
