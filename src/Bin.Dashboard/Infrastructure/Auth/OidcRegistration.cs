using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// Optional OpenID Connect sign-in (Auth:Oidc). The provider authenticates; <see cref="OidcClaims"/> turns its groups
/// into the dashboard's roles and networks, <see cref="SsoAccounts"/> keeps a password-less local account in step with
/// them, and the session is that account's, signed in with the dashboard's own cookie: everything after sign-in
/// (policies, NetworkScope, the hub, revocation by security stamp) is the same as for a local account.
/// </summary>
public static class OidcRegistration
{
    public const string Scheme = "oidc";
    public const string SignInPath = "/account/sso";
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The scheme the mapped identity is signed in with: the dashboard's cookie.</summary>
    public const string SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static IServiceCollection AddBinOidc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!oidc.Enabled) return services;
        services.AddScoped<SsoAccounts>();

        services.AddAuthentication().AddOpenIdConnect(Scheme, "Single sign-on", o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The provider sends the browser back with a GET: a cross-site POST (form_post) carrying cookies is what
            // the cross-site check refuses, and SameSite=Lax cookies would not travel with it.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            // The round-trip cookies travel on the provider's top-level GET back (Lax suffices); Secure follows the
            // request, and the cookie policy makes every cookie Secure where HTTPS is enforced.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = SignInScheme;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            foreach (var scope in oidc.Scopes) o.Scope.Add(scope);
            o.Events.OnTokenValidated = async ctx =>
            {
                var options = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<OidcOptions>>().Value;
                var logger = ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcRegistration));
                var mapped = OidcClaims.Map(ctx.Principal!, options);
                if (mapped is null)
                {
                    logger.LogWarning("Single sign-on refused: none of the user's groups maps to a dashboard role");
                    ctx.Fail("None of your groups gives access to the dashboard.");
                    return;
                }
                var principal = await ctx.HttpContext.RequestServices.GetRequiredService<SsoAccounts>()
                    .SignInAsync(mapped, options.Authority!, ctx.HttpContext.RequestAborted);
                if (principal is null)
                {
                    ctx.Fail("This account cannot sign in through single sign-on.");
                    return;
                }
                logger.LogInformation("Account {Account} signed in through single sign-on", principal.Identity!.Name);
                ctx.Principal = principal;
            };
            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.Response.Redirect("/login?error=sso");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>GET /account/sso?returnUrl= starts the sign-in at the provider (back at the sign-in page when SSO is off).</summary>
    public static IEndpointRouteBuilder MapBinOidc(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, (string? returnUrl, IOptions<OidcOptions> options) =>
                options.Value.Enabled
                    ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [Scheme])
                    : Results.LocalRedirect("/login"))
            .AllowAnonymous();
        return app;
    }

    private static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
}
