using System.Security.Claims;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// The dashboard's identity for a user signed in at the identity provider: their name, and the roles and networks
/// their groups map to. Only mapped claims enter the cookie, never the provider's whole token.
/// </summary>
public static class OidcClaims
{
    public const string AuthenticationType = "oidc";

    /// <summary>Claim saying which provider signed the user in (audit; local accounts have none).</summary>
    public const string Provider = "bin:idp";

    /// <summary>The user's identity, or null when none of their groups is mapped (the sign-in is refused).</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal external, OidcOptions options)
    {
        var groups = external.FindAll(options.GroupsClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var matched = options.GroupMappings.Where(m => groups.Contains(m.Group)).ToList();
        var roles = matched.Select(m => m.Role).OfType<string>().Distinct().ToList();
        var networks = matched.SelectMany(m => m.NetworkIds).Distinct().ToList();
        // Networks alone make a coordinator; a role must be there for anything else.
        if (roles.Count == 0 && networks.Count > 0) roles.Add(Roles.Coordinator);
        if (roles.Count == 0) return null;

        var name = external.FindFirst("preferred_username")?.Value ?? external.FindFirst(ClaimTypes.Upn)?.Value
            ?? external.FindFirst("email")?.Value ?? external.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? external.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(name)) return null;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, name),
            new(ClaimTypes.Name, name),
            new("display_name", external.FindFirst("name")?.Value ?? name),
            new(Provider, options.Authority!),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(networks.Select(n => new Claim(BinClaims.Network, n.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
