using System.Diagnostics;
using Npgsql;

namespace Bin.Testing;

/// <summary>
/// A PostgreSQL cluster of one test's own, which the test may stop under a running dashboard (the shared test
/// server must never be stopped). About a second to create; removed on dispose.
/// </summary>
public sealed class OwnCluster : IDisposable
{
    private readonly string _dir;
    private readonly string _bin;
    private readonly bool _root = Environment.UserName == "root";

    private OwnCluster(string dir, string bin, int port)
    {
        _dir = dir;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Timeout=5";

    public static async Task<OwnCluster> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().First();
        var dir = Path.Combine(Path.GetTempPath(), $"bin-own-pg-{Guid.NewGuid():N}"[..24]);
        var cluster = new OwnCluster(dir, bin, ChildProcesses.FreePort());
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        Directory.CreateDirectory(Path.Combine(dir, "run"));
        if (cluster._root) Run("chown", "-R", "postgres", dir);
        cluster.AsPostgres("initdb", "-D", $"{dir}/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
        cluster.Start();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE DATABASE bin", connection);
        await command.ExecuteNonQueryAsync();
        return cluster;
    }

    public void Start() => AsPostgres("pg_ctl", "-D", $"{_dir}/data", "-l", $"{_dir}/run/log", "-w", "start",
        "-o", $"-p {Port} -k {_dir}/run -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off");

    /// <summary>Gone at once, as a crashed or failed-over server: connections are cut, nothing answers.</summary>
    public void StopImmediately() => AsPostgres("pg_ctl", "-D", $"{_dir}/data", "-m", "immediate", "-w", "stop");

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(_dir, "data", "postmaster.pid"))) StopImmediately();
            Directory.Delete(_dir, recursive: true);
        }
        catch (Exception)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }

    private void AsPostgres(string tool, params string[] args)
    {
        var file = Path.Combine(_bin, tool);
        if (_root) Run("runuser", ["-u", "postgres", "--", file, .. args]);
        else Run(file, args);
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr.Result}");
    }
}
