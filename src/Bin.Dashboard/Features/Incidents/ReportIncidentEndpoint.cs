using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>POST /api/incidents: { lat, lon, category, description, reporterKind? } → 201 { id, networkIds }.</summary>
public static class ReportIncidentEndpoint
{
    public sealed record Response(Guid Id, IReadOnlyList<Guid> NetworkIds);

    public static IEndpointRouteBuilder MapReportIncident(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/incidents", async (HttpContext http, IncidentCommands commands, CancellationToken ct) =>
            {
                try
                {
                    var body = await JsonBody.ReadAsync(http.Request, ct);
                    var command = new ReportIncident(
                        Guid.CreateVersion7(),
                        body.RequiredNumber("lat"),
                        body.RequiredNumber("lon"),
                        body.RequiredString("category"),
                        body.OptionalString("description"),
                        ParseReporterKind(body.OptionalString("reporterKind")));
                    var reported = await commands.ReportAsync(command, http.User, ct);
                    return Results.Created($"/api/incidents/{reported.IncidentId}", new Response(reported.IncidentId, reported.NetworkIds));
                }
                catch (DomainException ex)
                {
                    return Problems.From(ex);
                }
            })
            .RequireAuthorization(Policies.Dispatch)
            .WithSummary("Record an incident; answers with the networks that contain it.");
        return app;
    }

    internal static ReporterKind ParseReporterKind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "other" => ReporterKind.Other,
        "member" => ReporterKind.Member,
        "patrol" => ReporterKind.Patrol,
        _ => throw new DomainException("reporterKind must be member, patrol or other.", "reporterKind"),
    };
}
