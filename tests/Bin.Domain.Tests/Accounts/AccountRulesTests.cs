using Bin.Domain.Accounts;

namespace Bin.Domain.Tests.Accounts;

public class AccountRulesTests
{
    private static readonly string[] KnownRoles = ["dispatcher", "officer", "chief", "coordinator", "admin"];
    private static readonly Guid Kerkplein = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> KnownNetworks = new HashSet<Guid> { Kerkplein };

    private static AccountRuleException Refused(Action check) => Assert.Throws<AccountRuleException>(check);

    [Theory]
    [InlineData("", "userName", "required")]
    [InlineData("Jan Peeters", "userName", "characters")]
    [InlineData("jan<script>", "userName", "characters")]
    public void A_user_name_is_lower_case_letters_digits_and_dot_dash_underscore(string userName, string field, string reason)
    {
        var refused = Refused(() => AccountRules.CheckNew(new AccountDraft(userName, "Jan", ["officer"], [], "a long enough passphrase"), KnownRoles, KnownNetworks));

        Assert.Equal((field, reason), (refused.Field, refused.Reason));
    }

    [Fact]
    public void A_user_name_is_trimmed_and_lowered()
    {
        var checkedDraft = AccountRules.CheckNew(new AccountDraft("  Jan.Peeters ", " Jan ", ["Officer"], [], "a long enough passphrase"), KnownRoles, KnownNetworks);

        Assert.Equal(("jan.peeters", "Jan"), (checkedDraft.UserName, checkedDraft.DisplayName));
        Assert.Equal(["officer"], checkedDraft.Roles);
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("elevenchars", "tooShort")]
    [InlineData("my name is JAN.PEETERS ok", "containsUserName")]
    public void The_password_policy_is_twelve_characters_without_the_user_name(string? password, string reason)
    {
        var refused = Refused(() => AccountRules.CheckPassword("jan.peeters", password));

        Assert.Equal(("password", reason), (refused.Field, refused.Reason));
    }

    [Fact]
    public void Twelve_characters_without_the_name_pass()
    {
        AccountRules.CheckPassword("jan.peeters", "twelve chars");
    }

    [Fact]
    public void Unknown_roles_and_networks_are_named()
    {
        Assert.Equal(("roles", "unknown"), Reason(Refused(() => AccountRules.CheckRoles(["officer", "sheriff"], KnownRoles))));
        Assert.Equal(("roles", "required"), Reason(Refused(() => AccountRules.CheckRoles([], KnownRoles))));
        Assert.Equal(("networkIds", "unknown"), Reason(Refused(() => AccountRules.CheckNetworks([Kerkplein, Guid.NewGuid()], KnownNetworks))));
        Assert.Equal(("networkIds", "unknown"), Reason(Refused(() => AccountRules.CheckNetworks([Guid.Empty], KnownNetworks))));
    }

    private static (string?, string) Reason(AccountRuleException ex) => (ex.Field, ex.Reason);

    [Fact]
    public void A_change_describes_only_what_changed()
    {
        var before = new AccountFacts("Jan", ["dispatcher"], [], false);

        var after = AccountRules.Apply(before, new AccountChangeDraft(null, ["officer", "dispatcher"], null, true), KnownRoles, KnownNetworks);

        Assert.Equal(["roles: dispatcher → dispatcher, officer", "disabled"], AccountRules.Describe(before, after));
        Assert.Empty(AccountRules.Describe(before, AccountRules.Apply(before, new AccountChangeDraft(null, null, null, null), KnownRoles, KnownNetworks)));
    }

    [Fact]
    public void Mfa_is_required_when_any_role_is_listed()
    {
        Assert.True(AccountRules.RequiresMfa(["dispatcher", "officer"], ["officer", "chief", "admin"]));
        Assert.False(AccountRules.RequiresMfa(["dispatcher", "coordinator"], ["officer", "chief", "admin"]));
        Assert.False(AccountRules.RequiresMfa(["admin"], []));
    }
}
