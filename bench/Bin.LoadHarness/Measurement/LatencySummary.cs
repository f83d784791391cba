using System.Diagnostics;
using System.Globalization;

namespace Bin.LoadHarness.Measurement;

/// <summary>Percentiles of a set of latencies in milliseconds (nearest rank: p99 of 6,000 is the 5,940th smallest).</summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        return new LatencySummary(sorted.Length, Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1)];

    public override string ToString() =>
        $"p50 {Ms(P50)}  p95 {Ms(P95)}  p99 {Ms(P99)}  max {Ms(Max)} ms";

    public static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>The one clock of a run: every timestamp is <see cref="Stopwatch.GetTimestamp"/> in this process.</summary>
internal static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
