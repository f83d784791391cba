using System.Diagnostics;
using System.Globalization;
using System.Net;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Alerts;
using Bin.LoadHarness.Hosting;
using Bin.LoadHarness.Measurement;
using Bin.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.LoadHarness.Scenarios;

/// <summary>
/// screens: what open dashboards cost the server. The same work is done in turns on one dashboard: with no map page
/// open, with N real map pages (headless Chromium, each its own sign-in as a dispatcher, so N Blazor circuits), with
/// none again, and so on for R rounds (<c>--rounds</c>, 3); each round's ratio compares its phase with pages with the
/// two without around it, and the median of the rounds is the figure. Each phase: idle for a while, then K cycles of
/// an incident reported, an alert to Kerkplein, and A members answering "OK" through the signed webhook. With pages open, a cycle ends when every page shows its incident, as a
/// dispatcher's screen shows a report before the next one comes. <c>--pace rate</c> (the default) starts a cycle no
/// sooner than <c>--interval-ms</c> after the last one started, in every phase: incidents come spaced, as in the issue's
/// own measurement (2 a second), and the phases without pages do the same work at the same pace as the one with them.
/// <c>--pace shown</c> spaces only the phase with pages (by the browsers); the phases without run their cycles back to
/// back, hot, and the ratio also measures that difference. <c>--pace burst</c> never waits: the browsers' work on this
/// same machine overlaps the dashboard's. Per phase: PostgreSQL transactions per second while idle, and per incident
/// cycle the dashboard process's CPU time and PostgreSQL rows read and transactions (pg_stat_database of the
/// dashboard's database); with pages open also the server memory per circuit: the managed heap after a full collection
/// and the working set, before and after opening the pages, divided by N (this includes the node-wide state the
/// phase's incidents add), and the managed heap that closing the pages gives back, divided by N (what the circuits
/// themselves held). The browsers are driven from a child process (<see cref="ScreenBrowsers"/>), so this process's CPU
/// and memory are the dashboard's alone.
/// </summary>
internal static class Screens
{
    public static readonly Scenario Scenario = Scenario.Create(
        "screens",
        "cost of open map pages: idle PostgreSQL transactions/s, CPU and rows read per incident, memory per circuit, with 0 and N pages",
        "[--screens 20] [--incidents 24] [--acks 20] [--pace rate|shown|burst] [--interval-ms 500] [--cores shared|split] [--motion full|reduce] [--console blazor|broadcast-probe] [--rounds 3] [--warmup-cycles 8] [--idle-seconds 20] [--settle-seconds 12] [--target-ratio-percent 150] [--target-idle-tps 5]",
        Parse,
        MeasureAsync);

    private static readonly TimeSpan WorkTimeout = TimeSpan.FromSeconds(60);

    private sealed record Settings(int Screens, int Incidents, int Acks, int WarmupCycles, int IdleSeconds, int SettleSeconds, int TargetRatioPercent, int TargetIdleTps,
        Pace Pace, int IntervalMs, bool SplitCores, int Rounds, bool ReducedMotion, bool Probe);

    private enum Pace { Rate, Shown, Burst }

    private static Settings Parse(HarnessArgs args) => new(
        args.Int("screens", 20, 1, 200),
        args.Int("incidents", 24, 1, 1_000),
        args.Int("acks", 20, 0, 5_000),
        args.Int("warmup-cycles", 8, 1, 1_000),
        args.Int("idle-seconds", 20, 2, 3_600),
        args.Int("settle-seconds", 12, 1, 120),
        args.Int("target-ratio-percent", 150, 100, 10_000),
        args.Int("target-idle-tps", 5, 1, 10_000),
        args.Choice("pace", "rate", "rate", "shown", "burst") switch { "shown" => Pace.Shown, "burst" => Pace.Burst, _ => Pace.Rate },
        args.Int("interval-ms", 500, 1, 60_000),
        args.Choice("cores", "shared", "shared", "split") == "split",
        args.Int("rounds", 3, 1, 20),
        args.Choice("motion", "full", "full", "reduce") == "reduce",
        args.Choice("console", "blazor", "blazor", "broadcast-probe") == "broadcast-probe");

