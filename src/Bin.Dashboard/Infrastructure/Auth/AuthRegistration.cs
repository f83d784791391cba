using Bin.Dashboard.Infrastructure.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Bin.Dashboard.Infrastructure.Auth;

public static class AuthRegistration
{
    private const string SmartScheme = "bin";

    public static IServiceCollection AddBinAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

        // ASP.NET Core Identity over Marten documents (MartenUserStore): its hasher, lockout, security stamp,
        // authenticator (TOTP, RFC 6238) and recovery codes. Sessions are our own cookie and bearer schemes below.
        // A singleton hasher (stateless) so the seeder and provisioning, singletons themselves, can use it; Identity only TryAdds its own.
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddIdentityCore<UserAccount>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = auth.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                // Disabled accounts are "not confirmed" (AccountConfirmation): Identity then refuses their sign-in.
                o.SignIn.RequireConfirmedAccount = true;
                o.ClaimsIdentity.SecurityStampClaimType = BinPrincipals.SecurityStampClaim;
                o.ClaimsIdentity.UserIdClaimType = System.Security.Claims.ClaimTypes.NameIdentifier;
            })
            .AddUserStore<MartenUserStore>()
            .AddSignInManager()
            .AddTokenProvider<AuthenticatorTokenProvider<UserAccount>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<IUserConfirmation<UserAccount>, AccountConfirmation>();
        services.AddMemoryCache();
        services.AddSingleton<AccountLock>();
        services.AddSingleton<BinPrincipals>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<IAccountStamps>(sp => sp.GetRequiredService<SessionValidator>());
        services.AddSingleton<CircuitStamps>();
        services.AddSingleton<AccountProvisioning>();
        services.AddScoped<SignInService>();
        services.AddHostedService<AccountSeeder>();
        // Registered before AddInteractiveServerComponents, whose default provider is only added when none is.
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthState>();
        services.AddBinHubRevocation();
        services.AddBinSignInRateLimit(auth);
        services.AddBinForwardedHeaders(configuration);

        services.AddAuthentication(SmartScheme)
            // Machine clients send a bearer token (header, or access_token on the hub's query string);
            // browsers carry the cookie. One policy scheme picks per request.
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query.ContainsKey("access_token"))
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "bin.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                // The session dies when the account's security stamp changes (rights, password, disabled, sign-out everywhere).
                o.Events.OnValidatePrincipal = CookieRevocation.ValidatePrincipalAsync;
                // The API and the hub answer with status codes, never with a redirect to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => StatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => StatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme, o =>
            {
                o.BearerTokenExpiration = auth.BearerTokenLifetime;
                o.RefreshTokenExpiration = auth.RefreshTokenLifetime;
                o.Events.OnMessageReceived = ctx =>
                {
                    // WebSockets cannot carry headers: SignalR clients pass the token in the query string.
                    var token = ctx.Request.Query["access_token"];
                    if (!string.IsNullOrEmpty(token) && ctx.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        ctx.Token = token;
                    return BearerRevocation.CheckAsync(ctx);
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ZoneView, p => p.RequireRole(Roles.Dispatcher, Roles.Officer, Roles.Chief, Roles.Admin))
            .AddPolicy(Policies.Dispatch, p => p.RequireRole(Roles.Dispatcher, Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Alert, p => p.RequireRole(Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Chief, p => p.RequireRole(Roles.Chief, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        services.AddCascadingAuthenticationState();
        return services;
    }

    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        var path = ctx.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/sms"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Identity asks before every sign-in whether the account may; a disabled account may not.</summary>
internal sealed class AccountConfirmation : IUserConfirmation<UserAccount>
{
    public Task<bool> IsConfirmedAsync(UserManager<UserAccount> manager, UserAccount user) => Task.FromResult(!user.Disabled);
}
