using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
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

    public static IEndpointRouteBuilder MapBinAccounts(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/accounts").RequireAuthorization(Policies.Admin);

        admin.MapGet("", (HttpContext http, AccountCommands accounts, CancellationToken ct) => Run(async () =>
            Results.Ok(await accounts.ListAsync(http.User, ct))))
            .WithSummary("Every dashboard account: roles, networks, disabled, MFA, lockout.");

        admin.MapGet("/changes", (HttpContext http, AccountCommands accounts, CancellationToken ct, int? limit) => Run(async () =>
            Results.Ok(await accounts.ChangesAsync(http.User, Math.Clamp(limit ?? 200, 1, 1000), ct))))
            .WithSummary("The record of account changes, newest first: who, when, what.");

        admin.MapPost("", (HttpContext http, AccountCommands accounts, CancellationToken ct) => Run(async () =>
        {
            var body = await JsonBody.ReadAsync(http.Request, ct);
            var draft = new AccountDraft(body.OptionalString("userName"), body.OptionalString("displayName"),
                body.StringList("roles"), body.GuidList("networkIds"), body.OptionalString("password"));
            var created = await accounts.CreateAsync(draft, http.User, ct);
            return Results.Created($"/api/accounts/{created.UserName}", created);
        })).WithSummary("Create an account: { userName, displayName, roles, networkIds, password } → 201.");

        admin.MapPut("/{userName}", (string userName, HttpContext http, AccountCommands accounts, CancellationToken ct) => Run(async () =>
        {
            var body = await JsonBody.ReadAsync(http.Request, ct);
            var change = new AccountChangeDraft(body.OptionalString("displayName"),
                body.Has("roles") ? body.StringList("roles") : null,
                body.Has("networkIds") ? body.GuidList("networkIds") : null,
                body.OptionalBool("disabled"));
            return Results.Ok(await accounts.UpdateAsync(userName, change, http.User, ct));
        })).WithSummary("Change { displayName?, roles?, networkIds?, disabled? }; rights taken away end the account's sessions.");

        admin.MapPost("/{userName}/password", (string userName, HttpContext http, AccountCommands accounts, CancellationToken ct) => Run(async () =>
        {
            var body = await JsonBody.ReadAsync(http.Request, ct);
            await accounts.SetPasswordAsync(userName, body.OptionalString("password"), http.User, ct);
            return Results.NoContent();
        })).WithSummary("Set a password { password }; the user chooses their own at the next sign-in.");

        admin.MapDelete("/{userName}/sessions", (string userName, HttpContext http, AccountCommands accounts, CancellationToken ct) => Run(async () =>
        {
            await accounts.SignOutEverywhereAsync(userName, http.User, ct);
            return Results.NoContent();
        })).WithSummary("Sign the account out everywhere (cookies, tokens, refresh tokens, circuits, hub connections).");

        var own = app.MapGroup("/api/account");

        own.MapGet("", async (HttpContext http, AccountCommands accounts, BinPrincipals principals, CancellationToken ct) =>
            await accounts.LoadAsync(http.User.Identity?.Name ?? "", ct) is { } a
                ? Results.Ok(new { userName = a.Id, a.DisplayName, a.Roles, a.NetworkIds, mfaEnabled = a.TwoFactorEnabled, pending = principals.PendingStep(a) })
                : Results.NotFound())
            .WithSummary("The signed-in account and what it must still do (pending: mfa, password).");

        own.MapPost("/password", (HttpContext http, AccountCommands accounts, BinPrincipals principals, CancellationToken ct) => Run(async () =>
        {
            var body = await JsonBody.ReadAsync(http.Request, ct);
            var account = await accounts.ChangeOwnPasswordAsync(http.User, body.OptionalString("currentPassword"), body.OptionalString("newPassword"), ct);
            await RenewCookieAsync(http, principals, account);
            return Results.NoContent();
        })).WithSummary("Change the own password { currentPassword, newPassword }; other sessions end.");

        own.MapPost("/mfa", (HttpContext http, AccountCommands accounts, CancellationToken ct) => Run(async () =>
        {
            var (secret, uri) = await accounts.StartMfaAsync(http.User, ct);
            return Results.Ok(new { secret, otpauthUri = uri });
        })).WithSummary("Start TOTP enrolment → { secret, otpauthUri }.");

        own.MapPost("/mfa/confirm", (HttpContext http, AccountCommands accounts, BinPrincipals principals, CancellationToken ct) => Run(async () =>
        {
            var body = await JsonBody.ReadAsync(http.Request, ct);
            var (account, codes) = await accounts.ConfirmMfaAsync(http.User, body.OptionalString("code"), ct);
            await RenewCookieAsync(http, principals, account);
            return Results.Ok(new { recoveryCodes = codes });
        })).WithSummary("Confirm enrolment with a code { code } → { recoveryCodes } (shown once).");

        return app;
    }

    /// <summary>A cookie session that changed its own credentials continues with the new stamp; bearer clients sign in again.</summary>
    internal static async Task RenewCookieAsync(HttpContext http, BinPrincipals principals, UserAccount account)
    {
        if (http.User.Identity?.AuthenticationType == BinPrincipals.CookieAuthenticationType)
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principals.Create(account, BinPrincipals.CookieAuthenticationType));
    }

    private static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (DuplicateAccountException ex)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Already exists");
        }
        catch (DomainException ex) when (ex.Field == "id")
        {
            return Problems.NotFound(ex.Message);
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now");
        }
        catch (DomainException ex)
        {
            return Problems.From(ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Problems.Forbidden(ex.Message);
        }
        catch (Features.Networks.NetworkAccessDeniedException ex)
        {
            return Problems.Forbidden(ex.Message);
        }
    }
}
