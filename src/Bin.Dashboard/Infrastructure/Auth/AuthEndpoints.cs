using Bin.Dashboard.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Bin.Dashboard.Infrastructure.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapBinAuth(this IEndpointRouteBuilder app)
    {
        // Machine clients: user name and password → bearer token for the API and /hubs/live.
        app.MapPost("/api/auth/token", async (TokenRequest request, AccountService accounts, CancellationToken ct) =>
        {
            var result = await accounts.SignInAsync(request.Username, request.Password, BearerTokenDefaults.AuthenticationScheme, ct);
            return result.Outcome switch
            {
                SignInOutcome.Success => Results.SignIn(result.Principal!, authenticationScheme: BearerTokenDefaults.AuthenticationScheme),
                SignInOutcome.LockedOut => Problems.Unauthorized($"The account is locked after repeated failed sign-ins; try again after {result.LockedUntil:HH:mm} UTC."),
                _ => Problems.Unauthorized("Unknown user name or wrong password."),
            };
        }).AllowAnonymous();

        // The sign-in page posts here (a plain form with an antiforgery token).
        app.MapPost("/account/login", async ([FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl,
            HttpContext http, AccountService accounts, CancellationToken ct) =>
        {
            var result = await accounts.SignInAsync(username, password, CookieAuthenticationDefaults.AuthenticationScheme, ct);
            if (result.Outcome != SignInOutcome.Success)
            {
                var error = result.Outcome == SignInOutcome.LockedOut ? "locked" : "wrong";
                return Results.LocalRedirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}");
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();

        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        });
        return app;
    }

    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
