using Bin.Domain.Members;
using static Bin.Domain.Tests.Members.MemberHistory;

namespace Bin.Domain.Tests.Members;

public class RegisterMemberTests
{
    private static RegisterMember Command(IReadOnlyList<Guid>? networks = null, string? language = "nl", DateTimeOffset? consentAt = null,
        string? consentMethod = "paper form at info evening") =>
        new(Id, networks ?? [Kerkplein], language, consentAt, consentMethod);

    private static MemberRegistered When(RegisterMember command, Member? state = null) => MemberDecisions.Register(state, command, Now);

    [Fact]
    public void Registering_records_networks_language_and_consent()
    {
        var registered = When(Command(language: "FR-be", consentAt: InfoEvening));

        // Records compare lists by reference: compare the list on its own.
        Assert.Equal([Kerkplein], registered.NetworkIds);
        Assert.Equal(new MemberRegistered(Id, registered.NetworkIds, "fr", InfoEvening, "paper form at info evening", Now), registered);
    }

    [Fact]
    public void Consent_without_a_time_is_consent_now()
    {
        Assert.Equal(Now, When(Command(consentMethod: "  join page ")).ConsentAt);
        Assert.Equal("join page", When(Command(consentMethod: "  join page ")).ConsentMethod);
    }

    [Fact]
    public void Without_a_language_the_member_gets_tips_in_Dutch()
    {
        Assert.Equal("nl", When(Command(language: null)).Language);
    }

    [Fact]
    public void A_network_named_twice_is_kept_once()
    {
        Assert.Equal([Kerkplein, Slachthuis], When(Command(networks: [Kerkplein, Slachthuis, Kerkplein])).NetworkIds);
    }

    [Fact]
    public void A_member_without_a_network_is_refused()
    {
        Assert.Equal("networkIds", ThenRefused(() => When(Command(networks: []))).Field);
        Assert.Equal("networkIds", ThenRefused(() => When(Command(networks: [Guid.Empty]))).Field);
    }

    [Fact]
    public void An_unknown_language_is_refused()
    {
        var ex = ThenRefused(() => When(Command(language: "klingon")));

        Assert.Equal("language", ex.Field);
        Assert.Contains("klingon", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_consent_nobody_is_registered(string? method)
    {
        var ex = ThenRefused(() => When(Command(consentMethod: method)));

        Assert.Equal("consentMethod", ex.Field);
        Assert.Contains("Consent", ex.Message);
    }

    [Fact]
    public void Consent_in_the_future_is_refused_but_a_little_clock_skew_is_not()
    {
        Assert.Equal("consentAt", ThenRefused(() => When(Command(consentAt: Now.AddHours(1)))).Field);
        Assert.Equal(Now.AddMinutes(2), When(Command(consentAt: Now.AddMinutes(2))).ConsentAt);
    }

    [Fact]
    public void An_over_long_consent_method_is_refused()
    {
        Assert.Equal("consentMethod", ThenRefused(() => When(Command(consentMethod: new string('x', 201)))).Field);
    }

    [Fact]
    public void Registering_the_same_member_twice_is_refused()
    {
        Assert.Equal("id", ThenRefused(() => When(Command(), Given(Registered()))).Field);
    }

    [Fact]
    public void A_registered_member_is_active_in_their_language()
    {
        var member = Given(When(Command(networks: [Kerkplein, Slachthuis], language: "de")))!;

        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.Equal(Language.De, member.Language);
        Assert.Equal([Kerkplein, Slachthuis], member.NetworkIds);
    }
}
