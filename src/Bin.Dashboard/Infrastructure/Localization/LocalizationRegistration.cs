using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>
/// Which language a request is answered in. Pages and circuits: the signed-in user's stored choice (the culture
/// cookie follows it), else the cookie (anonymous pages such as /join and /login); never the browser's
/// Accept-Language. The API (<c>/api/*</c>): Accept-Language, Dutch when it names none of nl, fr, en.
/// </summary>
public static class LocalizationRegistration
{
    public static IServiceCollection AddBinLocalization(this IServiceCollection services)
    {
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("nl-BE").AddSupportedCultures([.. UiCultures.Names]).AddSupportedUICultures([.. UiCultures.Names]);
            o.RequestCultureProviders = [new BinRequestCultureProvider()];
        });
        services.TryAddSingleton<IStringLocalizerFactory, UiTextLocalizerFactory>();
        services.TryAddSingleton<IStringLocalizer, UiTextLocalizer>();
        services.TryAddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<UserLanguage>();
        services.AddHttpContextAccessor();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitCultureHandler>();
        return services;
    }

    /// <summary>
    /// After authentication: a signed-in user's page requests (and the circuit's connection) run in the language
    /// stored on their account, and the culture cookie is brought in line with it, so every device and every node
    /// shows the one language the user chose.
    /// </summary>
    public static IApplicationBuilder UseBinUserCulture(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && !BinRequestCultureProvider.IsApi(http.Request)
                && await http.RequestServices.GetRequiredService<UserLanguage>().OfAsync(http.User, http.RequestAborted) is { } language)
            {
                UiCultures.Apply(language);
                var culture = UiCultures.CultureOf(language);
                http.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture), provider: null));
                if (BinRequestCultureProvider.CookieLanguage(http.Request) != language) AppendCookie(http.Response, language);
            }
            await next(http);
        });

    public static IEndpointRouteBuilder MapBinCulture(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{language}", async (string language, string? returnUrl, HttpContext http, UserLanguage users) =>
        {
            if (UiCultures.Recognise(language) is not { } code || code != language.Trim().ToLowerInvariant())
                return Problems.Field("language", string.Format(UiText.T("lang.err.unknown"), language));
            if (http.User.Identity?.AuthenticationType == BinPrincipals.CookieAuthenticationType)
                await users.SetAsync(http.User, code, http.RequestAborted);
            AppendCookie(http.Response, code);
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).AllowAnonymous();
        return app;
    }

    private static void AppendCookie(HttpResponse response, string language) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(UiCultures.CultureOf(language))),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}

/// <summary>The culture cookie for pages, Accept-Language for the API; each mapped onto nl-BE, fr-BE or en.</summary>
public sealed class BinRequestCultureProvider : RequestCultureProvider
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>The UI language the culture cookie names, if it names one.</summary>
    public static string? CookieLanguage(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieRequestCultureProvider.DefaultCookieName, out var value)
        && CookieRequestCultureProvider.ParseCookieValue(value) is { } parsed
            ? UiCultures.Recognise(parsed.UICultures.FirstOrDefault().Value)
            : null;

    /// <summary>The first language of Accept-Language, by quality, that the dashboard speaks.</summary>
    public static string? AcceptedLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => UiCultures.Recognise(l.Value.Value))
            .FirstOrDefault(l => l is not null);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = IsApi(httpContext.Request) ? AcceptedLanguage(httpContext.Request) : CookieLanguage(httpContext.Request);
        var name = language is null ? null : UiCultures.CultureOf(language).Name;
        return Task.FromResult(name is null ? null : new ProviderCultureResult(name));
    }
}
