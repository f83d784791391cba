using System.Globalization;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using Microsoft.AspNetCore.Mvc;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using static Bin.Dashboard.Infrastructure.Localization.UiText;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>
/// <c>GET /api/addresses?q=&amp;limit=</c>: addresses in the zone as a GeoJSON FeatureCollection of points (open to the join
/// page's residents, who are limited per client address); <c>POST /api/addresses/import</c>: the registry's CSV export
/// (administrators), all or nothing.
/// </summary>
public static class AddressEndpoints
{
    /// <summary>A whole-of-Flanders export is a few hundred megabytes; a municipality's a few.</summary>
    public const long MaxImportBytes = 600L * 1024 * 1024;

    private static readonly GeometryFactory Points = new(new PrecisionModel(), 4326);

    public static IEndpointRouteBuilder MapBinAddresses(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/addresses", async Task<IResult> (string? q, string? limit, HttpContext http, AddressLookup lookup, AddressSearchLimiter limiter, CancellationToken ct) =>
            {
                int? max = null;
                if (limit is not null)
                    max = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
                AddressLookup.Validate(q, max);
                if (http.User.Identity?.IsAuthenticated != true && !limiter.TryTake(http.Connection.RemoteIpAddress))
                {
                    http.Response.Headers.RetryAfter = "60";
                    return Results.Problem(detail: T("addresses.err.rate"), statusCode: StatusCodes.Status429TooManyRequests, title: T("addresses.err.rateTitle"));
                }
                var matches = await lookup.SearchAsync(q, max, ct);
                return Results.Json(ToFeatures(matches), GeoJson.Options, "application/geo+json");
            })
            .Produces<FeatureCollection>(StatusCodes.Status200OK, "application/geo+json")
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests)
            .AllowAnonymous()
            .WithSummary("Addresses in the zone matching q (at least 2 characters), as GeoJSON points with label, street, number, box, postcode, municipality, networkIds and demo. limit 1–25, default 8. Without signing in: limited per client address (429).");

        app.MapPost("/api/addresses/import", async Task<IResult> (HttpContext http, ImportAddresses import, CancellationToken ct) =>
            {
                var report = await import.ImportAsync(http.Request.Body, ct);
                if (report.Imported)
                    return Results.Ok(new { imported = report.Addresses, outsideZone = report.OutsideZone, duplicates = report.Duplicates });
                var first = report.Problems.FirstOrDefault();
                return Results.Problem(
                    detail: string.Format(CultureInfo.CurrentCulture, T("addresses.import.rejected"), report.ProblemCount),
                    statusCode: StatusCodes.Status400BadRequest,
                    title: T("addresses.import.rejectedTitle"),
                    extensions: new Dictionary<string, object?>
                    {
                        ["problemCount"] = report.ProblemCount,
                        ["problems"] = report.Problems.Select(p => new { line = p.Line, code = p.Code, message = p.Message }),
                        ["errors"] = new Dictionary<string, string[]> { ["file"] = report.Problems.Select(p => Line(p)).ToArray() },
                    });
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status400BadRequest)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .WithSummary("Replace the local address index with the registry's CSV export (columns in docs/addresses.md). Only addresses in the zone are kept; one bad line → 400 listing each problem with its line, and nothing saved.");
        return app;
    }

    /// <summary>"Regel 4: …" in the user's language.</summary>
    public static string Line(AddressImportReport.Problem problem) =>
        problem.Line == 0 ? problem.Message : string.Format(CultureInfo.CurrentCulture, T("addresses.import.line"), problem.Line, problem.Message);

    private static FeatureCollection ToFeatures(IReadOnlyList<AddressMatch> matches)
    {
        var collection = new FeatureCollection();
        foreach (var m in matches)
            collection.Add(new Feature(Points.CreatePoint(new Coordinate(m.Longitude, m.Latitude)), new AttributesTable
            {
                { "label", m.Label },
                { "street", m.Street },
                { "number", m.Number },
                { "box", m.Box },
                { "postcode", m.Postcode },
                { "municipality", m.Municipality },
                { "networkIds", m.NetworkIds.ToArray() },
                { "demo", m.Demo },
            }));
        return collection;
    }
}
