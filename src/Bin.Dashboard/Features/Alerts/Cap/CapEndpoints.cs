using System.Xml.Linq;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;

namespace Bin.Dashboard.Features.Alerts.Cap;

/// <summary>
/// CAP hand-off: one alert as a CAP 1.2 document, and an Atom feed of recent alerts for systems that poll CAP feeds.
/// Both answer signed-in users (cookie or API bearer token; coordinators see their networks' alerts only) and
/// CAP consumers presenting one of <see cref="CapOptions.FeedTokens"/> as a bearer token (the whole zone, read-only).
/// </summary>
public static class CapEndpoints
{
    public static IEndpointRouteBuilder MapBinCap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts/{id:guid}/cap", async (Guid id, HttpContext http, CapExport cap, CancellationToken ct) =>
            {
                if (ScopeOf(http, cap) is not { } scope) return Problems.Unauthorized("Sign in, or send a CAP feed token as a bearer token.");
                var document = await cap.DocumentAsync(id, scope, ct);
                if (document is null) return Problems.NotFound($"No alert {id}.");
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"alert-{id}.cap.xml\"";
                return Xml(document);
            })
            .AllowAnonymous()
            .WithSummary("The alert as an OASIS CAP 1.2 document (application/cap+xml).");

        app.MapGet("/api/cap/feed", async (HttpContext http, CapExport cap, CancellationToken ct) =>
            {
                if (ScopeOf(http, cap) is not { } scope) return Problems.Unauthorized("Send a CAP feed token as a bearer token.");
                var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
                return Xml(await cap.FeedAsync(baseUrl, scope, ct), "application/atom+xml");
            })
            .AllowAnonymous()
            .WithSummary("An Atom feed of recent alerts, each entry carrying its CAP 1.2 document; needs a CAP feed token (or a signed-in user).");
        return app;
    }

    /// <summary>A feed token reads the whole zone; otherwise a signed-in user with a role reads what their role may see.</summary>
    private static NetworkScope? ScopeOf(HttpContext http, CapExport cap)
    {
        if (cap.HasFeedToken(http.Request)) return new NetworkScope(true, new HashSet<Guid>());
        if (http.User.Identity?.IsAuthenticated != true) return null;
        var scope = NetworkScope.Of(http.User);
        return scope.WholeZone || scope.Networks.Count > 0 ? scope : null;
    }

    private static IResult Xml(XDocument document, string contentType = CapDocument.ContentType) =>
        Results.Text(document.Declaration + Environment.NewLine + document.ToString(), $"{contentType}; charset=utf-8");
}
