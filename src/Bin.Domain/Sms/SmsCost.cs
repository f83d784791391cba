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
}
