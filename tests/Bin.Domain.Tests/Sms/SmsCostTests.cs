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

    [Fact]
    public void Recipients_abroad_pay_their_country_s_rate()
    {
        var segments = new Dictionary<string, int> { ["BE"] = 100, ["NL"] = 10, ["LU"] = 4 };
        var rates = new Dictionary<string, decimal> { ["BE"] = 0.08m, ["NL"] = 0.10m, ["LU"] = 0.25m };

        Assert.Equal(100 * 0.08m + 10 * 0.10m + 4 * 0.25m, SmsCost.Estimate(segments, c => rates[c]));
    }

    [Fact]
    public void A_negative_rate_by_country_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmsCost.Estimate(new Dictionary<string, int> { ["NL"] = 1 }, _ => -0.1m));
    }
}