    private const int ServerCore = 0, BrowserCore = 1;

    /// <summary>
    /// Every thread of this process (the dashboard and the harness) onto one core; threads made later inherit it. The
    /// runtime still sizes its thread pool and GC for the machine's cores, as a deployed dashboard's would be.
    /// </summary>
    private static async Task PinThisProcessAsync(int core, CancellationToken ct)
    {
        if (Environment.ProcessorCount < 2) throw new InvalidOperationException("--cores split needs at least two cores.");
        // Twice: a thread started while the first pass ran may have been missed.
        for (var pass = 0; pass < 2; pass++)
        {
            using var taskset = Process.Start(new ProcessStartInfo("taskset")
            {
                ArgumentList = { "--all-tasks", "--cpu-list", "--pid", core.ToString(CultureInfo.InvariantCulture), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) },
                RedirectStandardOutput = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("taskset did not start.");
            await taskset.StandardOutput.ReadToEndAsync(ct);
            await taskset.WaitForExitAsync(ct);
            if (taskset.ExitCode != 0) throw new InvalidOperationException($"taskset failed ({taskset.ExitCode}).");
        }
    }

    /// <summary>What one phase measured.</summary>
    private sealed record Phase(int Screens, double IdleTps, double IdleRowsPerSecond, double IdleCpuMsPerSecond,
        double CpuMsPerIncident, double RowsPerIncident, double TransactionsPerIncident, double WindowSeconds,
        double? HeapKbPerScreen, double? WorkingSetKbPerScreen, double? CircuitMessagesPerIncident);

    private static async Task<int> MeasureAsync(Settings settings, CancellationToken ct)
    {
        // The figures are printed for the README: one culture whatever the machine's.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var loadAtStart = Scenario.PrintHeader("screens: what open map pages cost the dashboard and PostgreSQL");
        if (settings.SplitCores) await PinThisProcessAsync(ServerCore, ct);
        await using var browsers = ScreenBrowsers.Start(settings.SplitCores ? BrowserCore : null);

        // The browser signs in over plain HTTP on loopback: no redirect to HTTPS, no Secure-only cookie.
        await using var host = await AlertingHost.StartAsync(new Dictionary<string, string?> { ["Security:EnforceHttps"] = "false" }, ct,
            settings.Probe ? BroadcastProbe.Register : null);
        var members = AlertingHost.Numbers("61", settings.Acks);
        if (members.Count > 0) await host.ImportAsync(NetworkSeed.KerkpleinId, members, ct);
        Console.WriteLine($"  setup      {members.Count} members imported in Kerkplein; each cycle: incident, alert to Kerkplein, {members.Count} \"OK\" answers" +
            settings.Pace switch
            {
                Pace.Burst => "; the next cycle at once (burst)",
                Pace.Shown => "; with pages open, a cycle ends when every page shows its incident; without, the next follows at once",
                _ => $"; a cycle starts {settings.IntervalMs} ms after the last one started, or later if the last one's work or (with pages open) " +
                     "its showing on every page took longer",
            });

        Console.WriteLine(settings.SplitCores
            ? $"  cores      every thread of this process (dashboard, harness) on core {ServerCore}, the browsers on core {BrowserCore}; PostgreSQL on any"
            : "  cores      shared: the dashboard, PostgreSQL and the browsers (at idle priority) on any core");
        if (settings.Probe)
            Console.WriteLine("  console    broadcast probe (an experiment, not the product): each page signs in, then shows a page that draws rows and markers " +
                              "from one server-sent event per change, serialised once per node (Hosting/BroadcastProbe.cs); no Blazor circuit stays open");
        if (settings.ReducedMotion)
            Console.WriteLine("  motion     the pages ask for less motion (prefers-reduced-motion): a new pin does not pulse, so the browsers composite no animation");
        var acknowledged = new AckCounter();
        using var subscription = host.Host.Services.GetRequiredService<LiveFeed>().Subscribe(acknowledged.OnBatch);

        // Warm-up (JIT and its tiering, pools, plans), not measured: with a single warm-up cycle the first phase without
        // pages cost three times the CPU per incident of the last one, and the ratio measured the JIT, not the pages.
        await WarmUpAsync(settings, host, members, acknowledged, null, "without pages", ct);

        // 0 pages, then N pages and 0 again, R rounds: the data grows with every cycle (outbox, events, timeline), so each
        // phase with pages is compared with the mean of the two without that bracket it; the median of the rounds is the
        // figure, as one round's ratio moved by ±0.15 from run to run on this shared machine.
        var phases = new List<Phase>();
        var open = 0;
        var releasedHeapKb = new List<double>();
        foreach (var screens in new[] { 0 }.Concat(Enumerable.Range(0, settings.Rounds).SelectMany(_ => new[] { settings.Screens, 0 })))
        {
            (double Heap, double WorkingSet)? before = null;
            if (screens > 0)
            {
                before = Memory();
                var opened = Clock.Now;
                await browsers.OpenAsync(host.Host.BaseAddress, screens, settings.ReducedMotion, settings.Probe, ct);
                open = screens;
                Console.WriteLine(settings.Probe
                    ? $"  pages      {screens} probe pages signed in as dispatcher, streams open, in {Clock.Ms(opened, Clock.Now) / 1000:0.0} s"
                    : $"  pages      {screens} map pages signed in as dispatcher, circuits up, in {Clock.Ms(opened, Clock.Now) / 1000:0.0} s");
                // The pages' own code paths (rendering, diffing, sending to circuits) warm up too before they are measured.
                await WarmUpAsync(settings, host, members, acknowledged, settings.Pace == Pace.Burst ? null : browsers, $"with {screens} pages", ct);
            }
            else if (open > 0)
            {
                // What the circuits hold is what closing them gives back: node-wide state (the map state, caches) stays.
                var circuits = host.Host.Services.GetRequiredService<CircuitMessages>();
                var withPages = Memory();
                await browsers.CloseAsync(ct);
                await UntilAsync(() => circuits.Open == 0, "every circuit to close", ct);
                releasedHeapKb.Add((withPages.Heap - Memory().Heap) / open / 1024);
                Console.WriteLine($"  pages      closed (left for a blank page first, so each circuit ends at once); managed heap released: {releasedHeapKb[^1]:0} KB per circuit");
                open = 0;
            }
            phases.Add(await MeasurePhaseAsync(settings, host, members, acknowledged, browsers, open, before, ct));
        }

        var loadAtEnd = MachineInfo.LoadAverage();
        Console.WriteLine($"  load avg   {loadAtEnd} (end)");
        return Report(settings, phases, releasedHeapKb, loadAtStart, loadAtEnd);
    }

    /// <summary>Cycles a JIT-settled run needs in a row without compiling a method before the warm-up ends.</summary>
    private const int QuietCycles = 8;

    private const int MaxWarmupCycles = 1_000;

    /// <summary>
    /// At least <c>--warmup-cycles</c> cycles, then more until <see cref="QuietCycles"/> in a row compiled nothing: with
    /// tiered compilation (the runtime's default, as deployed) a method is compiled again, optimised with what its first
    /// calls showed, after some 30 calls and in the background, so a fixed number of cycles left it to land in a phase.
    /// </summary>
    private static async Task WarmUpAsync(Settings settings, AlertingHost host, IReadOnlyList<string> members, AckCounter acknowledged, ScreenBrowsers? shownBy,
        string what, CancellationToken ct)
    {
        var compiledAtStart = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitAtStart = System.Runtime.JitInfo.GetCompilationTime();
        var cycles = 0;
        var quiet = 0;
        while (cycles < settings.WarmupCycles || quiet < QuietCycles)
        {
            if (cycles == MaxWarmupCycles) throw new InvalidOperationException($"The JIT was still compiling after {MaxWarmupCycles} warm-up cycles {what}.");
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await CycleAsync(host, members, acknowledged, shownBy, ct);
            cycles++;
            quiet = System.Runtime.JitInfo.GetCompiledMethodCount() == compiled ? quiet + 1 : 0;
        }
        Console.WriteLine($"  warm-up    {what}: {cycles} cycles, the last {QuietCycles} compiling nothing; " +
            $"{System.Runtime.JitInfo.GetCompiledMethodCount() - compiledAtStart} methods compiled in {(System.Runtime.JitInfo.GetCompilationTime() - jitAtStart).TotalMilliseconds:0} ms");
    }

    private static async Task<Phase> MeasurePhaseAsync(Settings settings, AlertingHost host, IReadOnlyList<string> members, AckCounter acknowledged,
        ScreenBrowsers browsers, int screens, (double Heap, double WorkingSet)? before, CancellationToken ct)
    {
        var connection = host.Host.ConnectionString;
        var cpu = await CpuMeter.ForAsync(connection, ct);
        // Autovacuum would otherwise visit the tables the setup and the last phase wrote at a moment of its choosing, and
        // its reads and transactions would land in one phase's window by chance.
        await VacuumAsync(connection, ct);
        await Task.Delay(TimeSpan.FromSeconds(settings.SettleSeconds), ct);

        double? heapPerScreen = null, workingSetPerScreen = null;
        if (before is { } b && screens > 0)
        {
            var after = Memory();
            heapPerScreen = (after.Heap - b.Heap) / screens / 1024;
            workingSetPerScreen = (after.WorkingSet - b.WorkingSet) / screens / 1024;
        }

        // Idle: nothing is posted; whatever PostgreSQL commits now is background work and open screens.
        var circuitMessages = host.Host.Services.GetRequiredService<CircuitMessages>();
        var idleMessagesStart = circuitMessages.Inbound;
        var idleStart = Clock.Now;
        var pgIdle = await PgActivity.TakeAsync(connection, ct);
        var cpuIdle = cpu.Take();
        await Task.Delay(TimeSpan.FromSeconds(settings.IdleSeconds), ct);
        var pgIdleEnd = await PgActivity.TakeAsync(connection, ct);
        var cpuIdleEnd = cpu.Take();
        var idleSeconds = Clock.Ms(idleStart, Clock.Now) / 1000;
        var idle = pgIdleEnd.Since(pgIdle);
        double? idleMessagesPerMinute = screens > 0 ? (circuitMessages.Inbound - idleMessagesStart) * 60.0 / idleSeconds / screens : null;

        // The work: K cycles, then every page must show the last incident, then a quiet moment for the counters.
        var start = Clock.Now;
        var pgStart = await PgActivity.TakeAsync(connection, ct);
        var cpuStart = cpu.Take();
        var messagesStart = circuitMessages.Inbound;
        var compiledStart = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitStart = System.Runtime.JitInfo.GetCompilationTime();
        var browsersStart = screens > 0 ? browsers.CpuMilliseconds() : null;
        Guid last = default;
        var late = 0;
        for (var i = 0; i < settings.Incidents; i++)
        {
            var cycleStart = Clock.Now;
            last = await CycleAsync(host, members, acknowledged, screens > 0 && settings.Pace != Pace.Burst ? browsers : null, ct);
            if (settings.Pace != Pace.Rate || i == settings.Incidents - 1) continue;
            var rest = settings.IntervalMs - Clock.Ms(cycleStart, Clock.Now);
            if (rest > 0) await Task.Delay(TimeSpan.FromMilliseconds(rest), ct);
            else late++;
        }
        if (screens > 0) await browsers.WaitForIncidentAsync(last, ct);
        await Task.Delay(TimeSpan.FromSeconds(settings.SettleSeconds), ct);
        var pgWork = (await PgActivity.TakeAsync(connection, ct)).Since(pgStart);
        var cpuWork = cpu.Take().Since(cpuStart);
        double? messagesPerIncident = screens > 0 ? (double)(circuitMessages.Inbound - messagesStart) / screens / settings.Incidents : null;
        var window = Clock.Ms(start, Clock.Now) / 1000;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledStart;
        var jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitStart).TotalMilliseconds;
        // What the pages cost the machines they stand in for (the dispatchers'), not the dashboard's: per page and incident.
        double? browserMs = browsersStart is { } b0 && browsers.CpuMilliseconds() is { } b1 ? (b1 - b0) / screens / settings.Incidents : null;

        var phase = new Phase(screens, idle.Transactions / idleSeconds, idle.RowsRead / idleSeconds, cpuIdleEnd.Since(cpuIdle).ProcessMs / idleSeconds,
            cpuWork.ProcessMs / settings.Incidents, (double)pgWork.RowsRead / settings.Incidents, (double)pgWork.Transactions / settings.Incidents,
            window, heapPerScreen, workingSetPerScreen, messagesPerIncident);
        Console.WriteLine((
            $"  {screens,3} pages  idle {phase.IdleTps:0.0} tx/s, {phase.IdleRowsPerSecond:0} rows/s, {phase.IdleCpuMsPerSecond:0.0} ms CPU/s; " +
            $"per incident {phase.CpuMsPerIncident:0.0} ms CPU, {phase.RowsPerIncident:0} rows read, {phase.TransactionsPerIncident:0.0} tx " +
            $"({settings.Incidents} cycles in {window:0.0} s" + (settings.Pace == Pace.Rate ? $", {late} longer than {settings.IntervalMs} ms)" : ")") +
            $"; JIT {compiled} methods, {jitMs:0} ms" +
            (browserMs is { } bm ? $"; browsers {bm:0.0} ms CPU per page and incident" : "") +
            (heapPerScreen is { } h ? $"; per circuit {h:0} KB managed heap, {workingSetPerScreen:0} KB working set" : "") +
            (messagesPerIncident is { } m ? $"; {m:0.0} messages in per circuit and incident, {idleMessagesPerMinute:0.0} per circuit and minute idle" : "")));
        return phase;
    }

