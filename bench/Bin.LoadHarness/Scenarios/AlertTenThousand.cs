using System.Globalization;
using Bin.LoadHarness.Hosting;
using Bin.LoadHarness.Measurement;
using Bin.Testing;
using Npgsql;

namespace Bin.LoadHarness.Scenarios;

/// <summary>
/// alert-10k: an officer alerts a network of 10,000 active members. Timed from just before the POST: (a) the 202,
/// by which the AlertIssued event and all 10,000 outbox rows are committed (the row count is checked right after);
/// (b) the last message handed to an instantly accepting gateway, and all 10,000 recorded as sent. Every message
/// must reach the gateway exactly once. Several runs in one process (same network, a new alert each time).
/// </summary>
internal static class AlertTenThousand
{
    public static readonly Scenario Scenario = Scenario.Create(
        "alert-10k",
        "alert to a 10,000-member network → 202 (all outbox rows persisted) → all handed to an instant gateway and recorded sent",
        "[--members 10000] [--runs 3] [--target-ms 5000] [--batch-size 0] [--parallelism 0] [--trace 1] [--timeout-seconds 120]  (0 = the dashboard's setting)",
        Parse,
        MeasureAsync);

    /// <summary>Servaesdreef: 150 demo members (a few opted out), topped up to the number asked for.</summary>
    private static readonly Guid Network = Guid.Parse("0b5e3f2a-5371-4c01-9a01-000000000003");

    /// <summary>Parelstrand (45 demo members): the warm-up alert goes there, so JIT and pools are warm.</summary>
    private static readonly Guid WarmupNetwork = Guid.Parse("0b5e3f2a-5371-4c01-9a01-000000000007");

    private sealed record Settings(int Members, int Runs, int TargetMs, int BatchSize, int Parallelism, bool Trace, int TimeoutSeconds);

    private sealed record Run(int Number, IssuedAlert Alert, int RowsAt202, double AcceptedMs, double HandedOverMs, double RecordedMs,
        int Handed, int Repeats, int NeverHanded, int Unexpected, int Sent, CpuSample Cpu, string LoadAtStart, string LoadAtEnd, IReadOnlyList<SqlCall> Sql)
    {
        public bool Complete(int members) =>
            RowsAt202 == members && Alert.Recipients == members && Handed == members && Repeats == 0 && NeverHanded == 0 && Unexpected == 0 && Sent == members;
    }

    private static Settings Parse(HarnessArgs args) =>
        new Settings(
            args.Int("members", 10_000, 1, 100_000),
            args.Int("runs", 3, 1, 20),
            args.Int("target-ms", 5_000, 1, 600_000),
            args.Int("batch-size", 0, 0, 5_000),
            args.Int("parallelism", 0, 0, 256),
            args.Int("trace", 1, 0, 1) == 1,
            args.Int("timeout-seconds", 120, 1, 3_600));

    private static async Task<int> MeasureAsync(Settings settings, CancellationToken ct)
    {
        Scenario.PrintHeader($"alert-10k: alert to a network of {settings.Members:N0} active members → 202 → all handed to an instant gateway");

        var extra = new Dictionary<string, string?>();
        if (settings.BatchSize > 0) extra["Alerts:SendBatchSize"] = settings.BatchSize.ToString(CultureInfo.InvariantCulture);
        if (settings.Parallelism > 0) extra["Alerts:SendParallelism"] = settings.Parallelism.ToString(CultureInfo.InvariantCulture);
        using var trace = settings.Trace ? new SqlTrace() : null;
        await using var host = await AlertingHost.StartAsync(extra, ct);

        var started = Clock.Now;
        var imported = await host.FillNetworkAsync(Network, settings.Members, "70", ct);
        Console.WriteLine($"  members    {settings.Members:N0} active in Servaesdreef ({settings.Members - imported.Count} demo + {imported.Count:N0} " +
                          $"by CSV import in files of 2,000) in {Clock.Ms(started, Clock.Now) / 1000:0.0} s (not measured)");

        var incident = await host.ReportIncidentAsync(ct);
        var warmup = await host.IssueAlertAsync(incident, WarmupNetwork, ct);
        if (!await host.WaitUntilSentAsync(warmup.AlertId, warmup.Recipients, TimeSpan.FromSeconds(settings.TimeoutSeconds), ct))
        {
            Console.Error.WriteLine($"The warm-up alert ({warmup.Recipients} recipients) was not all sent in {settings.TimeoutSeconds} s.");
            return ExitCodes.Failed;
        }
        Console.WriteLine($"  warm-up    one alert to Parelstrand ({warmup.Recipients} recipients) sent; then {settings.Runs} measured run(s)" +
                          (trace is null ? "" : "; Npgsql commands traced (--trace 0 to switch off)"));

        var cpu = await CpuMeter.ForAsync(TestPostgres.AdminConnectionString, ct);
        var runs = new List<Run>();
        for (var i = 1; i <= settings.Runs; i++)
        {
            var run = await MeasureOneAsync(host, incident, i, settings, trace, cpu, ct);
            runs.Add(run);
            Print(run, settings);
            if (!run.Complete(settings.Members)) break; // a lost or repeated message: no point in more runs
        }
        return Report(runs, settings, host.Alerts);
    }

