using System.Globalization;
using System.Net;
using Bin.Dashboard.Features.Alerts;
using Bin.Domain.Alerts;
using Bin.LoadHarness.Hosting;
using Bin.LoadHarness.Measurement;
using Bin.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.LoadHarness.Scenarios;

/// <summary>
/// acks: members of an alerted network answer "OK" at once. A pool of HTTP clients posts signed, Twilio-shaped
/// webhooks (POST /sms/inbound) to Kestrel, each member once, some with their MessageSid repeated (at the same
/// moment, or after the answer) as Twilio does when it retries. The webhook stores each message and answers; the
/// inbound processor records them in batches. The clock stops when the last one is recorded, and the store must then
/// hold exactly one TipAcknowledged event, one acked outbox row and one inbox row per member: none lost, none twice.
/// </summary>
internal static class SustainedAcks
{
    public static readonly Scenario Scenario = Scenario.Create(
        "acks",
        "signed \"OK\" webhooks from N alerted members over HTTP: acks/s, p50/p99, errors; none lost, duplicates recorded once",
        "[--members 3000] [--warmup 200] [--concurrency 48] [--duplicate-percent 10] [--target-per-second 500] [--analyze 1] [--trace 0] [--calibrate 1] [--timeout-seconds 120]",
        Parse,
        MeasureAsync);

    /// <summary>Leuken: 110 demo members (who stay silent), topped up with the members who answer.</summary>
    private static readonly Guid Network = Guid.Parse("0b5e3f2a-5371-4c01-9a01-000000000006");

    // How members write "OK" (the handler is case and spacing tolerant).
    private static readonly string[] Answers = ["OK", "ok", " Ok ", "JA", "ja", "OUI", "1"];

    private sealed record Settings(int Members, int Warmup, int Concurrency, int DuplicatePercent, int TargetPerSecond, bool Analyze, bool Trace, bool Calibrate, int TimeoutSeconds);

    private enum Repeat { None, Concurrent, Replay }

    /// <summary>One member's answer, serialised and signed before the clock starts.</summary>
    private sealed record Ack(int Member, string Sid, byte[] Form, string Signature, Repeat Repeat);

    private readonly record struct Sample(int Member, bool First, long StartedAt, long EndedAt, HttpStatusCode? Status, string? Error);

    private static Settings Parse(HarnessArgs args) =>
        new Settings(
            args.Int("members", 3_000, 1, 50_000),
            args.Int("warmup", 200, 0, 5_000),
            args.Int("concurrency", 48, 1, 1_000),
            args.Int("duplicate-percent", 10, 0, 100),
            args.Int("target-per-second", 500, 1, 1_000_000),
            args.Int("analyze", 1, 0, 1) == 1,
            args.Int("trace", 0, 0, 1) == 1, // off by default: an Activity per command is CPU the headline figure should not pay
            args.Int("calibrate", 1, 0, 1) == 1,
            args.Int("timeout-seconds", 120, 1, 3_600));

