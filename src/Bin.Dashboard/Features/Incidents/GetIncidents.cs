using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Incidents;
using Marten;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>GET /api/incidents?from=&amp;to=&amp;networkId=&amp;status=&amp;limit= — newest first.</summary>
public static class GetIncidents
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public sealed record Filter(DateTimeOffset? From, DateTimeOffset? To, Guid? NetworkId, IncidentStatus? Status, bool OpenOnly, int Limit);

    public static async Task<IReadOnlyList<IncidentView>> QueryAsync(IQuerySession session, Filter filter, NetworkScope scope, CancellationToken ct)
    {
        IQueryable<IncidentView> query = session.Query<IncidentView>();
        if (filter.From is { } from) query = query.Where(i => i.ReportedAt >= from);
        if (filter.To is { } to) query = query.Where(i => i.ReportedAt < to);
        if (filter.NetworkId is { } network) query = query.Where(i => i.NetworkIds.Contains(network));
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (filter.OpenOnly) query = query.Where(i => i.Status != IncidentStatus.Closed);
        if (!scope.WholeZone)
        {
            var mine = scope.Networks.ToArray();
            query = query.Where(i => i.NetworkIds.Any(n => mine.Contains(n)));
        }
        return await query.OrderByDescending(i => i.ReportedAt).Take(filter.Limit).ToListAsync(ct);
    }

    public static IEndpointRouteBuilder MapGetIncidents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/incidents", async (string? from, string? to, string? networkId, string? status, string? limit,
                HttpContext http, IQuerySession session, CancellationToken ct) =>
            {
                var filter = new Filter(IsoTime.Optional(from, "from"), IsoTime.Optional(to, "to"), ApiContracts.OptionalGuid(networkId, "networkId"),
                    ParseStatus(status), false, ApiContracts.Limit(limit, DefaultLimit, MaxLimit));
                if (filter.From > filter.To)
                    throw new DomainException(UiText.T("http.fromBeforeTo"), "from");
                return TypedResults.Ok(await QueryAsync(session, filter, NetworkScope.Of(http.User), ct));
            })
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("Incidents, newest first, filtered by period (reported at, ISO 8601 with offset), network, status and limit (≤ 1000).");

        app.MapGet("/api/incidents/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, CancellationToken ct) =>
            {
                var incident = await session.LoadAsync<IncidentView>(id, ct);
                return incident is not null && NetworkScope.Of(http.User).MaySeeAny(incident.NetworkIds)
                    ? Results.Ok(incident)
                    : Problems.NotFound($"No incident {id}.");
            })
            .Produces<IncidentView>()
            .Refuses(StatusCodes.Status404NotFound)
            .WithSummary("One incident, if it concerns the caller's networks.");
        return app;
    }

    private static IncidentStatus? ParseStatus(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<IncidentStatus>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s
        : throw new DomainException(UiText.T("http.incidentStatus"), "status");
}
