namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>A dashboard account. Stored as a Marten document keyed by the lower-case user name.</summary>
public sealed class UserAccount
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];

    /// <summary>For coordinators: the networks they run. Others see the whole zone.</summary>
    public List<Guid> NetworkIds { get; set; } = [];

    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
