using Bin.Domain.Alerts;
using Bin.Domain.Members;
using static Bin.Domain.Tests.Members.MemberHistory;

namespace Bin.Domain.Tests.Members;

/// <summary>A member's stream also holds their acknowledgements and replies (written by alerting).</summary>
public class MemberStreamWithRepliesTests
{
    [Fact]
    public void A_member_who_acknowledged_a_tip_and_replied_can_still_opt_out()
    {
        var alertId = Guid.NewGuid();
        var state = Given(Registered(),
            new TipAcknowledged(Id, alertId, Guid.NewGuid(), Kerkplein, Guid.NewGuid(), Now.AddHours(-2)),
            new ReplyReceived(Id, alertId, null, Kerkplein, "Grijze bestelwagen", Now.AddHours(-1)));

        Assert.Equal(MemberStatus.Active, state!.Status);
        Assert.Equal(new MemberOptedOut(Id, "sms", Now), MemberDecisions.OptOut(state, new OptOutMember(Id, "sms"), Now));
    }
}
