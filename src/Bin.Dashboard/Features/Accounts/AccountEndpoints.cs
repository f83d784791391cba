using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bin.Dashboard.Features.Accounts;

/// <summary>
/// /api/accounts (admins) and /api/account (the signed-in user: own password, MFA enrolment). Bad input → 400
/// naming the field, a taken user name → 409, an unknown account → 404.
/// </summary>
public static class AccountEndpoints
{
    public static IServiceCollection AddBinAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountCommands>();
        return services;
    }

    public sealed record CreateRequest(string? UserName, string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? NetworkIds, string? Password);

    /// <summary>Fields left out stay as they are.</summary>
    public sealed record ChangeRequest(string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<Guid>? NetworkIds, bool? Disabled);

    public sealed record PasswordRequest(string? Password);

    public sealed record OwnPasswordRequest(string? CurrentPassword, string? NewPassword);

    public sealed record CodeRequest(string? Code);

    public sealed record MfaStarted(string Secret, string OtpauthUri);

    public sealed record MfaConfirmed(IReadOnlyList<string> RecoveryCodes);

    public static IEndpointRouteBuilder MapBinAccounts(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/accounts").RequireAuthorization(Policies.Admin);

        admin.MapGet("", async (HttpContext http, AccountCommands accounts, CancellationToken ct) =>
                TypedResults.Ok(await accounts.ListAsync(http.User, ct)))
            .WithSummary("Every dashboard account: roles, networks, disabled, MFA, lockout.");

        admin.MapGet("/changes", async (HttpContext http, AccountCommands accounts, CancellationToken ct, int? limit) =>
                TypedResults.Ok(await accounts.ChangesAsync(http.User, Math.Clamp(limit ?? 200, 1, 1000), ct)))
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("The record of account changes, newest first: who, when, what.");

        admin.MapPost("", async (CreateRequest body, HttpContext http, AccountCommands accounts, CancellationToken ct) =>
            {
                var draft = new AccountDraft(body.UserName, body.DisplayName, body.Roles ?? [], body.NetworkIds ?? [], body.Password);
                var created = await accounts.CreateAsync(draft, http.User, ct);
                return TypedResults.Created($"/api/accounts/{created.UserName}", created);
            })
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)
            .WithSummary("Create an account: { userName, displayName, roles, networkIds, password } → 201.");

        admin.MapPut("/{userName}", async (string userName, ChangeRequest body, HttpContext http, AccountCommands accounts, CancellationToken ct) =>
                TypedResults.Ok(await accounts.UpdateAsync(userName, new AccountChangeDraft(body.DisplayName, body.Roles, body.NetworkIds, body.Disabled), http.User, ct)))
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Change { displayName?, roles?, networkIds?, disabled? }; rights taken away end the account's sessions.");

        admin.MapPost("/{userName}/password", async (string userName, PasswordRequest body, HttpContext http, AccountCommands accounts, CancellationToken ct) =>
            {
                await accounts.SetPasswordAsync(userName, body.Password, http.User, ct);
                return TypedResults.NoContent();
            })
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("Set a password { password }; the user chooses their own at the next sign-in.");

        admin.MapDelete("/{userName}/sessions", async (string userName, HttpContext http, AccountCommands accounts, CancellationToken ct) =>
            {
                await accounts.SignOutEverywhereAsync(userName, http.User, ct);
                return TypedResults.NoContent();
            })
            .Refuses(StatusCodes.Status404NotFound)
            .WithSummary("Sign the account out everywhere (cookies, tokens, refresh tokens, circuits, hub connections).");

        var own = app.MapGroup("/api/account");

        own.MapGet("", async (HttpContext http, AccountCommands accounts, BinPrincipals principals, CancellationToken ct) =>
                await accounts.LoadAsync(http.User.Identity?.Name ?? "", ct) is { } a
                    ? Results.Ok(new { userName = a.Id, a.DisplayName, a.Roles, a.NetworkIds, mfaEnabled = a.TwoFactorEnabled, pending = principals.PendingStep(a) })
                    : Results.NotFound())
            .Refuses(StatusCodes.Status404NotFound)
            .WithSummary("The signed-in account and what it must still do (pending: mfa, password).");

        own.MapPost("/password", async (OwnPasswordRequest body, HttpContext http, AccountCommands accounts, BinPrincipals principals, CancellationToken ct) =>
            {
                var account = await accounts.ChangeOwnPasswordAsync(http.User, body.CurrentPassword, body.NewPassword, ct);
                await RenewCookieAsync(http, principals, account);
                return TypedResults.NoContent();
            })
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("Change the own password { currentPassword, newPassword }; other sessions end.");

        own.MapPost("/mfa", async (HttpContext http, AccountCommands accounts, CancellationToken ct) =>
            {
                var (secret, uri) = await accounts.StartMfaAsync(http.User, ct);
                return TypedResults.Ok(new MfaStarted(secret, uri));
            })
            .Refuses(StatusCodes.Status409Conflict)
            .WithSummary("Start TOTP enrolment → { secret, otpauthUri }.");

        own.MapPost("/mfa/confirm", async (CodeRequest body, HttpContext http, AccountCommands accounts, BinPrincipals principals, CancellationToken ct) =>
            {
                var (account, codes) = await accounts.ConfirmMfaAsync(http.User, body.Code, ct);
                await RenewCookieAsync(http, principals, account);
                return TypedResults.Ok(new MfaConfirmed([.. codes]));
            })
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)
            .WithSummary("Confirm enrolment with a code { code } → { recoveryCodes } (shown once).");

        return app;
    }

    /// <summary>A cookie session that changed its own credentials continues with the new stamp; bearer clients sign in again.</summary>
    internal static async Task RenewCookieAsync(HttpContext http, BinPrincipals principals, UserAccount account)
    {
        if (http.User.Identity?.AuthenticationType == BinPrincipals.CookieAuthenticationType)
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principals.Create(account, BinPrincipals.CookieAuthenticationType));
    }
}
