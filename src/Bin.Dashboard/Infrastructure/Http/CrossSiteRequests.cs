using Bin.Dashboard.Infrastructure.Localization;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// Cookies travel with requests another site makes the browser send. Every request that could change state with a
/// cookie (POST, PUT, PATCH, DELETE, and WebSocket upgrades: the Blazor circuit and the live hub) must therefore
/// come from this site: its Origin (or, without one, its Sec-Fetch-Site) says so. Requests without cookies are not
/// at stake (bearer-token clients, Twilio's signed webhooks), nor are those carrying a bearer token.
/// The JSON API reads its bodies itself, so the framework's antiforgery tokens (form posts) would not cover it.
/// </summary>
public static class CrossSiteRequests
{
    public enum Verdict { NotAtStake, SameSite, CrossSite }

    /// <summary>The decision for one request, from its headers alone.</summary>
    public static Verdict Judge(string method, PathString path, IHeaderDictionary headers, HostString host, IQueryCollection query)
    {
        var changesState = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)
            || string.Equals(headers.Upgrade.ToString(), "websocket", StringComparison.OrdinalIgnoreCase);
        if (!changesState || string.IsNullOrEmpty(headers.Cookie.ToString())) return Verdict.NotAtStake;
        // These requests are authenticated by their token, never by the cookie (see AuthRegistration's policy scheme).
        // Another site cannot send an Authorization header without a CORS preflight the dashboard never grants; it can
        // add access_token to any URL, which is why that counts on the hub's paths only.
        if (headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWithSegments("/hubs") && query.ContainsKey("access_token")))
            return Verdict.NotAtStake;

        var origin = headers.Origin.ToString();
        if (origin.Length > 0)
            return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase)
                ? Verdict.SameSite : Verdict.CrossSite;
        // Browsers that send no Origin still say where a request comes from; a client sending neither is no browser.
        return headers["Sec-Fetch-Site"].ToString() is "" or "same-origin" or "none" ? Verdict.SameSite : Verdict.CrossSite;
    }

    public static IApplicationBuilder UseBinCrossSiteProtection(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var request = http.Request;
        if (Judge(request.Method, request.Path, request.Headers, request.Host, request.Query) != Verdict.CrossSite) return next(http);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CrossSiteRequests))
            .LogWarning("Refused a cross-site {Method} {Path} carrying cookies", request.Method, request.Path.Value);
        return Results.Problem(detail: UiText.T("security.crossSite"), statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused")
            .ExecuteAsync(http);
    });
}
