using System.Security.Claims;
using Bin.Dashboard.Infrastructure.Http;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Auth;

public sealed record TokenRequest(string? Username, string? Password, string? Otp);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>A refresh token that has been exchanged: a second use of the same token is refused.</summary>
public sealed class ConsumedRefreshToken
{
    public string Id { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapBinAuth(this IEndpointRouteBuilder app)
    {
        // Machine clients: user name, password and (with MFA) a TOTP or recovery code → bearer + refresh token.
        app.MapPost("/api/auth/token", async (TokenRequest request, SignInService signIn, CancellationToken ct) =>
        {
            var result = await signIn.SignInAsync(request.Username, request.Password, request.Otp, BinPrincipals.BearerAuthenticationType, ct);
            return result.Outcome switch
            {
                SignInOutcome.Success => Results.SignIn(result.Principal!, authenticationScheme: BearerTokenDefaults.AuthenticationScheme),
                SignInOutcome.LockedOut => Problems.Unauthorized($"The account is locked after repeated failed sign-ins; try again after {result.LockedUntil:HH:mm} UTC."),
                SignInOutcome.Disabled => Problems.Unauthorized("This account is disabled."),
                SignInOutcome.MfaRequired => Results.Problem(
                    detail: string.IsNullOrWhiteSpace(request.Otp)
                        ? "This account uses two-step sign-in: send the code of the authenticator app (or a recovery code) as 'otp'."
                        : "The code is wrong or expired.",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in",
                    extensions: new Dictionary<string, object?> { ["mfaRequired"] = true }),
                _ => Problems.Unauthorized("Unknown user name or wrong password."),
            };
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy);

        // A refresh token is exchanged once for a new pair, and only while the account's security stamp is unchanged.
        app.MapPost("/api/auth/refresh", async (RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer, SessionValidator sessions,
            IDocumentStore store, BinPrincipals principals, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(request.RefreshToken)) return Problems.Field("refreshToken", "A refresh token is required.");
            var ticket = bearer.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            var tokenId = ticket?.Principal.FindFirstValue(BinClaims.RefreshTokenId);
            if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow() || tokenId is null
                || !await sessions.IsCurrentAsync(ticket.Principal, fresh: true, ct))
                return Problems.Unauthorized("The refresh token is invalid, expired or revoked; sign in again.");

            await using var session = store.LightweightSession();
            var account = await session.LoadAsync<UserAccount>(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
            if (account is null) return Problems.Unauthorized("The refresh token is invalid, expired or revoked; sign in again.");
            session.Insert(new ConsumedRefreshToken { Id = tokenId, ExpiresAt = expires });
            // A consumed token only needs remembering until it would have expired anyway.
            var now = clock.GetUtcNow();
            session.DeleteWhere<ConsumedRefreshToken>(t => t.ExpiresAt < now);
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (JasperFx.DocumentAlreadyExistsException)
            {
                return Problems.Unauthorized("This refresh token has been used already; sign in again.");
            }
            return Results.SignIn(principals.Create(account, BinPrincipals.BearerAuthenticationType), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy);

        // The sign-in page posts here (a plain form with an antiforgery token).
        app.MapPost("/account/login", async ([FromForm] string? username, [FromForm] string? password, [FromForm] string? otp, [FromForm] string? returnUrl,
            HttpContext http, SignInService signIn, CancellationToken ct) =>
        {
            var result = await signIn.SignInAsync(username, password, otp, BinPrincipals.CookieAuthenticationType, ct);
            if (result.Outcome != SignInOutcome.Success)
            {
                var error = result.Outcome switch
                {
                    SignInOutcome.LockedOut => "locked",
                    SignInOutcome.Disabled => "disabled",
                    SignInOutcome.MfaRequired => string.IsNullOrWhiteSpace(otp) ? "mfa" : "mfa-wrong",
                    _ => "wrong",
                };
                var name = Uri.EscapeDataString((username ?? "").Trim());
                return Results.LocalRedirect($"/login?error={error}&username={name}&returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}");
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal!);
            return result.Principal!.HasClaim(c => c.Type == BinClaims.Pending)
                ? Results.LocalRedirect("/account")
                : Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy);

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
