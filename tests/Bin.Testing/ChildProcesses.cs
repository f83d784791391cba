using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Bin.Testing;

/// <summary>
/// For tests that run the real thing as a child process (the built dashboard, <c>./build.sh run</c>) and stop it the
/// way a service manager does: signals, exit times, output.
/// </summary>
public static class ChildProcesses
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Sends <paramref name="signal"/> to a process, or to a whole process group with a negative id.</summary>
    public static void Signal(int pid, int signal)
    {
        if (kill(pid, signal) != 0 && Marshal.GetLastPInvokeError() != 3 /* ESRCH: already gone */)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>True while a process with this id exists (a zombie counts until reaped).</summary>
    public static bool Exists(int pid) => kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() != 3;

    /// <summary>The repository's root (where Bin.sln is), found from the test assembly's folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Bin.sln"))) return dir.FullName;
            throw new InvalidOperationException("Bin.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The dashboard build the tests were built with (the same configuration).</summary>
    public static string DashboardDll =>
        Path.Combine(RepositoryRoot, "src", "Bin.Dashboard", "bin",
#if DEBUG
            "Debug",
#else
            "Release",
#endif
            "net10.0", "Bin.Dashboard.dll");

    /// <summary>
    /// A port for a child process (the dashboard, PostgreSQL) to listen on, below the kernel's ephemeral range. A port the
    /// kernel picked and the test released can be given to any outgoing connection (a pooled database connection, an HTTP
    /// client of a test running beside it) before the child binds it, seconds later: "address already in use". Ports
    /// below the range are never picked by the kernel; each is handed out once per test process, checked free by binding
    /// it, from a random start so that test processes running side by side seldom try the same one.
    /// </summary>
    public static int FreePort()
    {
        var (first, end) = ListeningRange.Value;
        lock (HandedOut)
        {
            var start = Random.Shared.Next(first, end);
            for (var i = 0; i < end - first; i++)
            {
                var port = first + (start - first + i) % (end - first);
                if (HandedOut.Contains(port) || !IsFree(port)) continue;
                HandedOut.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free port between {first} and {end}.");
    }

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>Ports from 10000 up to the kernel's ephemeral range (or above it, when the range starts lower).</summary>
    private static readonly Lazy<(int First, int End)> ListeningRange = new(() =>
    {
        var (low, high) = (32768, 60999);
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            (low, high) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Not Linux, or not readable: Linux's default range.
        }
        return low > 11_000 ? (10_000, low) : (high + 1, 65_536);
    });

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Starts a process whose output is collected (read it with <see cref="Output"/>); a null value in
    /// <paramref name="environment"/> removes that variable from what the child inherits.</summary>
    public static (Process Process, StringBuilder Output) Start(string file, IEnumerable<string> args, string workingDirectory, IDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in environment)
            if (value is null) info.Environment.Remove(key);
            else info.Environment[key] = value;
        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    public static string Output(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    /// <summary>Waits until <paramref name="url"/> answers 200, or fails with the process's output.</summary>
    public static async Task WaitUntilOkAsync(string url, Process process, StringBuilder output, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        async Task<bool> AnswersOkAsync()
        {
            if (process.HasExited) throw new InvalidOperationException($"The process exited ({process.ExitCode}) before {url} answered:\n{Output(output)}");
            try
            {
                using var response = await http.GetAsync(url);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
            catch (TaskCanceledException)
            {
                return false; // listening, not answering yet
            }
        }
        // A port that another process has not opened yet sends no signal: asking is the only way.
        if (!await Eventually.WithinAsync(AnswersOkAsync, timeout))
            throw new TimeoutException($"{url} did not answer within {timeout}:\n{Output(output)}");
    }

    /// <summary>How long the process takes to exit, failing after <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan> TimeExitAsync(Process process, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return watch.Elapsed;
        }
        return watch.Elapsed;
    }
}
