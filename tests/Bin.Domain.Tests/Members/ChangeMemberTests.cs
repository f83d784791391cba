using Bin.Domain.Members;
using static Bin.Domain.Tests.Members.MemberHistory;

namespace Bin.Domain.Tests.Members;

public class ChangeMemberTests
{
    private static MemberNetworksChanged? WhenNetworks(Member? state, params Guid[] networks) =>
        MemberDecisions.ChangeNetworks(state, new ChangeMemberNetworks(Id, networks), Now);

    private static MemberLanguageChanged? WhenLanguage(Member? state, string? language) =>
        MemberDecisions.ChangeLanguage(state, new ChangeMemberLanguage(Id, language), Now);

    [Fact]
    public void A_member_can_move_to_other_networks()
    {
        var changed = WhenNetworks(Given(Registered()), Slachthuis, Kerkplein)!;

        Assert.Equal([Slachthuis, Kerkplein], changed.NetworkIds);
        Assert.Equal([Slachthuis, Kerkplein], Given(Registered(), changed)!.NetworkIds);
    }

    [Fact]
    public void The_same_networks_in_another_order_record_nothing()
    {
        var history = new object[] { Registered(), new MemberNetworksChanged(Id, [Kerkplein, Slachthuis], Now.AddDays(-1)) };

        Assert.Null(WhenNetworks(Given(history), Slachthuis, Kerkplein, Slachthuis));
    }

    [Fact]
    public void A_member_keeps_at_least_one_network()
    {
        Assert.Equal("networkIds", ThenRefused(() => WhenNetworks(Given(Registered()))).Field);
    }

    [Fact]
    public void A_member_can_switch_language_and_the_same_language_records_nothing()
    {
        Assert.Equal(new MemberLanguageChanged(Id, "en", Now), WhenLanguage(Given(Registered()), "en-GB"));
        Assert.Null(WhenLanguage(Given(Registered()), "NL"));
        Assert.Equal("language", ThenRefused(() => WhenLanguage(Given(Registered()), "xx")).Field);
    }

    [Fact]
    public void Nothing_about_an_erased_member_can_change()
    {
        Assert.Contains("erased", ThenRefused(() => WhenNetworks(Given(Registered(), Erased()), Slachthuis)).Message);
        Assert.Contains("erased", ThenRefused(() => WhenLanguage(Given(Registered(), Erased()), "fr")).Message);
    }

    [Fact]
    public void Erasing_records_the_erasure_once()
    {
        var erased = MemberDecisions.Erase(Given(Registered(), OptedOut()), new EraseMember(Id), Now);

        Assert.Equal(new MemberErased(Id, Now), erased);
        Assert.Equal(MemberStatus.Erased, Given(Registered(), OptedOut(), erased!)!.Status);
        Assert.Null(MemberDecisions.Erase(Given(Registered(), erased!), new EraseMember(Id), Now));
        Assert.Equal("id", ThenRefused(() => MemberDecisions.Erase(Given(), new EraseMember(Id), Now)).Field);
    }

    [Fact]
    public void The_erasure_records_why_from_a_closed_list_and_refuses_any_other_reason()
    {
        Assert.Equal(new MemberErased(Id, Now, ErasureReasons.Objection),
            MemberDecisions.Erase(Given(Registered()), new EraseMember(Id, ErasureReasons.Objection), Now));
        Assert.Equal("reason", ThenRefused(() => MemberDecisions.Erase(Given(Registered()), new EraseMember(Id, "Jan asked"), Now)).Field);
    }

    [Fact]
    public void A_history_that_does_not_start_with_a_registration_cannot_be_folded()
    {
        Assert.Throws<InvalidOperationException>(() => Given(OptedOut()));
    }
}
