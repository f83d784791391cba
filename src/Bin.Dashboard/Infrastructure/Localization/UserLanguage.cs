using System.Security.Claims;
using Bin.Dashboard.Infrastructure.Auth;
using Marten;
using Marten.Patching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>
/// The language stored on a user's account. Read on every page request and circuit of a signed-in user, so it is
/// cached per node for <see cref="AuthOptions.RevalidationInterval"/> (like the security stamp): a choice made on
/// another node reaches this one within that time, a choice made here at once.
/// </summary>
public sealed class UserLanguage(IDocumentStore store, IMemoryCache cache, IOptions<AuthOptions> options)
{
    /// <summary>The signed-in account's chosen language ("nl", "fr", "en"), or null when it chose none.</summary>
    public async Task<string?> OfAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id) return null;
        return await cache.GetOrCreateAsync(Key(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.Value.RevalidationInterval;
            await using var session = store.QuerySession();
            return UiCultures.Recognise((await session.LoadAsync<UserAccount>(id, ct))?.Language);
        });
    }

    /// <summary>Stores the choice on the account. A patch of that one field, so it cannot undo a concurrent change of rights.</summary>
    public async Task SetAsync(ClaimsPrincipal user, string language, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id) return;
        var code = UiCultures.Recognise(language) ?? throw new ArgumentException($"'{language}' is not a UI language.", nameof(language));
        await using var session = store.LightweightSession();
        session.Patch<UserAccount>(id).Set(a => a.Language, code);
        await session.SaveChangesAsync(ct);
        cache.Set(Key(id), code, options.Value.RevalidationInterval);
    }

    private static string Key(string id) => "bin:language:" + id;
}
