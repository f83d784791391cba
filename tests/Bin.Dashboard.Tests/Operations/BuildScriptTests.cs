using System.Diagnostics;
using System.Text;
using Bin.Testing;
using Npgsql;

namespace Bin.Dashboard.Tests.Operations;

/// <summary>
/// <c>./build.sh run</c> as a user and a service manager meet it: killed outright (its PostgreSQL survives), run again
/// (reuses it), stopped with SIGTERM to its process group (dashboard first, then PostgreSQL), and started after a crash
/// left a lock file naming a process that is not PostgreSQL. Each run has its own data folder and ports, and uses the
/// build the tests run on (<c>BIN_NO_BUILD</c>).
/// </summary>
public sealed class BuildScriptTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"bin-script-{Guid.NewGuid():N}"[..22]);
    private readonly int _pgPort = ChildProcesses.FreePort();
    private readonly int _httpPort = ChildProcesses.FreePort();

    private string Ready => $"http://127.0.0.1:{_httpPort}/health/ready";

    /// <summary>The script in a session of its own (setsid), so its process group can be signalled as a whole.</summary>
    private async Task<(Process Process, StringBuilder Output)> RunAsync()
    {
        var (process, output) = ChildProcesses.Start("setsid", ["./build.sh", "run"], ChildProcesses.RepositoryRoot, new Dictionary<string, string?>
        {
            ["BIN_DATA_DIR"] = _data,
            ["BIN_PG_PORT"] = _pgPort.ToString(),
            ["BIN_HTTP_PORT"] = _httpPort.ToString(),
            ["BIN_NO_BUILD"] = "1",
            // The script's own cluster, whatever the environment of the test run says.
            ["BIN_POSTGRES"] = null,
            ["Seed__HistoryDays"] = "0",
            ["Map__TileUrl"] = "",
        });
        await ChildProcesses.WaitUntilOkAsync(Ready, process, output, TimeSpan.FromSeconds(120));
        return (process, output);
    }

    private async Task<bool> PostgresAnswersAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={_pgPort};Database=bin;Username=postgres;Timeout=3;Pooling=false");
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static async Task StopGroupAsync(Process process, int signal)
    {
        ChildProcesses.Signal(-process.Id, signal);
        await ChildProcesses.TimeExitAsync(process, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_killed_run_leaves_postgres_which_the_next_run_reuses_and_sigterm_stops_the_dashboard_before_postgres()
    {
        var (first, _) = await RunAsync();
        using (first)
            await StopGroupAsync(first, ChildProcesses.SigKill);
        Assert.True(await PostgresAnswersAsync(), "kill -9 of the script's group should leave its PostgreSQL running (pg_ctl detaches it)");

        var (second, output) = await RunAsync();
        using var _ = second;
        var watch = Stopwatch.StartNew();
        ChildProcesses.Signal(-second.Id, ChildProcesses.SigTerm);
        await ChildProcesses.TimeExitAsync(second, TimeSpan.FromSeconds(30));
        var log = ChildProcesses.Output(output);

        Assert.True(second.HasExited, "The script did not exit within 30 s of SIGTERM:\n" + log);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"The script took {watch.Elapsed} to stop:\n{log}");
        Assert.Contains("Reusing PostgreSQL left running by an earlier run", log);
        var dashboardStopped = log.IndexOf("Dashboard stopped", StringComparison.Ordinal);
        var postgresStopping = log.IndexOf("Stopping PostgreSQL", StringComparison.Ordinal);
        Assert.True(dashboardStopped >= 0 && postgresStopping > dashboardStopped, "The dashboard must be stopped before PostgreSQL:\n" + log);
        Assert.DoesNotContain("failed a round", log);
        Assert.DoesNotContain("Recording received SMS failed", log);
        Assert.False(await PostgresAnswersAsync(), "PostgreSQL should be stopped with the script");
    }

    [Fact]
    public async Task A_lock_file_left_by_a_crash_naming_another_process_does_not_stop_the_next_run()
    {
        var (first, _) = await RunAsync();
        using (first)
            await StopGroupAsync(first, ChildProcesses.SigTerm);
        // A crash: the lock file stays, and after a reboot its PID belongs to some other process (here: this test).
        var pidFile = Path.Combine(_data, "postgres", "data", "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, $"{Environment.ProcessId}\n{_data}/postgres/data\n1\n{_pgPort}\n");

        var (second, output) = await RunAsync();
        using var _ = second;
        Assert.Contains("Removing the stale lock file", ChildProcesses.Output(output));
        Assert.True(await PostgresAnswersAsync());
        await StopGroupAsync(second, ChildProcesses.SigTerm);
        Assert.True(second.HasExited);
    }

    public void Dispose()
    {
        // Whatever a failed test left: the cluster of this data folder, then the folder.
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).FirstOrDefault(File.Exists);
        var data = Path.Combine(_data, "postgres", "data");
        if (pgCtl is not null && File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            var root = Environment.UserName == "root";
            var info = root ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, "-D", data, "-m", "immediate", "stop"]) : new ProcessStartInfo(pgCtl, ["-D", data, "-m", "immediate", "stop"]);
            info.RedirectStandardError = info.RedirectStandardOutput = true;
            using var process = Process.Start(info);
            process?.WaitForExit(10_000);
        }
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