    private static async Task<int> MeasureAsync(Settings settings, CancellationToken ct)
    {
        var loadAtStart = Scenario.PrintHeader($"acks: {settings.Members:N0} alerted members answer \"OK\" by signed webhook, {settings.Concurrency} concurrent senders over HTTP");

        using var trace = settings.Trace ? new SqlTrace() : null;
        // The calibration's forged webhooks are refused on purpose: their warnings would be console output to pay for.
        await using var host = await AlertingHost.StartAsync(settings.Calibrate
            ? new Dictionary<string, string?> { ["Logging:LogLevel:Bin.Dashboard.Features.Sms.SmsWebhook"] = "Error" }
            : new Dictionary<string, string?>(), ct);

        var started = Clock.Now;
        var numbers = AlertingHost.Numbers("71", settings.Warmup + settings.Members);
        await host.ImportAsync(Network, numbers, ct);
        var incident = await host.ReportIncidentAsync(ct);
        var alert = await host.IssueAlertAsync(incident, Network, ct);
        if (!await host.WaitUntilSentAsync(alert.AlertId, alert.Recipients, TimeSpan.FromSeconds(settings.TimeoutSeconds), ct))
        {
            Console.Error.WriteLine($"The alert ({alert.Recipients} recipients) was not all sent in {settings.TimeoutSeconds} s.");
            return ExitCodes.Failed;
        }
        Console.WriteLine($"  setup      {numbers.Count:N0} members imported into Leuken ({settings.Warmup} for warm-up), alerted with Leuken's demo members " +
                          $"({alert.Recipients:N0} recipients), all sent, in {Clock.Ms(started, Clock.Now) / 1000:0.0} s (not measured)");

        if (settings.Analyze)
        {
            started = Clock.Now;
            await host.AnalyzeAsync(ct);
            Console.WriteLine($"  analyze    planner statistics brought up to date after the setup, as autovacuum would by the time members answer " +
                              $"({Clock.Ms(started, Clock.Now) / 1000:0.0} s; --analyze 0 measures on the stale ones)");
        }

        var plan = Plan(numbers, settings);
        var warmup = plan.Take(settings.Warmup).ToArray();
        var measured = plan.Skip(settings.Warmup).ToArray();
        var duplicates = measured.Count(a => a.Repeat != Repeat.None);
        Console.WriteLine($"  requests   {measured.Length:N0} acks + {duplicates} repeated MessageSids " +
                          $"({measured.Count(a => a.Repeat == Repeat.Concurrent)} sent at the same moment as the original, {measured.Count(a => a.Repeat == Repeat.Replay)} after its answer)" +
                          (trace is null ? "" : "; Npgsql commands traced (costs CPU; --trace 0 for the headline figure)"));

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Concurrency * 2, // a concurrent repeat briefly needs a second connection
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        }) { BaseAddress = host.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };

        if (warmup.Length > 0)
        {
            var warm = await SendAllAsync(http, warmup, settings.Concurrency, ct);
            var failed = warm.Count(s => s.Status != HttpStatusCode.OK);
            Console.WriteLine($"  warm-up    {warm.Count} acks from {warmup.Length} other members ({failed} failed)");
        }

        var cpu = await CpuMeter.ForAsync(TestPostgres.AdminConnectionString, ct);
        var gcBefore = GC.GetTotalPauseDuration();
        trace?.Drain();
        if (trace is not null) trace.Recording = true;
        var cpuBefore = cpu.Take();
        var samples = await SendAllAsync(http, measured, settings.Concurrency, ct);
        var recordedAt = await RecordedAsync(host, TimeSpan.FromSeconds(settings.TimeoutSeconds), ct);
        var cpuUsed = cpu.Take().Since(cpuBefore);
        if (trace is not null) trace.Recording = false;
        var gcPaused = GC.GetTotalPauseDuration() - gcBefore;
        var loadAtEnd = MachineInfo.LoadAverage();
        Console.WriteLine($"  load avg   {loadAtEnd} (end); GC paused {gcPaused.TotalMilliseconds:0} ms during the measured run (whole process)");

        var stored = await StoredAsync(host, alert.AlertId, ct);
        var sql = trace?.Drain() ?? [];
        var calibration = settings.Calibrate ? await CalibrateAsync(http, host, alert.AlertId, measured, settings, cpu, stored, ct) : null;
        return Report(settings, plan, samples, recordedAt, stored, cpuUsed, calibration, sql, loadAtStart, loadAtEnd);
    }

    /// <summary>When the inbound processor had recorded every received message (polled every 5 ms).</summary>
    private static async Task<long> RecordedAsync(AlertingHost host, TimeSpan timeout, CancellationToken ct)
    {
        var inbox = host.Host.Services.GetRequiredService<InboundStore>();
        var deadline = Clock.Now + (long)(timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (await inbox.PendingCountAsync(ct) > 0)
        {
            if (Clock.Now > deadline) throw new TimeoutException($"Received messages were still unrecorded after {timeout.TotalSeconds:0} s.");
            await Task.Delay(5, ct);
        }
        return Clock.Now;
    }

    /// <summary>The same requests again with a wrong signature: HTTP, form parsing and the signature check — everything
    /// but the handler — so its CPU per request shows what the handler itself costs. Each must be refused (403) and
    /// change nothing.</summary>
    private sealed record Calibration(int Requests, int Refused, double Seconds, CpuSample Cpu, bool Unchanged);

    private static async Task<Calibration> CalibrateAsync(HttpClient http, AlertingHost host, Guid alertId, Ack[] measured, Settings settings,
        CpuMeter cpu, Stored before, CancellationToken ct)
    {
        var forged = measured.Select(a => a with { Signature = Convert.ToBase64String(new byte[20]), Repeat = Repeat.None }).ToArray();
        var cpuBefore = cpu.Take();
        var started = Clock.Now;
        var samples = await SendAllAsync(http, forged, settings.Concurrency, ct);
        var seconds = Clock.Ms(started, Clock.Now) / 1000;
        var used = cpu.Take().Since(cpuBefore);
        await RecordedAsync(host, TimeSpan.FromSeconds(settings.TimeoutSeconds), ct);
        var after = await StoredAsync(host, alertId, ct);
        return new Calibration(samples.Count, samples.Count(s => s.Status == HttpStatusCode.Forbidden), seconds, used, after == before);
    }

    /// <summary>Every member's signed answer; every (100 / duplicate-percent)-th has its MessageSid sent twice.</summary>
    private static Ack[] Plan(IReadOnlyList<string> numbers, Settings settings)
    {
        var every = settings.DuplicatePercent == 0 ? int.MaxValue : Math.Max(1, (int)Math.Round(100.0 / settings.DuplicatePercent));
        var url = AlertingHost.PublicBaseUrl + "/sms/inbound";
        return numbers.Select((number, i) =>
        {
            var measuredIndex = i - settings.Warmup;
            var repeat = measuredIndex < 0 || measuredIndex % every != every - 1 ? Repeat.None
                : (measuredIndex / every) % 2 == 0 ? Repeat.Concurrent : Repeat.Replay;
            var sid = "SM" + Guid.NewGuid().ToString("N");
            var form = new Dictionary<string, string>
            {
                ["MessageSid"] = sid,
                ["AccountSid"] = "AC" + new string('0', 32),
                ["From"] = number,
                ["To"] = AlertingHost.DashboardNumber,
                ["Body"] = Answers[i % Answers.Length],
                ["NumMedia"] = "0",
            };
            using var content = new FormUrlEncodedContent(form);
            var bytes = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            return new Ack(i, sid, bytes, TwilioSigner.Sign(url, form, AlertingHost.AuthToken), repeat);
        }).ToArray();
    }

    private static async Task<List<Sample>> SendAllAsync(HttpClient http, Ack[] acks, int concurrency, CancellationToken ct)
    {
        var next = -1;
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var samples = new List<Sample>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < acks.Length)
            {
                var ack = acks[i];
                switch (ack.Repeat)
                {
                    case Repeat.Concurrent:
                        samples.AddRange(await Task.WhenAll(SendAsync(http, ack, true, ct), SendAsync(http, ack, false, ct)));
                        break;
                    case Repeat.Replay:
                        samples.Add(await SendAsync(http, ack, true, ct));
                        samples.Add(await SendAsync(http, ack, false, ct));
                        break;
                    default:
                        samples.Add(await SendAsync(http, ack, true, ct));
                        break;
                }
            }
            return samples;
        }));
        return perWorker.SelectMany(s => s).ToList();
    }

    private static async Task<Sample> SendAsync(HttpClient http, Ack ack, bool first, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new ByteArrayContent(ack.Form) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-Twilio-Signature", ack.Signature);
        var startedAt = Clock.Now;
        try
        {
            using var response = await http.SendAsync(request, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return new Sample(ack.Member, first, startedAt, Clock.Now, response.StatusCode,
                response.StatusCode == HttpStatusCode.OK ? null : await response.Content.ReadAsStringAsync(ct));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new Sample(ack.Member, first, startedAt, Clock.Now, null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private sealed record Stored(int Events, int DistinctMembers, int AckedRows, int InboxRows);

    /// <summary>What the store holds afterwards for the alert (every request has been answered, so it is final).</summary>
    private static async Task<Stored> StoredAsync(AlertingHost host, Guid alertId, CancellationToken ct)
    {
        var store = host.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var members = await session.Events.QueryRawEventDataOnly<TipAcknowledged>().Where(a => a.AlertId == alertId).Select(a => a.MemberId).ToListAsync(ct);
        var inbound = (int)(long)(await session.AdvancedSql.QueryAsync<long>("select count(*) from bin.bin_inbound where intent = 'acknowledge'", ct)).Single();
        var acked = (await host.Progress.PerNetworkAsync([alertId], ct)).Sum(p => p.Acknowledged);
        return new Stored(members.Count, members.Distinct().Count(), acked, inbound);
    }

    private static int Report(Settings settings, Ack[] plan, List<Sample> samples, long recordedAt, Stored stored, CpuSample cpu, Calibration? calibration, IReadOnlyList<SqlCall> sql,
        string loadAtStart, string loadAtEnd)
    {
        var start = samples.Min(s => s.StartedAt);
        var answered = Clock.Ms(start, samples.Max(s => s.EndedAt)) / 1000;
        // An acknowledgement counts once it is recorded (event, outbox mark), not when the webhook answered.
        var seconds = Clock.Ms(start, Math.Max(recordedAt, samples.Max(s => s.EndedAt))) / 1000;
        var errors = samples.Where(s => s.Status != HttpStatusCode.OK).ToList();
        var acked = samples.Count(s => s.First && s.Status == HttpStatusCode.OK);
        var acksPerSecond = acked / seconds;
        var latency = LatencySummary.Of(samples.Select(s => Clock.Ms(s.StartedAt, s.EndedAt)));
        // Answered first requests per whole second of the run (the last, partial second left out).
        var perSecond = samples.Where(s => s.First && s.Status == HttpStatusCode.OK)
            .GroupBy(s => (int)(Clock.Ms(start, s.EndedAt) / 1000))
            .Where(g => g.Key < (int)answered)
            .OrderBy(g => g.Key).Select(g => g.Count()).ToList();

        // Everyone who answered (warm-up included) must be there exactly once.
        var expected = plan.Length;
        var lost = expected - stored.DistinctMembers;
        var twice = stored.Events - stored.DistinctMembers;
        var complete = errors.Count == 0 && lost == 0 && twice == 0 && stored.AckedRows == expected && stored.InboxRows == expected
                       && calibration is null or { Unchanged: true } && calibration?.Refused == calibration?.Requests;
        var pass = complete && acksPerSecond >= settings.TargetPerSecond;

        Console.WriteLine();
        Console.WriteLine($"requests     {samples.Count:N0} answered in {answered:0.00} s = {samples.Count / answered:0} requests/s; {errors.Count} errors");
        Console.WriteLine($"acks         {acked:N0} members recorded in {seconds:0.00} s (first request sent → last acknowledgement recorded; " +
                          $"{(seconds - answered) * 1000:0} ms after the last answer) = {acksPerSecond:0} acks/s" +
                          (perSecond.Count > 0 ? $"; answered per whole second: min {perSecond.Min()}, median {perSecond.Order().ElementAt(perSecond.Count / 2)}, max {perSecond.Max()}" : ""));
        Console.WriteLine($"latency      {latency}   (request sent → answer read, all requests)");
        Console.WriteLine($"cpu          {cpu.PerOperation(Math.Max(1, acked), "ack")}");
        foreach (var e in errors.GroupBy(e => $"{(e.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no answer")} {e.Error?[..Math.Min(e.Error.Length, 200)]}").Take(5))
            Console.WriteLine($"  error ×{e.Count()}: {e.Key}");
        Console.WriteLine($"stored       {stored.Events:N0} TipAcknowledged events ({stored.DistinctMembers:N0} members), {stored.AckedRows:N0} acked outbox rows, " +
                          $"{stored.InboxRows:N0} inbox rows recorded as acknowledgements; expected {expected:N0} of each (warm-up included): lost {lost}, recorded twice {twice}");
        if (calibration is { } c)
        {
            Console.WriteLine($"calibration  the same {c.Requests:N0} requests with a wrong signature: {c.Refused:N0} refused (403), store {(c.Unchanged ? "unchanged" : "CHANGED")}, " +
                              $"{c.Requests / c.Seconds:0} requests/s");
            Console.WriteLine($"             {c.Cpu.PerOperation(c.Requests, "refused request")}");
            Console.WriteLine($"             → the handler's own share of an ack: ~{(cpu.ProcessMs + (cpu.ServerMs ?? 0)) / Math.Max(1, acked) - (c.Cpu.ProcessMs + (c.Cpu.ServerMs ?? 0)) / c.Requests:0.00} ms CPU");
        }
        Console.WriteLine($"≥ {settings.TargetPerSecond} acks/s, none lost: {(pass ? "PASS" : "FAIL")}");

        if (sql.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"database commands during the measured run (Npgsql trace; ms; {acked:N0} acks):");
            SqlTrace.Print(sql, Classify);
        }

        Console.WriteLine();
        Console.WriteLine("README row:");
        Console.WriteLine("| scenario | load | requests | acks/s | p50 ms | p99 ms | errors | lost / twice | ≥ 500/s | machine | date |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| acks: signed webhooks over HTTP | {settings.Members:N0} members, {settings.Concurrency} senders, {settings.DuplicatePercent}% repeated MessageSids " +
                          $"| {samples.Count:N0} | {acksPerSecond:0} | {LatencySummary.Ms(latency.P50)} | {LatencySummary.Ms(latency.P99)} | {errors.Count} | {lost} / {twice} " +
                          $"| {(pass ? "PASS" : "FAIL")} | {Environment.ProcessorCount} cores, load {MachineInfo.OneMinute(loadAtStart)} → {MachineInfo.OneMinute(loadAtEnd)} " +
                          $"| {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} |");

        if (!complete)
        {
            Console.Error.WriteLine($"FAILED: {errors.Count} errors, {lost} acknowledgements lost, {twice} recorded twice, {stored.AckedRows} acked rows and " +
                                    $"{stored.InboxRows} inbox acknowledgements for {expected} members" +
                                    (calibration is { } k ? $"; calibration: {k.Refused} of {k.Requests} forged requests refused, store {(k.Unchanged ? "unchanged" : "changed")}." : "."));
            return ExitCodes.Failed;
        }
        return pass ? ExitCodes.Met : ExitCodes.TargetMissed;
    }

    /// <summary>The webhook's insert, the inbound processor's batch statements, then what else ran meanwhile.</summary>
    private static string? Classify(string sql) =>
        Has(sql, "insert", "bin_inbound") ? "webhook: store the message (one per request)"
        : sql.Contains("FOR UPDATE SKIP LOCKED", StringComparison.Ordinal) && sql.Contains("bin_inbound", StringComparison.Ordinal) ? "processor 1: claim a batch"
        : sql.Contains("mt_doc_membercontact", StringComparison.Ordinal) ? "processor 2: members by phone"
        : sql.Contains("CROSS JOIN LATERAL", StringComparison.Ordinal) ? "processor 3: latest tips"
        : Has(sql, "select", "mt_doc_alertview") ? "processor 4: alerts (once each)"
        : sql.Contains("mt_quick_append_events", StringComparison.Ordinal) || sql.Contains("mt_append_event", StringComparison.Ordinal) ? "processor 5: append the events"
        : sql.Contains("acked_at = COALESCE", StringComparison.Ordinal) ? "processor 6: mark the outbox"
        : Has(sql, "update", "bin_inbound") ? "processor 7: mark the inbox"
        : Has(sql, "select count(*)", "bin_inbound") ? "harness: pending?"
        : sql.Contains("SET status = 'sending'", StringComparison.Ordinal) ? "sender: claim (woken or polling)"
        : sql.Contains("mt_dotnet_type", StringComparison.Ordinal) && sql.Contains("mt_events", StringComparison.Ordinal) ? "live feed: event tail"
        : "other: " + SqlTrace.Head(sql, 34);

    private static bool Has(string sql, string verb, string table) =>
        sql.StartsWith(verb, StringComparison.OrdinalIgnoreCase) && sql.Contains(table, StringComparison.Ordinal);
}
