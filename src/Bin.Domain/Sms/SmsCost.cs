namespace Bin.Domain.Sms;

/// <summary>What an alert will cost before it is sent: every recipient pays for every segment.</summary>
public static class SmsCost
{
    public static decimal Estimate(int segments, int recipients, decimal costPerSegment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(segments);
        ArgumentOutOfRangeException.ThrowIfNegative(recipients);
        ArgumentOutOfRangeException.ThrowIfNegative(costPerSegment);
        return segments * (decimal)recipients * costPerSegment;
    }

    /// <summary>
    /// What an alert will cost when recipients abroad cost more: <paramref name="segmentsByCountry"/> sums every
    /// recipient's segments per country (ISO code); <paramref name="costPerSegmentIn"/> gives that country's rate.
    /// </summary>
    public static decimal Estimate(IReadOnlyDictionary<string, int> segmentsByCountry, Func<string, decimal> costPerSegmentIn)
    {
        decimal total = 0;
        foreach (var (country, segments) in segmentsByCountry)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(segments);
            var cost = costPerSegmentIn(country);
            ArgumentOutOfRangeException.ThrowIfNegative(cost);
            total += segments * cost;
        }
        return total;
    }
}
