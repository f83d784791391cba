using Marten;
using Microsoft.AspNetCore.Identity;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// Writes an account without the password policy: the demo seed (password <c>bin-demo</c>), the bootstrap admin and
/// test hosts. People's accounts are made by admins through <c>AccountCommands</c>, which applies the policy.
/// </summary>
public sealed class AccountProvisioning(IDocumentStore store, IPasswordHasher<UserAccount> hasher, TimeProvider clock)
{
    public async Task CreateOrUpdateAsync(string userName, string displayName, string password, IEnumerable<string> roles, IEnumerable<Guid> networkIds, CancellationToken ct)
    {
        var account = new UserAccount
        {
            Id = userName.ToLowerInvariant(),
            DisplayName = displayName,
            Roles = roles.ToList(),
            NetworkIds = networkIds.ToList(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        await using var session = store.LightweightSession();
        session.Store(account);
        await session.SaveChangesAsync(ct);
    }
}
