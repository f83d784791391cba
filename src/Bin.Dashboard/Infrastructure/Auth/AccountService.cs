using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Auth;

public enum SignInOutcome { Success, WrongCredentials, LockedOut }

public sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal, DateTimeOffset? LockedUntil);

/// <summary>Checks credentials and keeps the lockout count: the one sign-in path for cookie and bearer.</summary>
public sealed class AccountService(
    IDocumentStore store,
    IPasswordHasher<UserAccount> hasher,
    IOptions<AuthOptions> options,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public async Task<SignInResult> SignInAsync(string? userName, string? password, string authenticationType, CancellationToken ct)
    {
        var id = (userName ?? "").Trim().ToLowerInvariant();
        if (id.Length == 0 || string.IsNullOrEmpty(password))
            return new SignInResult(SignInOutcome.WrongCredentials, null, null);

        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<UserAccount>(id, ct);
        if (account is null)
        {
            // Same work as a real check, so response time does not reveal which names exist.
            hasher.VerifyHashedPassword(new UserAccount(), DummyHash, password);
            logger.LogInformation("Sign-in refused for an unknown account");
            return new SignInResult(SignInOutcome.WrongCredentials, null, null);
        }

        var now = clock.GetUtcNow();
        if (account.LockedUntil > now)
        {
            logger.LogWarning("Sign-in refused: account {Account} is locked until {LockedUntil}", account.Id, account.LockedUntil);
            return new SignInResult(SignInOutcome.LockedOut, null, account.LockedUntil);
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            if (account.FailedSignIns >= options.Value.MaxFailedSignIns)
            {
                account.LockedUntil = now + options.Value.LockoutDuration;
                account.FailedSignIns = 0;
                logger.LogWarning("Account {Account} locked after repeated failed sign-ins", account.Id);
            }
            session.Store(account);
            await session.SaveChangesAsync(ct);
            return new SignInResult(account.LockedUntil > now ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, null, account.LockedUntil);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            account.PasswordHash = hasher.HashPassword(account, password);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        session.Store(account);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Account {Account} signed in", account.Id);
        return new SignInResult(SignInOutcome.Success, CreatePrincipal(account, authenticationType), null);
    }

    public static ClaimsPrincipal CreatePrincipal(UserAccount account, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.Id),
            new("display_name", account.DisplayName),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(account.NetworkIds.Select(n => new Claim(BinClaims.Network, n.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public async Task CreateOrUpdateAsync(string userName, string displayName, string password, IEnumerable<string> roles, IEnumerable<Guid> networkIds, CancellationToken ct)
    {
        var account = new UserAccount
        {
            Id = userName.ToLowerInvariant(),
            DisplayName = displayName,
            Roles = roles.ToList(),
            NetworkIds = networkIds.ToList(),
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        await using var session = store.LightweightSession();
        session.Store(account);
        await session.SaveChangesAsync(ct);
    }

    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), "not-a-password");
}
