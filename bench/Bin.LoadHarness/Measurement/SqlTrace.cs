using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bin.LoadHarness.Measurement;

/// <summary>
/// Where the database time of a run goes, without touching the dashboard: Npgsql reports every command it runs
/// (its "Npgsql" ActivitySource, with the SQL in <c>db.statement</c>); this listens while <see cref="Recording"/> and
/// keeps each command's statement, end time (on the harness clock) and duration. A scenario names the statements it
/// cares about with a classifier; the rest are summed under "other".
/// Listening costs an Activity per command in the server under test, so scenarios make it switchable (--trace 0).
/// </summary>
internal sealed class SqlTrace : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<SqlCall> _calls = new();
    private volatile bool _recording;

    public SqlTrace()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (!_recording) return;
                var statement = activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
                _calls.Enqueue(new SqlCall(statement, Clock.Now, activity.Duration.TotalMilliseconds, activity.Status == ActivityStatusCode.Error));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public bool Recording
    {
        get => _recording;
        set => _recording = value;
    }

    /// <summary>Everything recorded since the last call, oldest first; the trace is empty afterwards.</summary>
    public IReadOnlyList<SqlCall> Drain()
    {
        var calls = new List<SqlCall>();
        while (_calls.TryDequeue(out var call)) calls.Add(call);
        return calls;
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Prints count, total, p50, p99 and max per class of statement, largest total first.</summary>
    public static void Print(IEnumerable<SqlCall> calls, Func<string, string?> classify, string indent = "  ")
    {
        var groups = calls.GroupBy(c => classify(c.Statement) ?? "other")
            .Select(g => (Name: g.Key, Count: g.Count(), Total: g.Sum(c => c.Milliseconds), Summary: LatencySummary.Of(g.Select(c => c.Milliseconds)), Errors: g.Count(c => c.Failed)))
            .OrderByDescending(g => g.Total)
            .ToList();
        Console.WriteLine($"{indent}{"statement",-44}{"count",7}{"total ms",10}{"p50",8}{"p99",8}{"max",8}");
        foreach (var g in groups)
            Console.WriteLine($"{indent}{g.Name,-44}{g.Count,7}{LatencySummary.Ms(g.Total),10}{LatencySummary.Ms(g.Summary.P50),8}{LatencySummary.Ms(g.Summary.P99),8}{LatencySummary.Ms(g.Summary.Max),8}" +
                              (g.Errors > 0 ? $"  ({g.Errors} failed)" : ""));
    }

    /// <summary>The first words of a statement, one line, for naming statements a classifier did not know.</summary>
    public static string Head(string statement, int length = 60)
    {
        var line = string.Join(' ', statement.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= length ? line : line[..length] + "…";
    }
}

/// <param name="EndedAt">On the harness clock (<see cref="Clock.Now"/>).</param>
internal readonly record struct SqlCall(string Statement, long EndedAt, double Milliseconds, bool Failed);
