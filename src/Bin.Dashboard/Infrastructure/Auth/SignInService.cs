using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Bin.Dashboard.Infrastructure.Auth;

public enum SignInOutcome { Success, WrongCredentials, LockedOut, MfaRequired, Disabled }

public sealed record BinSignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal = null, DateTimeOffset? LockedUntil = null, UserAccount? Account = null);

/// <summary>
/// The one sign-in path for the form and the token endpoint: Identity checks the password (hash, lockout, disabled
/// accounts) and, for accounts with MFA, the TOTP or a recovery code — all under <see cref="AccountLock"/>, so
/// concurrent attempts for one account are evaluated one by one.
/// </summary>
public sealed class SignInService(
    UserManager<UserAccount> users,
    SignInManager<UserAccount> signIn,
    IPasswordHasher<UserAccount> hasher,
    AccountLock accountLock,
    BinPrincipals principals,
    ILogger<SignInService> logger)
{
    public async Task<BinSignInResult> SignInAsync(string? userName, string? password, string? otp, string authenticationType, CancellationToken ct)
    {
        var id = (userName ?? "").Trim().ToLowerInvariant();
        if (id.Length == 0 || string.IsNullOrEmpty(password)) return new(SignInOutcome.WrongCredentials);

        await using var held = await accountLock.AcquireAsync(id, ct);
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            // Same work as a real check, so response time does not reveal which names exist.
            hasher.VerifyHashedPassword(new UserAccount(), DummyHash, password);
            logger.LogInformation("Sign-in refused for an unknown account");
            return new(SignInOutcome.WrongCredentials);
        }

        var check = await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {Account} is locked", account.Id);
            return new(SignInOutcome.LockedOut, LockedUntil: account.LockedUntil);
        }
        if (check.IsNotAllowed) return new(SignInOutcome.Disabled);
        if (!check.Succeeded) return new(SignInOutcome.WrongCredentials);

        if (account.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(otp)) return new(SignInOutcome.MfaRequired);
            if (!await SecondFactorHoldsAsync(account, otp))
            {
                await users.AccessFailedAsync(account);
                logger.LogWarning("Sign-in refused: wrong second factor for account {Account}", account.Id);
                return await users.IsLockedOutAsync(account)
                    ? new(SignInOutcome.LockedOut, LockedUntil: account.LockedUntil)
                    : new(SignInOutcome.MfaRequired);
            }
            await users.ResetAccessFailedCountAsync(account);
        }

        // Accounts written before Identity managed them have no stamp yet.
        if (string.IsNullOrEmpty(account.SecurityStamp)) await users.UpdateSecurityStampAsync(account);
        logger.LogInformation("Account {Account} signed in", account.Id);
        return new(SignInOutcome.Success, principals.Create(account, authenticationType), Account: account);
    }

    /// <summary>A six-digit TOTP (RFC 6238, Identity's authenticator provider) or one of the recovery codes, once.</summary>
    private async Task<bool> SecondFactorHoldsAsync(UserAccount account, string otp)
    {
        var code = otp.Replace(" ", "").Trim();
        if (code.Length == 6 && code.All(char.IsAsciiDigit))
            return await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, code);
        return (await users.RedeemTwoFactorRecoveryCodeAsync(account, code)).Succeeded;
    }

    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), "not-a-password");
}
