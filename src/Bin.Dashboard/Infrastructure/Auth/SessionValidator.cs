using System.Security.Claims;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// The one check that a session (cookie, bearer or refresh token, circuit, hub connection) still stands: its
/// security stamp equals the account's and the account is enabled. Per-request checks (cookie, bearer) trust a
/// stamp cached for <see cref="AuthOptions.RevalidationInterval"/>; periodic ones (circuits, hubs, refresh) read
/// the database, as does any mismatch with the cached stamp. A change on this node forgets the cached stamp at once.
/// </summary>
public sealed class SessionValidator(IDocumentStore store, IMemoryCache cache, IOptions<AuthOptions> options) : IAccountStamps
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, bool fresh, CancellationToken ct)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(BinPrincipals.SecurityStampClaim);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(stamp)) return false;
        if (!fresh && await CachedStampAsync(id, ct) == stamp) return true;
        // A mismatch may be a session newer than the cached stamp (signed in again after a change made on another
        // node, or by code that does not forget it): the database decides, and the cache learns the answer.
        var current = await LoadStampAsync(id, ct);
        cache.Set(Key(id), current, options.Value.RevalidationInterval);
        return current == stamp;
    }

    /// <summary>The stamps of many accounts at once (hubs and circuits); a missing or disabled account has none.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CurrentStampsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var accounts = await session.LoadManyAsync<UserAccount>(ct, ids);
        return accounts.Where(a => !a.Disabled).ToDictionary(a => a.Id, a => a.SecurityStamp);
    }

    public void Forget(string accountId) => cache.Remove(Key(accountId));

    private async Task<string?> CachedStampAsync(string id, CancellationToken ct) =>
        await cache.GetOrCreateAsync(Key(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.Value.RevalidationInterval;
            return await LoadStampAsync(id, ct);
        });

    private async Task<string?> LoadStampAsync(string id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<UserAccount>(id, ct);
        return account is null || account.Disabled ? null : account.SecurityStamp;
    }

    private static string Key(string id) => "bin:stamp:" + id;
}

/// <summary>The current security stamps of accounts, read together.</summary>
public interface IAccountStamps
{
    /// <summary>A stamp per enabled account found; a missing or disabled account has none.</summary>
    Task<IReadOnlyDictionary<string, string>> CurrentStampsAsync(IReadOnlyCollection<string> ids, CancellationToken ct);
}