    private static async Task<Run> MeasureOneAsync(AlertingHost host, Guid incident, int number, Settings settings, SqlTrace? trace, CpuMeter cpu,
        CancellationToken ct)
    {
        var loadAtStart = MachineInfo.LoadAverage();
        await Task.Delay(500, ct); // let the previous run's tail (live feed, progress) settle
        trace?.Drain();
        if (trace is not null) trace.Recording = true;
        var handedBefore = host.Gateway.Distinct;
        var cpuBefore = cpu.Take();

        var alert = await host.IssueAlertAsync(incident, Network, ct);
        var rowsAt202 = await CountRowsAsync(host, alert.AlertId, ct);

        // (b1) the gateway's own count, in memory: no database polling while the sender works.
        var deadline = alert.SentAt + settings.TimeoutSeconds * System.Diagnostics.Stopwatch.Frequency;
        while (host.Gateway.Distinct - handedBefore < alert.Recipients && Clock.Now < deadline)
            await Task.Delay(1, ct);
        // (b2) recorded as sent: the outbox's progress query, as the dashboard shows it.
        var sent = 0;
        long recordedAt = 0;
        while (Clock.Now < deadline)
        {
            sent = (await host.Progress.PerNetworkAsync([alert.AlertId], ct)).Sum(p => p.Sent);
            if (sent >= alert.Recipients)
            {
                recordedAt = Clock.Now;
                break;
            }
            await Task.Delay(5, ct);
        }
        var cpuUsed = cpu.Take().Since(cpuBefore);
        if (trace is not null) trace.Recording = false;

        // Exactly once: every outbox row of this alert reached the gateway once, and the gateway saw nothing else new.
        var ids = await MessageIdsAsync(host, alert.AlertId, ct);
        int handed = 0, repeats = 0, never = 0;
        long lastHandover = 0;
        foreach (var id in ids)
        {
            if (host.Gateway.Of(id) is not { } h) { never++; continue; }
            handed++;
            if (h.Count > 1) repeats++;
            lastHandover = Math.Max(lastHandover, h.FirstAt);
        }
        // Anything else the gateway got meanwhile would be a message of another alert sent again.
        var unexpected = host.Gateway.Distinct - handedBefore - handed;

        return new Run(number, alert, rowsAt202, Clock.Ms(alert.SentAt, alert.AnsweredAt),
            lastHandover == 0 ? double.NaN : Clock.Ms(alert.SentAt, lastHandover),
            recordedAt == 0 ? double.NaN : Clock.Ms(alert.SentAt, recordedAt),
            handed, repeats, never, unexpected, sent, cpuUsed, loadAtStart, MachineInfo.LoadAverage(), trace?.Drain() ?? []);
    }

    private static void Print(Run run, Settings settings)
    {
        Console.WriteLine();
        Console.WriteLine($"run {run.Number}   load avg {run.LoadAtStart} → {run.LoadAtEnd}");
        Console.WriteLine($"  (a) 202 Accepted          {LatencySummary.Ms(run.AcceptedMs),9} ms   recipients {run.Alert.Recipients:N0}, outbox rows committed {run.RowsAt202:N0}");
        Console.WriteLine($"  (b) all handed to gateway {LatencySummary.Ms(run.HandedOverMs),9} ms   {run.Handed:N0} messages, {run.Repeats} handed more than once, {run.NeverHanded} never, {run.Unexpected} not of this alert");
        Console.WriteLine($"      all recorded as sent  {LatencySummary.Ms(run.RecordedMs),9} ms   {run.Sent:N0} sent (outbox progress, polled every 5 ms)");
        Console.WriteLine($"  cpu from POST to all recorded: this process {run.Cpu.ProcessMs:0} ms, PostgreSQL {(run.Cpu.ServerMs is { } s ? $"{s:0} ms" : "not readable")} " +
                          $"(includes the 5 ms progress polls)");
        Console.WriteLine($"  handed over within {settings.TargetMs} ms: {(run.Complete(settings.Members) && run.HandedOverMs <= settings.TargetMs ? "PASS" : "FAIL")}");
        if (run.Sql.Count > 0) PrintSql(run);
    }

