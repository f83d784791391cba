using Microsoft.AspNetCore.Localization;

namespace Bin.Dashboard.Infrastructure.Localization;

public static class LocalizationRegistration
{
    public static IServiceCollection AddBinLocalization(this IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("nl-BE").AddSupportedCultures("nl-BE", "en").AddSupportedUICultures("nl-BE", "en");
            // Only the explicit choice (cookie) counts: a dispatcher's browser language must not switch the UI.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinCulture(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{language}", (string language, string? returnUrl, HttpContext http) =>
        {
            var culture = language == "en" ? "en" : "nl-BE";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).AllowAnonymous();
        return app;
    }
}
