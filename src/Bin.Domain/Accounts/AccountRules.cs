namespace Bin.Domain.Accounts;

/// <summary>A refusal of an account change: the field at fault and a stable reason code the UI translates.</summary>
public sealed class AccountRuleException(string field, string reason, DomainText text) : DomainException(text, field)
{
    public string Reason { get; } = reason;
}

/// <summary>What an admin asks for an account, before it is checked.</summary>
public sealed record AccountDraft(string? UserName, string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? NetworkIds, string? Password);

/// <summary>A change to an existing account; null leaves a field as it is.</summary>
public sealed record AccountChangeDraft(string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? NetworkIds, bool? Disabled);

/// <summary>An account's fields as an admin sees them, to compare before and after a change.</summary>
public sealed record AccountFacts(string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> NetworkIds, bool Disabled);

/// <summary>
/// The rules of dashboard accounts: user names, the password policy, known roles and networks, and what a change
/// changed (for the record kept of every change). Pure: the caller passes what exists.
/// </summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 12;
    public const int MaxUserNameLength = 64;
    public const int MaxDisplayNameLength = 100;

    public static string NormaliseUserName(string? userName) => (userName ?? "").Trim().ToLowerInvariant();

    public static string CheckUserName(string? userName)
    {
        var name = NormaliseUserName(userName);
        if (name.Length == 0) throw new AccountRuleException("userName", "required", DomainMessages.UserNameRequired);
        if (name.Length > MaxUserNameLength)
            throw new AccountRuleException("userName", "tooLong", DomainMessages.UserNameTooLong.With(MaxUserNameLength));
        if (!name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-' or '_'))
            throw new AccountRuleException("userName", "characters", DomainMessages.UserNameCharacters);
        return name;
    }

    public static string CheckDisplayName(string? displayName)
    {
        var name = (displayName ?? "").Trim();
        if (name.Length == 0) throw new AccountRuleException("displayName", "required", DomainMessages.DisplayNameRequired);
        if (name.Length > MaxDisplayNameLength)
            throw new AccountRuleException("displayName", "tooLong", DomainMessages.DisplayNameTooLong.With(MaxDisplayNameLength));
        return name;
    }

    /// <summary>At least 12 characters and not containing the user name (case-insensitive).</summary>
    public static void CheckPassword(string userName, string? password, string field = "password")
    {
        if (string.IsNullOrEmpty(password)) throw new AccountRuleException(field, "required", DomainMessages.PasswordRequired);
        if (password.Length < MinimumPasswordLength)
            throw new AccountRuleException(field, "tooShort", DomainMessages.PasswordTooShort.With(MinimumPasswordLength));
        if (userName.Length > 0 && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            throw new AccountRuleException(field, "containsUserName", DomainMessages.PasswordContainsUserName);
    }

    public static IReadOnlyList<string> CheckRoles(IReadOnlyList<string>? roles, IReadOnlyCollection<string> knownRoles)
    {
        var asked = (roles ?? []).Select(r => (r ?? "").Trim().ToLowerInvariant()).Distinct().ToList();
        if (asked.Count == 0) throw new AccountRuleException("roles", "required", DomainMessages.RolesRequired);
        var unknown = asked.FirstOrDefault(r => !knownRoles.Contains(r));
        if (unknown is not null) throw new AccountRuleException("roles", "unknown", DomainMessages.RoleUnknown.With(unknown));
        return asked;
    }

    public static IReadOnlyList<Guid> CheckNetworks(IReadOnlyList<Guid>? networkIds, IReadOnlySet<Guid> knownNetworks)
    {
        var asked = (networkIds ?? []).Distinct().ToList();
        var unknown = asked.FirstOrDefault(n => !knownNetworks.Contains(n));
        if (unknown != Guid.Empty || asked.Contains(Guid.Empty))
            throw new AccountRuleException("networkIds", "unknown", DomainMessages.AccountNetworkUnknown.With(unknown));
        return asked;
    }

    /// <summary>A new account, checked field by field in the order of the form.</summary>
    public static (string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> NetworkIds) CheckNew(
        AccountDraft draft, IReadOnlyCollection<string> knownRoles, IReadOnlySet<Guid> knownNetworks)
    {
        var userName = CheckUserName(draft.UserName);
        var displayName = CheckDisplayName(draft.DisplayName);
        var roles = CheckRoles(draft.Roles, knownRoles);
        var networks = CheckNetworks(draft.NetworkIds, knownNetworks);
        CheckPassword(userName, draft.Password);
        return (userName, displayName, roles, networks);
    }

    /// <summary>The account after the change, or the field at fault.</summary>
    public static AccountFacts Apply(AccountFacts current, AccountChangeDraft change, IReadOnlyCollection<string> knownRoles, IReadOnlySet<Guid> knownNetworks) =>
        new(change.DisplayName is null ? current.DisplayName : CheckDisplayName(change.DisplayName),
            change.Roles is null ? current.Roles : CheckRoles(change.Roles, knownRoles),
            change.NetworkIds is null ? current.NetworkIds : CheckNetworks(change.NetworkIds, knownNetworks),
            change.Disabled ?? current.Disabled);

    /// <summary>One line per changed field, for the record of account changes ("roles: officer → officer, chief").</summary>
    public static IReadOnlyList<string> Describe(AccountFacts before, AccountFacts after)
    {
        var lines = new List<string>();
        if (before.DisplayName != after.DisplayName) lines.Add($"displayName: {before.DisplayName} → {after.DisplayName}");
        if (!before.Roles.Order().SequenceEqual(after.Roles.Order()))
            lines.Add($"roles: {string.Join(", ", before.Roles.Order())} → {string.Join(", ", after.Roles.Order())}");
        if (!before.NetworkIds.Order().SequenceEqual(after.NetworkIds.Order()))
            lines.Add($"networks: {string.Join(", ", before.NetworkIds.Order())} → {string.Join(", ", after.NetworkIds.Order())}");
        if (before.Disabled != after.Disabled) lines.Add(after.Disabled ? "disabled" : "enabled");
        return lines;
    }

    /// <summary>Whether the account must use MFA: one of its roles is in the configured list.</summary>
    public static bool RequiresMfa(IEnumerable<string> roles, IReadOnlyCollection<string> mfaRoles) => roles.Any(mfaRoles.Contains);
}