    /// <summary>Where the database time went during the run: the request's statements, then the sender's rounds.</summary>
    private static void PrintSql(Run run)
    {
        Console.WriteLine("  database commands during the run (Npgsql trace; ms):");
        SqlTrace.Print(run.Sql, Classify, "    ");
        var claims = run.Sql.Where(c => Classify(c.Statement) == Claim).ToList();
        var records = run.Sql.Where(c => Classify(c.Statement) == Record).OrderBy(c => c.EndedAt).ToList();
        if (records.Count == 0) return;
        // A round is claim → hand-over (Parallel.ForEachAsync over the gateway) → record; the hand-over is the gap
        // between a claim's end and the next record's start.
        var handover = new List<double>();
        foreach (var r in records)
        {
            var start = r.EndedAt - (long)(r.Milliseconds / 1000 * System.Diagnostics.Stopwatch.Frequency);
            var claim = claims.Where(c => c.EndedAt <= start).MaxBy(c => c.EndedAt);
            if (claim.EndedAt > 0) handover.Add(Clock.Ms(claim.EndedAt, start));
        }
        var firstClaimStart = claims.Count == 0 ? 0 : claims.Min(c => c.EndedAt - (long)(c.Milliseconds / 1000 * System.Diagnostics.Stopwatch.Frequency));
        var lastRecord = records[^1].EndedAt;
        var rounds = records.Count;
        var wall = firstClaimStart == 0 ? double.NaN : Clock.Ms(firstClaimStart, lastRecord);
        var busyClaims = claims.Where(c => c.EndedAt <= lastRecord).Sum(c => c.Milliseconds);
        Console.WriteLine($"  sender: {rounds} rounds in {LatencySummary.Ms(wall)} ms from first claim to last record: claims {LatencySummary.Ms(busyClaims)} ms, " +
                          $"hand-over to the gateway {LatencySummary.Ms(handover.Sum())} ms (p50 {LatencySummary.Ms(LatencySummary.Of(handover).P50)} per round), " +
                          $"records {LatencySummary.Ms(records.Sum(c => c.Milliseconds))} ms, the rest (loop, connections) {LatencySummary.Ms(wall - busyClaims - handover.Sum() - records.Sum(c => c.Milliseconds))} ms");
    }

    private const string Claim = "sender: claim batch (UPDATE … SKIP LOCKED)";
    private const string Record = "sender: record sends (UPDATE … unnest)";

    private static string? Classify(string sql) =>
        sql.Contains("SET status = 'sending'", StringComparison.Ordinal) ? Claim
        : sql.Contains("FROM unnest(@ids", StringComparison.Ordinal) ? Record
        : sql.StartsWith("COPY", StringComparison.OrdinalIgnoreCase) ? "issue: outbox rows by COPY"
        : sql.Contains("first_network", StringComparison.Ordinal) ? "issue: active recipients"
        : sql.Contains("count(*) FILTER", StringComparison.Ordinal) ? "harness: progress poll"
        : sql.Contains("status = 'sending' AND claimed_at <", StringComparison.Ordinal) ? "sender: in-doubt check"
        : sql.Contains("count(*)", StringComparison.Ordinal) && sql.Contains("bin_outbox", StringComparison.Ordinal) ? "harness: row count"
        : "other: " + SqlTrace.Head(sql, 34);

    private static int Report(List<Run> runs, Settings settings, Bin.Dashboard.Features.Alerts.AlertOptions alerts)
    {
        var complete = runs.All(r => r.Complete(settings.Members)) && runs.Count == settings.Runs;
        var pass = complete && runs.All(r => r.HandedOverMs <= settings.TargetMs);
        Console.WriteLine();
        Console.WriteLine($"handed over within {settings.TargetMs} ms in every run: {(pass ? "PASS" : "FAIL")}");
        Console.WriteLine();
        Console.WriteLine("README rows:");
        Console.WriteLine("| scenario | run | 202 (rows persisted) ms | all handed to gateway ms | all recorded sent ms | exactly once | ≤ 5 s | machine | date |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
            Console.WriteLine($"| alert-10k: {settings.Members:N0} members, batch {alerts.SendBatchSize}, parallelism {alerts.SendParallelism} | {r.Number} | {LatencySummary.Ms(r.AcceptedMs)} ({r.RowsAt202:N0}) | {LatencySummary.Ms(r.HandedOverMs)} " +
                              $"| {LatencySummary.Ms(r.RecordedMs)} | {(r.Complete(settings.Members) ? "yes" : "NO")} | {(r.Complete(settings.Members) && r.HandedOverMs <= settings.TargetMs ? "PASS" : "FAIL")} " +
                              $"| {Environment.ProcessorCount} cores, load {MachineInfo.OneMinute(r.LoadAtStart)} → {MachineInfo.OneMinute(r.LoadAtEnd)} | {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} |");

        if (!complete)
        {
            Console.Error.WriteLine("FAILED: a message was lost, repeated or not recorded (see the runs above).");
            return ExitCodes.Failed;
        }
        return pass ? ExitCodes.Met : ExitCodes.TargetMissed;
    }

    private static async Task<int> CountRowsAsync(AlertingHost host, Guid alertId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(host.Host.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {host.OutboxTable} WHERE alert_id = @alert", connection);
        command.Parameters.AddWithValue("alert", alertId);
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<Guid>> MessageIdsAsync(AlertingHost host, Guid alertId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(host.Host.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT message_id FROM {host.OutboxTable} WHERE alert_id = @alert", connection);
        command.Parameters.AddWithValue("alert", alertId);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
