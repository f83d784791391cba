using Bin.Domain.Members;
using static Bin.Domain.Tests.Members.MemberHistory;

namespace Bin.Domain.Tests.Members;

public class OptOutMemberTests
{
    private static MemberOptedOut? When(Member? state, string via = "sms") => MemberDecisions.OptOut(state, new OptOutMember(Id, via), Now);

    [Fact]
    public void An_active_member_who_sends_STOP_is_opted_out()
    {
        Assert.Equal(new MemberOptedOut(Id, "sms", Now), When(Given(Registered())));
    }

    [Fact]
    public void An_opted_out_member_is_no_longer_active()
    {
        Assert.Equal(MemberStatus.OptedOut, Given(Registered(), When(Given(Registered()))!)!.Status);
    }

    [Fact]
    public void Opting_out_twice_records_nothing_the_second_time()
    {
        Assert.Null(When(Given(Registered(), OptedOut())));
    }

    [Fact]
    public void Opting_out_an_erased_member_records_nothing()
    {
        Assert.Null(When(Given(Registered(), Erased())));
    }

    [Fact]
    public void Opting_out_a_member_that_does_not_exist_is_refused()
    {
        Assert.Equal("id", ThenRefused(() => When(Given())).Field);
    }

    [Fact]
    public void An_opt_out_says_how_it_was_given()
    {
        Assert.Equal("via", ThenRefused(() => When(Given(Registered()), via: " ")).Field);
    }
}
