using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Replay;
using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Features.Replay.State;
using Bin.DemoData;
using Bin.LoadHarness.Hosting;
using Bin.LoadHarness.Measurement;
using Bin.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bin.LoadHarness.Scenarios;

/// <summary>
/// replay: the demo history generator writes a year for the seven Lommel networks (by default ≥ 20,000 incidents,
/// ≥ 2,000 alerts, ≥ 200,000 acknowledgements) through the domain's decisions; then, on a fresh dashboard over that
/// database (so the live feed has nothing to catch up on), chiefs' requests over HTTP are timed from sending to the last
/// byte read: the history of a month (what the replay page loads), the state as of a moment (a scrub), the
/// evaluation of the year, and the replay's in-memory playback of the month. Targets: month &lt; 1 s, year &lt; 2 s.
/// </summary>
internal static class ReplayHistory
{
    public static readonly Scenario Scenario = Scenario.Create(
        "replay",
        "generate a year of history, then time GET /api/history (a month), /api/history/state (scrubs) and /api/evaluation (the year)",
        "[--days 365] [--incidents-per-day 56] [--joiners 8] [--runs 5] [--month-target-ms 1000] [--year-target-ms 2000]",
        Parse,
        MeasureAsync);

    private sealed record Settings(int Days, int IncidentsPerDay, int Joiners, int Runs, int MonthTargetMs, int YearTargetMs);

    private static Settings Parse(HarnessArgs args) =>
        new Settings(
            args.Int("days", 365, 31, HistoryProfile.MaxDays),
            args.Int("incidents-per-day", 56, 1, 1_000),
            args.Int("joiners", 8, 0, 1_000),
            args.Int("runs", 5, 1, 100),
            args.Int("month-target-ms", 1_000, 1, 600_000),
            args.Int("year-target-ms", 2_000, 1, 600_000));

    private static async Task<int> MeasureAsync(Settings settings, CancellationToken ct)
    {
        Scenario.PrintHeader($"replay: {settings.Days} days of generated history, then a month's replay and the year's evaluation over HTTP");

        var now = DateTimeOffset.UtcNow;
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var profile = new HistoryProfile(settings.Days, end, settings.IncidentsPerDay, settings.Joiners);
        string connectionString;
        DemoHistoryRun run;
        await using (var generating = await KestrelDashboard.StartAsync(null, ct))
        {
            connectionString = generating.ConnectionString;
            var started = Clock.Now;
            run = (await ActivatorUtilities.CreateInstance<HistoryGenerator>(generating.Services).GenerateAsync(profile, ct)).Run;
            Console.WriteLine($"  generated  {run.From:yyyy-MM-dd} – {run.To:yyyy-MM-dd}: {run.Incidents:N0} incidents, {run.Alerts:N0} alerts, " +
                              $"{run.Acknowledgements:N0} acknowledgements, {run.Replies:N0} replies, {run.Reminders:N0} reminders, {run.FeedbackSent:N0} feedback, " +
                              $"{run.Messages:N0} SMS, {run.Joiners:N0} new members; {run.Events:N0} events in {Clock.Ms(started, Clock.Now) / 1000:0.0} s (not measured)");
        }
        var enough = run is { Incidents: >= 20_000, Alerts: >= 2_000, Acknowledgements: >= 200_000 };
        if (!enough)
            Console.WriteLine("  note       fewer than 20,000 incidents / 2,000 alerts / 200,000 acknowledgements: the issue's volume is not reached");
        await AnalyzeAsync(connectionString, ct);
        Console.WriteLine($"  sizes      {await SizesAsync(connectionString, ct)}");

        // A fresh dashboard on the same database: its live feed starts at the end of the log.
        await using var host = new KestrelDashboard(connectionString, null, null);
        host.UseKestrel(0);
        host.StartServer();
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        var token = await client.PostAsJsonAsync("/api/auth/token", new { username = "chief", password = KestrelDashboard.Password }, ct);
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString());

        var month = new Period(end.AddDays(-30), end);
        var year = new Period(end.AddDays(-Math.Min(365, settings.Days)), end);
        string Query(Period p) => $"from={Uri.EscapeDataString(p.From.ToString("O"))}&to={Uri.EscapeDataString(p.To.ToString("O"))}";
        Console.WriteLine($"  load avg   {MachineInfo.LoadAverage()} (before measuring); each request once to warm up, then {settings.Runs} timed");

        var history = await TimeAsync(client, $"/api/history?{Query(month)}", settings.Runs, ct);
        var page = JsonSerializer.Deserialize<HistoryPage>(history.Body, HistoryJson.Options)!;
        Console.WriteLine($"  month      GET /api/history (30 days)       {history.Summary}   {page.Count:N0} entries " +
                          $"({page.Items.Count(i => i.Type == "acknowledgements"):N0} of them acknowledgement minutes summing " +
                          $"{page.Items.Where(i => i.Type == "acknowledgements").Sum(i => i.Count ?? 0):N0}), {history.Body.Length / 1024.0 / 1024.0:0.0} MB JSON");

