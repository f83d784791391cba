using System.Text.Json;
using Bin.Dashboard.Tests.Alerts;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Operations;

/// <summary><c>./build.sh backup</c> of a database in use, <c>./build.sh restore</c> into a fresh one, and a node on the
/// restored database shows the same history, incidents and members.</summary>
public class BackupRoundTripTests
{
    private static async Task RunScriptAsync(string command, string file, string connectionString)
    {
        var (process, output) = ChildProcesses.Start(Path.Combine(ChildProcesses.RepositoryRoot, "build.sh"), [command, file], ChildProcesses.RepositoryRoot,
            new Dictionary<string, string?> { ["BIN_POSTGRES"] = connectionString });
        using var _ = process;
        await ChildProcesses.TimeExitAsync(process, TimeSpan.FromMinutes(2));
        Assert.True(process.HasExited && process.ExitCode == 0, $"./build.sh {command} failed:\n{ChildProcesses.Output(output)}");
    }

    private static async Task<(string History, string Incidents, string Members)> ReadAsync(BinAppFactory app, DateTimeOffset from, DateTimeOffset to)
    {
        var chief = await app.ClientForAsync("chief");
        var admin = await app.ClientForAsync("admin");
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        return (
            await chief.GetStringAsync($"/api/history?{range}"),
            await chief.GetStringAsync($"/api/incidents?{range}"),
            await admin.GetStringAsync($"/api/networks/{AlertScenario.Parelstrand}/members"));
    }

    [Fact]
    public async Task A_restored_backup_has_the_same_history_incidents_and_members()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bin-backup-{Guid.NewGuid():N}.dump");
        try
        {
            // One period for both reads: the history echoes it.
            var from = DateTimeOffset.UtcNow.AddHours(-1);
            var to = DateTimeOffset.UtcNow.AddHours(1);
            (string History, string Incidents, string Members) original;
            string source;
            await using (var app = await BinAppFactory.StartAsync())
            {
                source = app.ConnectionString;
                var scenario = new AlertScenario(app);
                await scenario.ImportMembersAsync(AlertScenario.Parelstrand, 3, "492");
                var issued = await scenario.AlertAsync(await scenario.IncidentAsync(51.2470, 5.3450), AlertScenario.Parelstrand);
                await scenario.WaitUntilHandedOverAsync(issued.AlertId);
                original = await ReadAsync(app, from, to);

                // Taken while the node runs: pg_dump reads one consistent snapshot.
                await RunScriptAsync("backup", file, source);
            }
            Assert.True(new FileInfo(file).Length > 0);

            var target = await TestPostgres.CreateDatabaseAsync("bin_restore");
            await RunScriptAsync("restore", file, target);

            await using var restored = new BinAppFactory(target);
            restored.StartServer();
            var copy = await ReadAsync(restored, from, to);
            Assert.Equal(original.History, copy.History);
            Assert.Equal(original.Incidents, copy.Incidents);
            Assert.Equal(original.Members, copy.Members);
            Assert.Equal(3, JsonDocument.Parse(copy.Members).RootElement.EnumerateArray().Count(m => m.GetRawText().Contains("Testlid 492")));
            Assert.Contains("alert", copy.History, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
