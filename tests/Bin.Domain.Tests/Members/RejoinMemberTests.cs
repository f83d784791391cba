using Bin.Domain.Members;
using static Bin.Domain.Tests.Members.MemberHistory;

namespace Bin.Domain.Tests.Members;

public class RejoinMemberTests
{
    private static MemberRejoined When(Member? state, string? method = "phone call to coordinator", DateTimeOffset? at = null) =>
        MemberDecisions.Rejoin(state, new RejoinMember(Id, at, method), Now);

    [Fact]
    public void A_member_who_opted_out_rejoins_with_fresh_consent()
    {
        var rejoined = When(Given(Registered(), OptedOut()));

        Assert.Equal(new MemberRejoined(Id, Now, "phone call to coordinator", Now), rejoined);
        var member = Given(Registered(), OptedOut(), rejoined)!;
        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.Equal("phone call to coordinator", member.ConsentMethod);
    }

    [Fact]
    public void Rejoining_needs_consent()
    {
        Assert.Equal("consentMethod", ThenRefused(() => When(Given(Registered(), OptedOut()), method: null)).Field);
    }

    [Fact]
    public void An_active_member_cannot_rejoin()
    {
        var ex = ThenRefused(() => When(Given(Registered())));

        Assert.Null(ex.Field);
        Assert.Contains("active already", ex.Message);
    }

    [Fact]
    public void An_erased_member_cannot_rejoin()
    {
        Assert.Contains("erased", ThenRefused(() => When(Given(Registered(), Erased()))).Message);
    }

    [Fact]
    public void Rejoining_a_member_that_does_not_exist_is_refused()
    {
        Assert.Equal("id", ThenRefused(() => When(Given())).Field);
    }
}
