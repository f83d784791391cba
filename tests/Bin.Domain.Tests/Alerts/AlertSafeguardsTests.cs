using Bin.Domain.Alerts;

namespace Bin.Domain.Tests.Alerts;

public class AlertSafeguardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 30, 0, TimeSpan.Zero);
    private static readonly Guid Kerkplein = Guid.NewGuid();
    private static readonly Guid Leuken = Guid.NewGuid();
    private static readonly TimeSpan Window = AlertSafeguards.DefaultRepeatWindow;

    [Fact]
    public void A_network_alerted_for_the_incident_four_minutes_ago_is_a_repeat_with_that_time()
    {
        var earlier = new RecentAlert(Guid.NewGuid(), [Kerkplein], Now.AddMinutes(-4));

        var repeats = AlertSafeguards.Repeats([earlier], [Kerkplein, Leuken], Window, Now);

        var repeat = Assert.Single(repeats);
        Assert.Equal(new RepeatedNetwork(Kerkplein, Now.AddMinutes(-4)), repeat);
        Assert.Contains("4 minute", new AlertRepeatException(repeats, Now).Message);
    }

    [Fact]
    public void An_alert_older_than_the_window_is_no_repeat()
    {
        var earlier = new RecentAlert(Guid.NewGuid(), [Kerkplein], Now - Window - TimeSpan.FromSeconds(1));

        Assert.Empty(AlertSafeguards.Repeats([earlier], [Kerkplein], Window, Now));
    }

    [Fact]
    public void The_latest_of_several_earlier_alerts_is_the_one_reported()
    {
        var alerts = new[] { new RecentAlert(Guid.NewGuid(), [Kerkplein], Now.AddMinutes(-20)), new RecentAlert(Guid.NewGuid(), [Kerkplein, Leuken], Now.AddMinutes(-2)) };

        var repeats = AlertSafeguards.Repeats(alerts, [Kerkplein], Window, Now);

        Assert.Equal(Now.AddMinutes(-2), Assert.Single(repeats).LastAlertedAt);
    }

    [Fact]
    public void Retry_after_is_when_the_oldest_alert_of_the_hour_leaves_it_and_never_less_than_a_second()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), AlertSafeguards.RetryAfter([Now.AddMinutes(-50), Now.AddMinutes(-5)], Now));
        Assert.Equal(TimeSpan.FromSeconds(1), AlertSafeguards.RetryAfter([Now.AddHours(-1)], Now));
    }

    [Theory]
    [InlineData(4900, 100, 5000, false)]
    [InlineData(4900, 101, 5000, true)]
    [InlineData(0, 5001, 5000, true)]
    public void An_alert_needs_approval_only_when_it_would_pass_the_daily_budget(int used, int segments, int budget, bool needsApproval) =>
        Assert.Equal(needsApproval, AlertSafeguards.NeedsApproval(used, segments, budget));

    [Fact]
    public void An_erasure_reason_outside_the_list_is_refused_naming_the_field()
    {
        Assert.Equal(Bin.Domain.Members.ErasureReasons.Request, Bin.Domain.Members.ErasureReasons.Parse(null));
        Assert.Equal("reason", Assert.Throws<DomainException>(() => Bin.Domain.Members.ErasureReasons.Parse("he asked nicely")).Field);
    }
}
