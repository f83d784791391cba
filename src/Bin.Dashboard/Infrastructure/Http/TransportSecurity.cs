using Bin.Dashboard.Features.Map;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// Transport and browser protections in one place: headers and the cross-site check everywhere; HTTPS redirection,
/// HSTS and Secure cookies outside Development (unless <see cref="SecurityOptions.EnforceHttps"/> is off behind a
/// TLS proxy). See docs/authorization.md.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddBinTransportSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart()
            .Validate(o => o.HstsMaxAge > TimeSpan.Zero, "Security:HstsMaxAge must be positive.");
        var enforceHttps = EnforcesHttps(configuration, environment);
        services.AddHsts(o => o.MaxAge = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.HstsMaxAge ?? TimeSpan.FromDays(365));
        // One rule for every cookie the app sets (sign-in, antiforgery, culture): never readable by scripts, never
        // sent on cross-site subrequests, and over HTTPS only where HTTPS is enforced.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.Secure = enforceHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static WebApplication UseBinTransportSecurity(this WebApplication app)
    {
        if (EnforcesHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseBinSecurityHeaders(app.Services.GetRequiredService<IOptions<MapOptions>>().Value.TileUrl);
        app.UseCookiePolicy();
        app.UseBinCrossSiteProtection();
        return app;
    }

    private static bool EnforcesHttps(IConfiguration configuration, IHostEnvironment environment) =>
        !environment.IsDevelopment() && (configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.EnforceHttps ?? true);
}
