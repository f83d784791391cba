using Bin.Domain.Sms;

namespace Bin.Domain.Tests.Sms;

public class SmsCostTests
{
    [Fact]
    public void Every_recipient_pays_for_every_segment()
    {
        Assert.Equal(24.00m, SmsCost.Estimate(segments: 2, recipients: 150, costPerSegment: 0.08m));
    }

    [Fact]
    public void Nothing_to_send_costs_nothing()
    {
        Assert.Equal(0m, SmsCost.Estimate(0, 150, 0.08m));
        Assert.Equal(0m, SmsCost.Estimate(2, 0, 0.08m));
    }

    [Fact]
    public void Negative_inputs_are_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmsCost.Estimate(-1, 10, 0.08m));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmsCost.Estimate(1, -10, 0.08m));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmsCost.Estimate(1, 10, -0.08m));
    }
}