    /// <summary>
    /// One incident with its alert and answers; returns when the answers are recorded (seen on the live feed) and, given
    /// <paramref name="shownBy"/>, when every open page shows the incident.
    /// </summary>
    private static async Task<Guid> CycleAsync(AlertingHost host, IReadOnlyList<string> members, AckCounter acknowledged, ScreenBrowsers? shownBy,
        CancellationToken ct)
    {
        var incident = await host.ReportIncidentAsync(ct);
        var handedBefore = host.Gateway.Distinct;
        var alert = await host.IssueAlertAsync(incident, NetworkSeed.KerkpleinId, ct);
        // An "OK" acknowledges a tip that went out: wait until the gateway has all of this alert's messages.
        await UntilAsync(() => host.Gateway.Distinct >= handedBefore + alert.Recipients, "the alert's messages reaching the gateway", ct);
        var expected = acknowledged.Count + members.Count;
        var answers = await Task.WhenAll(members.Select(number => AnswerAsync(host.Anonymous, number, ct)));
        var refused = answers.Count(s => s != HttpStatusCode.OK);
        if (refused > 0) throw new InvalidOperationException($"{refused} of {answers.Length} answers were refused.");
        await UntilAsync(() => acknowledged.Count >= expected, "the answers being recorded", ct);
        if (shownBy is not null) await shownBy.WaitForIncidentAsync(incident, ct);
        return incident;
    }

