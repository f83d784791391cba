using System.Security.Claims;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Accounts;
using Bin.Domain.Networks;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Bin.Dashboard.Features.Accounts;

/// <summary>Refused because the user name is taken (→ 409).</summary>
public sealed class DuplicateAccountException(string userName)
    : DomainException(ServerMessages.AccountTaken.With(userName), "userName");

/// <summary>
/// Account management: admins create, change, disable accounts, set passwords and sign accounts out everywhere;
/// each user changes their own password and enrols MFA. Every change that touches rights or credentials replaces
/// the security stamp (so every session of the account ends within the revalidation interval) and is recorded
/// as an <see cref="AccountChange"/> in the same transaction.
/// </summary>
public sealed class AccountCommands(
    IDocumentStore store,
    UserManager<UserAccount> users,
    IPasswordHasher<UserAccount> hasher,
    SessionValidator sessions,
    NetworkCommands networks,
    TimeProvider clock,
    ILogger<AccountCommands> logger)
{
    public const int RecoveryCodeCount = 10;

    public async Task<IReadOnlyList<AccountView>> ListAsync(ClaimsPrincipal actor, CancellationToken ct)
    {
        EnsureAdmin(actor);
        await using var session = store.QuerySession();
        var accounts = await session.Query<UserAccount>().OrderBy(a => a.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return accounts.Select(a => View(a, now)).ToList();
    }

    public async Task<IReadOnlyList<AccountChange>> ChangesAsync(ClaimsPrincipal actor, int limit, CancellationToken ct)
    {
        EnsureAdmin(actor);
        await using var session = store.QuerySession();
        return await session.Query<AccountChange>().OrderByDescending(c => c.At).Take(limit).ToListAsync(ct);
    }

    public async Task<AccountView> CreateAsync(AccountDraft draft, ClaimsPrincipal actor, CancellationToken ct)
    {
        EnsureAdmin(actor);
        await using var session = store.LightweightSession();
        var (userName, displayName, roles, networkIds) = AccountRules.CheckNew(draft, Roles.All.ToList(), await KnownNetworksAsync(session, ct));
        if (await session.LoadAsync<UserAccount>(userName, ct) is not null) throw new DuplicateAccountException(userName);
        var now = clock.GetUtcNow();
        var account = new UserAccount
        {
            Id = userName, DisplayName = displayName, Roles = roles.ToList(), NetworkIds = [],
            SecurityStamp = NewStamp(), CreatedAt = now,
        };
        account.PasswordHash = hasher.HashPassword(account, draft.Password!);
        session.Insert(account);
        Record(session, userName, actor, now, [$"created: {string.Join(", ", roles)}"]);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            throw new DuplicateAccountException(userName);
        }
        logger.LogInformation("Account {Account} created", userName);
        // Networks go through the network's own coordinator workflow, the one the network page uses.
        foreach (var network in networkIds)
            await networks.AssignCoordinatorAsync(new AssignCoordinator(network, userName), actor, ct);
        return (await FindAsync(userName, ct))!;
    }

    public async Task<AccountView> UpdateAsync(string userName, AccountChangeDraft change, ClaimsPrincipal actor, CancellationToken ct)
    {
        EnsureAdmin(actor);
        var id = AccountRules.NormaliseUserName(userName);
        await using (var check = store.QuerySession())
        {
            var current = await check.LoadAsync<UserAccount>(id, ct) ?? throw new DomainException(ServerMessages.AccountNotFound.With(id), "id");
            var before = Facts(current);
            var after = AccountRules.Apply(before, change, Roles.All.ToList(), await KnownNetworksAsync(check, ct));
            if (id == ActorId(actor) && (after.Disabled || !after.Roles.Contains(Roles.Admin)))
                throw new AccountRuleException(after.Disabled ? "disabled" : "roles", "self", ServerMessages.AccountSelf);

            foreach (var added in after.NetworkIds.Except(before.NetworkIds))
                await networks.AssignCoordinatorAsync(new AssignCoordinator(added, id), actor, ct);
            foreach (var removed in before.NetworkIds.Except(after.NetworkIds))
                await networks.RemoveCoordinatorAsync(new RemoveCoordinator(removed, id), actor, ct);

            var rest = AccountRules.Describe(before, after with { NetworkIds = before.NetworkIds });
            if (rest.Count > 0)
                await ChangeAsync(id, actor, rest, a =>
                {
                    a.DisplayName = after.DisplayName;
                    a.Roles = after.Roles.ToList();
                    a.Disabled = after.Disabled;
                }, ct);
        }
        return (await FindAsync(id, ct))!;
    }

    /// <summary>An admin sets a password; the user chooses their own at the next sign-in.</summary>
    public async Task SetPasswordAsync(string userName, string? password, ClaimsPrincipal actor, CancellationToken ct)
    {
        EnsureAdmin(actor);
        var id = AccountRules.NormaliseUserName(userName);
        AccountRules.CheckPassword(id, password);
        await ChangeAsync(id, actor, ["password set by an admin"], a =>
        {
            a.PasswordHash = hasher.HashPassword(a, password!);
            a.MustChangePassword = true;
            a.FailedSignIns = 0;
            a.LockedUntil = null;
        }, ct);
    }

    public async Task SignOutEverywhereAsync(string userName, ClaimsPrincipal actor, CancellationToken ct)
    {
        EnsureAdmin(actor);
        await ChangeAsync(AccountRules.NormaliseUserName(userName), actor, ["signed out everywhere"], _ => { }, ct);
    }

    /// <summary>A user changes their own password (checking the current one); other sessions end.</summary>
    public async Task<UserAccount> ChangeOwnPasswordAsync(ClaimsPrincipal user, string? currentPassword, string? newPassword, CancellationToken ct)
    {
        var id = ActorId(user);
        var account = await users.FindByIdAsync(id) ?? throw new DomainException(ServerMessages.AccountGone, "id");
        if (string.IsNullOrEmpty(currentPassword) || !await users.CheckPasswordAsync(account, currentPassword))
            throw new AccountRuleException("currentPassword", "wrong", ServerMessages.AccountCurrentPasswordWrong);
        AccountRules.CheckPassword(id, newPassword, "newPassword");
        if (newPassword == currentPassword)
            throw new AccountRuleException("newPassword", "same", ServerMessages.AccountNewPasswordSame);
        return await ChangeAsync(id, user, ["password changed by its user"], a =>
        {
            a.PasswordHash = hasher.HashPassword(a, newPassword!);
            a.MustChangePassword = false;
        }, ct);
    }

    /// <summary>Starts TOTP enrolment: a new secret, not used for sign-in until a code from it is confirmed.</summary>
    public async Task<(string Secret, string OtpAuthUri)> StartMfaAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(ActorId(user)) ?? throw new DomainException(ServerMessages.AccountGone, "id");
        if (account.TwoFactorEnabled)
            throw new DomainException(ServerMessages.AccountMfaAlreadySetUp);
        // Stored without a new stamp: starting enrolment must not end the session that is enrolling.
        account.AuthenticatorKey = users.GenerateNewAuthenticatorKey();
        await users.UpdateAsync(account);
        return (account.AuthenticatorKey, OtpAuthUri(account));
    }

    /// <summary>Confirms enrolment with a code from the app: MFA is on, ten recovery codes are shown once.</summary>
    public async Task<(UserAccount Account, IReadOnlyList<string> RecoveryCodes)> ConfirmMfaAsync(ClaimsPrincipal user, string? code, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(ActorId(user)) ?? throw new DomainException(ServerMessages.AccountGone, "id");
        if (account.TwoFactorEnabled) throw new DomainException(ServerMessages.AccountMfaAlreadySetUp);
        if (string.IsNullOrEmpty(account.AuthenticatorKey)) throw new DomainException(ServerMessages.AccountMfaStartFirst);
        var typed = (code ?? "").Replace(" ", "").Trim();
        if (typed.Length != 6 || !typed.All(char.IsAsciiDigit))
            throw new AccountRuleException("code", "format", ServerMessages.AccountCodeFormat);
        if (!await users.VerifyTwoFactorTokenAsync(account, TokenOptions.DefaultAuthenticatorProvider, typed))
            throw new AccountRuleException("code", "wrong", ServerMessages.AccountCodeWrong);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount))!.ToList();
        // Turning MFA on replaces the stamp: sessions signed in with the password alone end.
        await users.SetTwoFactorEnabledAsync(account, true);
        await RecordAsync(account.Id, user, ["two-step sign-in enabled"], ct);
        sessions.Forget(account.Id);
        return (account, codes);
    }

    public string OtpAuthUri(UserAccount account) =>
        $"otpauth://totp/{Uri.EscapeDataString("BIN")}:{Uri.EscapeDataString(account.Id)}?secret={account.AuthenticatorKey}&issuer=BIN&digits=6&period=30";

    public async Task<UserAccount?> LoadAsync(string userName, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UserAccount>(AccountRules.NormaliseUserName(userName), ct);
    }

    private async Task<AccountView?> FindAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } account ? View(account, clock.GetUtcNow()) : null;

    /// <summary>Loads, changes, replaces the stamp and records — one transaction.</summary>
    private async Task<UserAccount> ChangeAsync(string id, ClaimsPrincipal actor, IReadOnlyList<string> what, Action<UserAccount> change, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<UserAccount>(id, ct) ?? throw new DomainException(ServerMessages.AccountNotFound.With(id), "id");
        change(account);
        account.SecurityStamp = NewStamp();
        session.Update(account);
        Record(session, id, actor, clock.GetUtcNow(), what);
        await session.SaveChangesAsync(ct);
        sessions.Forget(id);
        logger.LogInformation("Account {Account} changed ({Fields})", id, string.Join("; ", what.Select(w => w.Split(':')[0])));
        return account;
    }

    private async Task RecordAsync(string id, ClaimsPrincipal actor, IReadOnlyList<string> what, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        Record(session, id, actor, clock.GetUtcNow(), what);
        await session.SaveChangesAsync(ct);
    }

    internal static void Record(IDocumentSession session, string account, ClaimsPrincipal actor, DateTimeOffset at, IReadOnlyList<string> what) =>
        session.Insert(new AccountChange { Id = Guid.NewGuid(), Account = account, By = ActorId(actor), At = at, What = what.ToList() });

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static string ActorId(ClaimsPrincipal actor) => actor.FindFirstValue(ClaimTypes.NameIdentifier) ?? actor.Identity?.Name ?? "";

    private static AccountFacts Facts(UserAccount a) => new(a.DisplayName, a.Roles, a.NetworkIds, a.Disabled);

    private static AccountView View(UserAccount a, DateTimeOffset now) =>
        new(a.Id, a.DisplayName, a.Roles, a.NetworkIds, a.Disabled, a.TwoFactorEnabled, a.MustChangePassword, a.LockedUntil > now);

    private static async Task<IReadOnlySet<Guid>> KnownNetworksAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<NetworkView>().Select(v => v.Id).ToListAsync(ct)).ToHashSet();

    private static void EnsureAdmin(ClaimsPrincipal actor)
    {
        if (!actor.IsInRole(Roles.Admin)) throw new UnauthorizedAccessException(ServerMessages.AccountAdminsOnly.With().ToString());
    }
}
