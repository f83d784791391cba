using System.Security.Claims;
using Bin.Dashboard.Infrastructure.Auth;
using Marten;
using Marten.Patching;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>
/// The console's per-user choices, kept on the user's <see cref="UserAccount"/> so they follow the user to any
/// browser and node. The toggle is written as a patch of that one property, so it never overwrites what Identity keeps
/// on the account (lockout counts, security stamp, password).
/// </summary>
public sealed class ConsolePreferences(IDocumentStore store)
{
    public async Task<bool> NewIncidentSoundAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (AccountId(user) is not { } id) return false;
        await using var session = store.QuerySession();
        return (await session.LoadAsync<UserAccount>(id, ct))?.NewIncidentSound ?? false;
    }

    public async Task SetNewIncidentSoundAsync(ClaimsPrincipal user, bool on, CancellationToken ct)
    {
        if (AccountId(user) is not { } id) return;
        await using var session = store.LightweightSession();
        session.Patch<UserAccount>(id).Set(a => a.NewIncidentSound, on);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The database could not be reached or refused the statement: the choice is not read or not stored.</summary>
    public static bool IsStorageFailure(Exception ex) => ex is Npgsql.NpgsqlException or Marten.Exceptions.MartenException or TimeoutException;

    private static string? AccountId(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name.ToLowerInvariant() : null;
}
