namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// A dashboard account: the user type of ASP.NET Core Identity, stored as a Marten document keyed by the lower-case
/// user name (see <see cref="MartenUserStore"/>). The password hash is Identity's own format, so accounts written
/// before Identity managed them keep signing in.
/// </summary>
public sealed class UserAccount
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];

    /// <summary>For coordinators: the networks they run (one <c>bin:network</c> claim each). Others see the whole zone.</summary>
    public List<Guid> NetworkIds { get; set; } = [];

    /// <summary>Failed sign-ins since the last success (Identity's access-failed count).</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Identity's lockout end.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Changes whenever rights or credentials change; every session carries it and dies when it differs.</summary>
    public string SecurityStamp { get; set; } = "";

    public bool Disabled { get; set; }

    /// <summary>Set when an admin sets the password: the user chooses their own before reaching any page.</summary>
    public bool MustChangePassword { get; set; }

    public bool TwoFactorEnabled { get; set; }

    /// <summary>The TOTP secret (base32). Only used for sign-in once <see cref="TwoFactorEnabled"/>.</summary>
    public string? AuthenticatorKey { get; set; }

    /// <summary>SHA-256 hashes of the unused recovery codes: a code works once and the database never holds it.</summary>
    public List<string> RecoveryCodeHashes { get; set; } = [];

    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The identity provider (its authority) of an account made by single sign-on: it has no password here,
    /// its roles and networks follow the provider's groups at each sign-in, and the provider does its MFA.</summary>
    public string? ExternalProvider { get; set; }

    /// <summary>The UI language the user chose ("nl", "fr", "en"); null until they choose (the default, Dutch, applies).</summary>
    public string? Language { get; set; }

    /// <summary>The console sounds a short tone when a new incident arrives; off unless the user turns it on.</summary>
    public bool NewIncidentSound { get; set; }
}
