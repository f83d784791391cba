using System.Diagnostics;
using System.Text;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Operations;

/// <summary>
/// The built dashboard as a child process on its own PostgreSQL, stopped with SIGTERM as a service manager or
/// `docker stop` (10 s grace) would: it must be gone well within 10 s, also when the database went away first.
/// </summary>
public class ShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static async Task<(Process Process, StringBuilder Output, int Port)> StartDashboardAsync(OwnCluster cluster)
    {
        var port = ChildProcesses.FreePort();
        var dll = ChildProcesses.DashboardDll;
        var (process, output) = ChildProcesses.Start("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], Path.GetDirectoryName(dll)!,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Bin"] = cluster.ConnectionString("bin"),
                ["Seed__HistoryDays"] = "0",
                ["Map__TileUrl"] = "",
                ["Logging__LogLevel__Default"] = "Warning",
            });
        await ChildProcesses.WaitUntilOkAsync($"http://127.0.0.1:{port}/health/ready", process, output, TimeSpan.FromSeconds(90));
        return (process, output, port);
    }

    [Fact]
    public async Task Sigterm_stops_the_dashboard_within_ten_seconds()
    {
        using var cluster = await OwnCluster.StartAsync();
        var (process, output, _) = await StartDashboardAsync(cluster);
        using var _p = process;

        ChildProcesses.Signal(process.Id, ChildProcesses.SigTerm);
        var took = await ChildProcesses.TimeExitAsync(process, Bound + TimeSpan.FromSeconds(20));

        Assert.True(process.HasExited, $"Still running {took} after SIGTERM:\n{ChildProcesses.Output(output)}");
        Assert.True(took < Bound, $"Took {took} to stop:\n{ChildProcesses.Output(output)}");
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Sigterm_stops_the_dashboard_within_ten_seconds_when_postgres_went_away_first()
    {
        using var cluster = await OwnCluster.StartAsync();
        var (process, output, port) = await StartDashboardAsync(cluster);
        using var _p = process;

        cluster.StopImmediately();
        // Readiness notices the database is gone: the background services are then in their failure paths.
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            await Eventually.HoldsAsync(async () => !(await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(20), "Readiness never noticed PostgreSQL was gone");
        }

        ChildProcesses.Signal(process.Id, ChildProcesses.SigTerm);
        var took = await ChildProcesses.TimeExitAsync(process, Bound + TimeSpan.FromSeconds(20));

        Assert.True(process.HasExited, $"Still running {took} after SIGTERM without PostgreSQL:\n{ChildProcesses.Output(output)}");
        Assert.True(took < Bound, $"Took {took} to stop without PostgreSQL:\n{ChildProcesses.Output(output)}");
    }
}