    private static async Task<HttpStatusCode> AnswerAsync(HttpClient http, string number, CancellationToken ct)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = "AC" + new string('0', 32),
            ["From"] = number,
            ["To"] = AlertingHost.DashboardNumber,
            ["Body"] = "OK",
            ["NumMedia"] = "0",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(AlertingHost.PublicBaseUrl + "/sms/inbound", form, AlertingHost.AuthToken));
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode;
    }

    private static async Task VacuumAsync(string connectionString, CancellationToken ct)
    {
        // Not pooled: the backend ends with the connection and reports its counters (one transaction per table) at once.
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Waits for an in-process condition (no database reads, which would be counted).</summary>
    private static async Task UntilAsync(Func<bool> condition, string what, CancellationToken ct)
    {
        var deadline = Clock.Now + (long)(WorkTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Clock.Now > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(10, ct);
        }
    }

    /// <summary>The managed heap after a full, compacting collection, and the working set, in bytes.</summary>
    private static (double Heap, double WorkingSet) Memory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return (heap, self.WorkingSet64);
    }

    private static int Report(Settings settings, List<Phase> phases, List<double> releasedHeapKb, string loadAtStart, string loadAtEnd)
    {
        var limit = settings.TargetRatioPercent / 100.0;
        // Phases alternate 0, N, 0, N, 0 …: round k's pages are phase 2k+1, bracketed by 2k and 2k+2.
        var rounds = Enumerable.Range(0, (phases.Count - 1) / 2).Select(k =>
        {
            Phase before = phases[2 * k], open = phases[2 * k + 1], after = phases[2 * k + 2];
            return (Cpu: open.CpuMsPerIncident / ((before.CpuMsPerIncident + after.CpuMsPerIncident) / 2),
                Rows: open.RowsPerIncident / ((before.RowsPerIncident + after.RowsPerIncident) / 2));
        }).ToList();
        var cpuRatio = Median(rounds.Select(r => r.Cpu));
        var rowsRatio = Median(rounds.Select(r => r.Rows));
        var idleWithout = phases.Where(p => p.Screens == 0).Max(p => p.IdleTps);
        var idleWith = phases.Where(p => p.Screens > 0).Max(p => p.IdleTps);
        var met = cpuRatio <= limit && rowsRatio <= limit && idleWithout <= settings.TargetIdleTps && idleWith <= settings.TargetIdleTps;
        Console.WriteLine(
            $"  rounds     CPU per incident {string.Join(", ", rounds.Select(r => $"{r.Cpu:0.00}×"))}; rows read per incident {string.Join(", ", rounds.Select(r => $"{r.Rows:0.00}×"))}");
        Console.WriteLine((
            $"  ratio      {settings.Screens} pages / mean of the phases without, median of {rounds.Count} rounds: CPU per incident {cpuRatio:0.00}×, rows read per incident {rowsRatio:0.00}× (target ≤ {limit:0.00}×); " +
            $"idle at most {idleWithout:0.0} and {idleWith:0.0} tx/s (target ≤ {settings.TargetIdleTps}) → {(met ? "MET" : "MISSED")}"));
        Console.WriteLine();
        Console.WriteLine("| pages | idle tx/s | idle rows/s | CPU ms / incident | rows read / incident | tx / incident | KB heap / circuit | KB heap released / circuit | KB working set / circuit | messages in / circuit / incident | load (1 min) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < phases.Count; i++)
        {
            var p = phases[i];
            // Round k's pages are phase 2k+1, and their closing released releasedHeapKb[k].
            double? released = i % 2 == 1 && i / 2 < releasedHeapKb.Count ? releasedHeapKb[i / 2] : null;
            Console.WriteLine((
                $"| {p.Screens} | {p.IdleTps:0.0} | {p.IdleRowsPerSecond:0} | {p.CpuMsPerIncident:0.0} | {p.RowsPerIncident:0} | {p.TransactionsPerIncident:0.0} | " +
                $"{(p.HeapKbPerScreen is { } h ? h.ToString("0", CultureInfo.InvariantCulture) : "–")} | " +
                $"{(released is { } r ? r.ToString("0", CultureInfo.InvariantCulture) : "–")} | " +
                $"{(p.WorkingSetKbPerScreen is { } w ? w.ToString("0", CultureInfo.InvariantCulture) : "–")} | " +
                $"{(p.CircuitMessagesPerIncident is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | " +
                $"{MachineInfo.OneMinute(loadAtStart)} → {MachineInfo.OneMinute(loadAtEnd)} |"));
        }
        return met ? ExitCodes.Met : ExitCodes.TargetMissed;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Acknowledgements recorded, as the live feed of this node announces them (no database reads).</summary>
    private sealed class AckCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task OnBatch(IReadOnlyList<LiveEvent> batch)
        {
            Interlocked.Add(ref _count, batch.Count(e => e.Data is TipAcknowledged));
            return Task.CompletedTask;
        }
    }
}
