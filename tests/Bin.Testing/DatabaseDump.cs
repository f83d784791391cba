using System.Diagnostics;
using Npgsql;

namespace Bin.Testing;

/// <summary>The whole database as <c>pg_dump</c> writes it (every schema, data included): what a data protection
/// officer would search for personal data.</summary>
public static class DatabaseDump
{
    public static async Task<string> DumpAsync(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindPgDump())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--no-owner", "--no-privileges", "-h", cs.Host!, "-p", cs.Port.ToString(), "-U", cs.Username ?? "postgres", cs.Database! },
        };
        if (!string.IsNullOrEmpty(cs.Password)) start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var dump = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_dump failed: {await stderr}");
        return dump;
    }

    /// <summary>The newest installed pg_dump (it must not be older than the server).</summary>
    private static string FindPgDump() =>
        (Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null)
        ?? throw new InvalidOperationException("pg_dump not found under /usr/lib/postgresql/*/bin.");
}
