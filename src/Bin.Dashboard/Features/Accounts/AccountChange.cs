namespace Bin.Dashboard.Features.Accounts;

/// <summary>One change to an account: who made it, when, and what changed (field names and roles, never passwords).</summary>
public sealed class AccountChange
{
    public Guid Id { get; set; }
    public string Account { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public List<string> What { get; set; } = [];
}

/// <summary>An account as the admin list shows it (no hashes, keys or codes).</summary>
public sealed record AccountView(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> NetworkIds, bool Disabled,
    bool MfaEnabled, bool MustChangePassword, bool LockedOut);
