using System.Security.Claims;
using Bin.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// Builds the principal a session carries: name, display name, roles, one <c>bin:network</c> claim per coordinated
/// network and the account's security stamp. An account that must still enrol MFA or choose a new password gets
/// a <c>bin:pending</c> claim instead of its roles and networks, so it reaches nothing but <c>/account</c>.
/// </summary>
public sealed class BinPrincipals(IOptions<AuthOptions> options, IHostEnvironment environment)
{
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";
    public const string BearerAuthenticationType = "bin-bearer";
    public const string CookieAuthenticationType = "bin-cookie";

    public IReadOnlyList<string> MfaRoles => options.Value.MfaRoles(environment.IsDevelopment());

    /// <summary>What the account must do before it may use the dashboard, if anything.</summary>
    public string? PendingStep(UserAccount account) =>
        account.MustChangePassword ? PendingSteps.Password
        : account.ExternalProvider is null && !account.TwoFactorEnabled && AccountRules.RequiresMfa(account.Roles, MfaRoles) ? PendingSteps.Mfa
        : null;

    public ClaimsPrincipal Create(UserAccount account, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.Id),
            new("display_name", account.DisplayName),
            new(SecurityStampClaim, account.SecurityStamp),
        };
        if (PendingStep(account) is { } pending)
            claims.Add(new Claim(BinClaims.Pending, pending));
        else
        {
            claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
            claims.AddRange(account.NetworkIds.Select(n => new Claim(BinClaims.Network, n.ToString())));
        }
        if (authenticationType == BearerAuthenticationType)
            claims.Add(new Claim(BinClaims.RefreshTokenId, Guid.NewGuid().ToString("N")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}

public static class PendingSteps
{
    public const string Mfa = "mfa";
    public const string Password = "password";
}
