using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Infrastructure.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Access (bearer) token lifetime; at most 15 minutes, clients renew with the refresh token.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:15:00")]
    public TimeSpan BearerTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Refresh token lifetime; each is used once and dies with the account's security stamp.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often open circuits and hub connections re-check their account, and how long a node trusts a
    /// cached security stamp for cookies and bearer tokens. Rights taken away take effect within twice this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Comma-separated roles whose accounts must use TOTP; such an account enrols at its first sign-in.
    /// Unset: officer, chief, admin — except in Development, where it is none so the demo stays one step.
    /// </summary>
    public string? RequireMfaForRoles { get; set; }

    /// <summary>Sign-in attempts (form, token, refresh) one client address may make per <see cref="SignInWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int SignInPermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Creates the five demo accounts (password bin-demo). Only honoured in Development.</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>On a database without accounts, creates 'admin' with this password (production bootstrap).</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>The roles <see cref="RequireMfaForRoles"/> names, with the environment's default applied.</summary>
    public IReadOnlyList<string> MfaRoles(bool development) =>
        RequireMfaForRoles is null
            ? development ? [] : [Roles.Officer, Roles.Chief, Roles.Admin]
            : RequireMfaForRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLowerInvariant()).ToList();
}
