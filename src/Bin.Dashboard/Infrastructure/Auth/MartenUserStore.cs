using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// Identity's user store over the <see cref="UserAccount"/> Marten documents. Identity keeps its logic (hashing,
/// lockout, security stamp, TOTP, recovery codes); this class only loads and saves. Each call uses its own session;
/// sign-in serialises the calls for one account with <see cref="AccountLock"/>.
/// </summary>
public sealed class MartenUserStore(IDocumentStore store) :
    IUserPasswordStore<UserAccount>,
    IUserSecurityStampStore<UserAccount>,
    IUserLockoutStore<UserAccount>,
    IUserTwoFactorStore<UserAccount>,
    IUserAuthenticatorKeyStore<UserAccount>,
    IUserTwoFactorRecoveryCodeStore<UserAccount>
{
    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.Id);
    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.Id);

    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken ct)
    {
        user.Id = (userName ?? "").Trim().ToLowerInvariant();
        return Task.CompletedTask;
    }

    // The id is the normalised name: Identity's upper-case normal form is lowered again on lookup.
    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.Id.ToUpperInvariant());
    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;

    public async Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Insert(user);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.Id));
        }
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Update(user);
        await session.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Delete(user);
        await session.SaveChangesAsync(ct);
        return IdentityResult.Success;
    }

    public async Task<UserAccount?> FindByIdAsync(string userId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UserAccount>(userId.Trim().ToLowerInvariant(), ct);
    }

    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => FindByIdAsync(normalizedUserName, ct);

    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken ct)
    {
        user.PasswordHash = passwordHash ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken ct) =>
        Task.FromResult<string?>(user.PasswordHash.Length == 0 ? null : user.PasswordHash);

    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash.Length > 0);

    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken ct)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.LockedUntil);

    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockedUntil = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Task.FromResult(++user.FailedSignIns);

    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken ct)
    {
        user.FailedSignIns = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.FailedSignIns);

    // Every account locks out; there is no account that may guess forever.
    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken ct) => Task.FromResult(true);
    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken ct) => Task.CompletedTask;

    public Task SetTwoFactorEnabledAsync(UserAccount user, bool enabled, CancellationToken ct)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(UserAccount user, string key, CancellationToken ct)
    {
        user.AuthenticatorKey = key;
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(UserAccount user, IEnumerable<string> recoveryCodes, CancellationToken ct)
    {
        user.RecoveryCodeHashes = recoveryCodes.Select(Hash).ToList();
        return Task.CompletedTask;
    }

    public Task<bool> RedeemCodeAsync(UserAccount user, string code, CancellationToken ct) =>
        Task.FromResult(user.RecoveryCodeHashes.Remove(Hash(code)));

    public Task<int> CountCodesAsync(UserAccount user, CancellationToken ct) => Task.FromResult(user.RecoveryCodeHashes.Count);

    private static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().Replace("-", "").ToUpperInvariant())));

    public void Dispose() { }
}
