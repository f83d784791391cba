using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Bin.LoadHarness.Measurement;

/// <summary>
/// CPU time spent by this process (dashboard and clients) and by the PostgreSQL server, read from /proc. On a shared
/// machine wall-clock throughput says as much about the neighbours as about the code; CPU time per operation does
/// not, and gives what two otherwise idle cores could do. The server's share is its postmaster, its live backends and
/// the backends that have exited (accounted to the postmaster as reaped children). With BIN_TEST_POSTGRES pointing at
/// a shared server, other databases' work is counted too.
/// </summary>
internal sealed class CpuMeter
{
    private static readonly double TicksPerSecond = ClockTicks();
    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    /// <summary>Finds the server's postmaster through <c>pg_read_file('postmaster.pid')</c> (superuser, same machine).</summary>
    public static async Task<CpuMeter> ForAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT split_part(pg_read_file('postmaster.pid'), E'\\n', 1)", connection);
            var pid = int.Parse((string)(await command.ExecuteScalarAsync(ct))!, CultureInfo.InvariantCulture);
            return new CpuMeter(File.Exists($"/proc/{pid}/stat") ? pid : null);
        }
        catch (Exception ex) when (ex is PostgresException or FormatException or IOException)
        {
            return new CpuMeter(null);
        }
    }

    public CpuSample Take() => new(Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, ServerMilliseconds());

    /// <summary>The postmaster, its live backends and those that exited (reaped into the postmaster's cutime, cstime).</summary>
    private double? ServerMilliseconds() => _postmaster is { } postmaster ? TreeMilliseconds(postmaster) : null;

    /// <summary>
    /// CPU time of a process and all its descendants, the exited ones that were reaped included (cutime, cstime): e.g. the
    /// browsers' child process with its Playwright driver and Chromium's processes. Null when /proc cannot tell.
    /// </summary>
    public static double? TreeMilliseconds(int root)
    {
        if (TicksPerSecond <= 0) return null;
        var parents = new Dictionary<int, (int Parent, double Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = Fields(pid);
                parents[pid] = ((int)stat[1], stat[11] + stat[12] + stat[13] + stat[14]);
            }
            catch (IOException) { /* exited meanwhile: now in its parent's cutime */ }
            catch (UnauthorizedAccessException) { }
        }
        if (!parents.ContainsKey(root)) return null;
        double ticks = 0;
        foreach (var (pid, (_, own)) in parents)
        {
            // A descendant when its chain of parents reaches the root.
            for (var p = pid; parents.TryGetValue(p, out var entry); p = entry.Parent)
                if (p == root)
                {
                    ticks += own;
                    break;
                }
        }
        return ticks * 1000 / TicksPerSecond;
    }

    /// <summary>The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, …, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static double[] Fields(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var fields = new double[15];
        for (var i = 1; i < 15; i++) fields[i] = double.Parse(rest[i], CultureInfo.InvariantCulture);
        return fields;
    }

    private static double ClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true });
            var text = getconf!.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or FormatException or InvalidOperationException)
        {
            return 100; // the Linux default
        }
    }
}

/// <summary>CPU milliseconds so far: this process, and the PostgreSQL server (null when it cannot be read).</summary>
internal readonly record struct CpuSample(double ProcessMs, double? ServerMs)
{
    public CpuSample Since(CpuSample before) => new(ProcessMs - before.ProcessMs, ServerMs - before.ServerMs);

    public string PerOperation(int operations, string unit)
    {
        var server = ServerMs is { } s ? $" + PostgreSQL {s / operations:0.00}" : " (PostgreSQL: not readable)";
        var total = ProcessMs + (ServerMs ?? 0);
        return $"CPU per {unit}: this process (server and clients) {ProcessMs / operations:0.00} ms{server} = {total / operations:0.00} ms; " +
               $"if CPU were the only limit, {Environment.ProcessorCount} idle cores would do ~{Environment.ProcessorCount * 1000 * operations / total:0}/s";
    }
}
