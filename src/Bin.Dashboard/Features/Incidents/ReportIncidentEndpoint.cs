using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>POST /api/incidents: { lat, lon, category, description, reporterKind?, address? } → 201 { id, networkIds }.</summary>
public static class ReportIncidentEndpoint
{
    public sealed record Request([RequiredField] double? Lat, [RequiredField] double? Lon, [RequiredField] string? Category,
        string? Description, string? ReporterKind, string? Address);

    public sealed record Response(Guid Id, IReadOnlyList<Guid> NetworkIds);

    public static IEndpointRouteBuilder MapReportIncident(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/incidents", async (Request body, HttpContext http, IncidentCommands commands, CancellationToken ct) =>
            {
                var command = new ReportIncident(Guid.CreateVersion7(), body.Lat!.Value, body.Lon!.Value, body.Category!, body.Description,
                    ParseReporterKind(body.ReporterKind), body.Address);
                var reported = await commands.ReportAsync(command, http.User, ct);
                return TypedResults.Created($"/api/incidents/{reported.IncidentId}", new Response(reported.IncidentId, reported.NetworkIds));
            })
            .RequireAuthorization(Policies.Dispatch)
            .ProducesValidationProblem()
            .WithSummary("Record an incident; answers with the networks that contain it.");
        return app;
    }

    internal static ReporterKind ParseReporterKind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "other" => ReporterKind.Other,
        "member" => ReporterKind.Member,
        "patrol" => ReporterKind.Patrol,
        _ => throw new DomainException(UiText.T("http.reporterKind"), "reporterKind"),
    };
}
