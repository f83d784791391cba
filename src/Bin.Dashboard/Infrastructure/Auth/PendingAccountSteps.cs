namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// An account that must enrol MFA or choose a new password (<c>bin:pending</c>) reaches only /account and what it
/// needs: pages redirect there, the API answers 403. Its principal carries no roles either, so nothing else
/// would authorise it anyway; this makes the way forward obvious.
/// </summary>
public static class PendingAccountSteps
{
    private static readonly string[] Allowed = ["/account", "/api/account", "/api/auth", "/login", "/culture", "/_blazor", "/_framework", "/_content", "/health"];

    public static IApplicationBuilder UseBinPendingAccountSteps(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var pending = http.User.FindFirst(BinClaims.Pending)?.Value;
            var path = http.Request.Path;
            var api = path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");
            // Static files (a path with an extension outside the API) are served to anyone.
            if (pending is null || Allowed.Any(a => path.StartsWithSegments(a)) || (!api && Path.HasExtension(path.Value)))
            {
                await next(http);
                return;
            }
            if (api)
            {
                await Results.Problem(
                    detail: pending == PendingSteps.Mfa
                        ? "This account must set up two-step sign-in first (POST /api/account/mfa)."
                        : "This account must choose a new password first (POST /api/account/password).",
                    statusCode: StatusCodes.Status403Forbidden, title: "Account step pending").ExecuteAsync(http);
                return;
            }
            http.Response.Redirect("/account");
        });
}