        var random = new Random(5371);
        var moments = Enumerable.Range(0, settings.Runs * 4).Select(_ => year.From + (year.To - year.From) * random.NextDouble()).ToList();
        var scrubs = new List<double>();
        foreach (var at in moments.Prepend(year.To.AddHours(-1)))
        {
            var timed = await TimeAsync(client, $"/api/history/state?at={Uri.EscapeDataString(at.ToString("O"))}", 1, ct, warmUp: false);
            scrubs.Add(timed.Times[0]);
        }
        Console.WriteLine($"  scrub      GET /api/history/state (random moments of the year) {LatencySummary.Of(scrubs.Skip(1))}");

        var evaluation = await TimeAsync(client, $"/api/evaluation?{Query(year)}", settings.Runs, ct);
        Console.WriteLine($"  year       GET /api/evaluation ({year.Length.TotalDays:0} days)   {evaluation.Summary}");

        // The replay page plays a month from the state at its start: the whole month through the fold.
        var states = host.Services.GetRequiredService<StateQuery>();
        var watch = Stopwatch.StartNew();
        var playing = ReplayState.From(await states.AtAsync(month.From, HistoryFilter.None, ct), states.AlertWindow);
        var loaded = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        foreach (var item in page.Items) playing.Apply(item);
        playing.AdvanceTo(month.To);
        var folded = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  playback   state at the month's start {loaded:0.0} ms; all {page.Count:N0} entries folded in {folded:0.0} ms " +
                          $"({1000 * folded / Math.Max(1, page.Count):0.0} µs each; a 200 ms tick at 10,000× covers ~33 min, ~{page.Count / (30.0 * 24 * 60 / 33):0} entries)");
        Console.WriteLine($"  load avg   {MachineInfo.LoadAverage()} (end)");

        var monthMet = history.Median <= settings.MonthTargetMs;
        var yearMet = evaluation.Median <= settings.YearTargetMs;
        Console.WriteLine();
        Console.WriteLine($"month < {settings.MonthTargetMs} ms: {(monthMet ? "PASS" : "FAIL")} (median {LatencySummary.Ms(history.Median)} ms); " +
                          $"year < {settings.YearTargetMs} ms: {(yearMet ? "PASS" : "FAIL")} (median {LatencySummary.Ms(evaluation.Median)} ms)");
        Console.WriteLine("README row:");
        Console.WriteLine($"| replay: a month of history / the year's evaluation, with {run.Incidents:N0} incidents, {run.Alerts:N0} alerts, {run.Acknowledgements:N0} acks | " +
                          $"`dotnet run -c Release --project bench/Bin.LoadHarness -- replay` | month {LatencySummary.Ms(history.Median)} ms (max {LatencySummary.Ms(history.Times.Max())}), " +
                          $"scrub p50 {LatencySummary.Ms(LatencySummary.Of(scrubs.Skip(1)).P50)} ms, year {LatencySummary.Ms(evaluation.Median)} ms (max {LatencySummary.Ms(evaluation.Times.Max())}); " +
                          $"load avg {MachineInfo.OneMinute(MachineInfo.LoadAverage())} |");
        return monthMet && yearMet && enough ? ExitCodes.Met : ExitCodes.TargetMissed;
    }

    private sealed record Timed(List<double> Times, string Body)
    {
        public double Median => LatencySummary.Of(Times).P50;

        public string Summary => $"median {LatencySummary.Ms(Median)} ms, min {LatencySummary.Ms(Times.Min())}, max {LatencySummary.Ms(Times.Max())} ({Times.Count} runs)";
    }

    /// <summary>From sending the request to the last byte of the body.</summary>
    private static async Task<Timed> TimeAsync(HttpClient client, string url, int runs, CancellationToken ct, bool warmUp = true)
    {
        var times = new List<double>();
        var body = "";
        for (var i = warmUp ? -1 : 0; i < runs; i++)
        {
            var started = Clock.Now;
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            body = await response.Content.ReadAsStringAsync(ct);
            var ms = Clock.Ms(started, Clock.Now);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body}");
            if (i >= 0) times.Add(ms);
        }
        return new Timed(times, body);
    }

    /// <summary>Statistics and visibility maps after the bulk write, as autovacuum gives them a while after it.</summary>
    private static async Task AnalyzeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string> SizesAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM bin.bin_timeline), pg_size_pretty(pg_total_relation_size('bin.bin_timeline')),
                   (SELECT count(*) FROM bin.mt_events), pg_size_pretty(pg_total_relation_size('bin.mt_events')),
                   (SELECT count(*) FROM bin.bin_outbox), pg_size_pretty(pg_total_relation_size('bin.bin_outbox'))
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return string.Create(CultureInfo.InvariantCulture,
            $"timeline {reader.GetInt64(0):N0} rows ({reader.GetString(1)}), events {reader.GetInt64(2):N0} ({reader.GetString(3)}), outbox {reader.GetInt64(4):N0} ({reader.GetString(5)})");
    }
}
