using System.Diagnostics;
using Npgsql;

namespace Bin.Testing;

/// <summary>
/// The PostgreSQL server of a test run: <c>BIN_TEST_POSTGRES</c> (set by <c>./build.sh test</c>) or, when a test
/// is run on its own, a throwaway cluster started here and removed at process exit. Each host gets its own
/// fresh database, so tests never see each other's data.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(StartOrReuse, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string AdminConnectionString => Server.Value;

    public static async Task<string> CreateDatabaseAsync(string prefix = "bin_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        // The three test assemblies share one cluster, and hosts of finished tests linger until their class ends:
        // idle pooled connections are closed soon, so that they do not add up to max_connections.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name, MaxPoolSize = 40, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5,
        }.ConnectionString;
    }

    private static string StartOrReuse()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BIN_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;

        var dir = Path.Combine(Path.GetTempPath(), $"bin-test-pg-{Environment.ProcessId}");
        var port = ChildProcesses.FreePort();
        var bin = FindPostgresBin();
        var root = Environment.UserName == "root";
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        Directory.CreateDirectory(Path.Combine(dir, "run"));
        if (root) Run("chown", $"-R postgres {dir}");
        RunAsPostgres(root, Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres --auth=trust -E UTF8 --no-locale");
        RunAsPostgres(root, Path.Combine(bin, "pg_ctl"),
            $"-D {dir}/data -l {dir}/run/log -w start -o \"-p {port} -k {dir}/run -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAsPostgres(root, Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate stop");
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception)
            {
                // Best effort at exit: a leftover temp folder is harmless.
            }
        };
        return $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres";
    }

    private static string FindPostgresBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
              ?? throw new InvalidOperationException("PostgreSQL server binaries not found; run ./build.sh test or set BIN_TEST_POSTGRES.")
            : throw new InvalidOperationException("PostgreSQL server binaries not found; run ./build.sh test or set BIN_TEST_POSTGRES.");

    private static void RunAsPostgres(bool root, string file, string args)
    {
        if (root) Run("runuser", $"-u postgres -- {file} {args}");
        else Run(file, args);
    }

    private static void Run(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed: {stderr.Result}");
    }
}
