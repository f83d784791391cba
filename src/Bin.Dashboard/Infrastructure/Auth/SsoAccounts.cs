using System.Security.Claims;
using Marten;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// A single-sign-on user gets a local account of their own (no password), so their session carries a security stamp
/// like everyone's: disabling the account, "sign out everywhere" or a change of groups ends it within the same minute.
/// At each sign-in the roles and networks follow the provider's groups (a change replaces the stamp). A local account
/// of the same name is never taken over.
/// </summary>
public sealed class SsoAccounts(IDocumentStore store, AccountLock locks, BinPrincipals principals, TimeProvider clock, ILogger<SsoAccounts> logger)
{
    public async Task<ClaimsPrincipal?> SignInAsync(ClaimsPrincipal mapped, string provider, CancellationToken ct)
    {
        var name = mapped.Identity?.Name;
        if (string.IsNullOrWhiteSpace(name)) return null;
        var roles = mapped.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().Order().ToList();
        var networks = mapped.FindAll(BinClaims.Network).Select(c => Guid.Parse(c.Value)).Distinct().Order().ToList();
        var displayName = mapped.FindFirstValue("display_name") ?? name;

        var id = name.ToLowerInvariant();
        // Two sign-ins of a new user at once must not both create the account.
        await using var held = await locks.AcquireAsync(id, ct);
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<UserAccount>(id, ct);
        if (account is null)
            account = new UserAccount { Id = id, ExternalProvider = provider, CreatedAt = clock.GetUtcNow(), SecurityStamp = Guid.NewGuid().ToString("N") };
        else if (account.ExternalProvider != provider)
        {
            logger.LogWarning("Single sign-on refused for {Account}: a local account of that name exists", id);
            return null;
        }
        if (account.Disabled)
        {
            logger.LogWarning("Single sign-on refused for {Account}: the account is disabled", id);
            return null;
        }
        if (!account.Roles.Order().SequenceEqual(roles) || !account.NetworkIds.Order().SequenceEqual(networks))
        {
            account.Roles = roles;
            account.NetworkIds = networks;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        account.DisplayName = displayName;
        session.Store(account);
        await session.SaveChangesAsync(ct);

        var principal = principals.Create(account, BinPrincipals.CookieAuthenticationType);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(OidcClaims.Provider, provider));
        return principal;
    }
}
