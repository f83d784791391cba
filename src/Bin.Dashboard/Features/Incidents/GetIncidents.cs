using System.Globalization;
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
            try
            {
                var filter = new Filter(ParseTime(from, "from"), ParseTime(to, "to"), ParseGuid(networkId, "networkId"),
                    ParseStatus(status), false, ParseLimit(limit));
                if (filter.From > filter.To)
                    throw new DomainException(ServerMessages.QueryFromAfterTo, "from");
                return Results.Ok(await QueryAsync(session, filter, NetworkScope.Of(http.User), ct));
            }
            catch (DomainException ex)
            {
                return Problems.From(ex);
            }
        }).WithSummary("Incidents, newest first, filtered by period (reported at), network and status.");

        app.MapGet("/api/incidents/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var incident = await session.LoadAsync<IncidentView>(id, ct);
            return incident is not null && NetworkScope.Of(http.User).MaySeeAny(incident.NetworkIds)
                ? Results.Ok(incident)
                : Problems.NotFound($"No incident {id}.");
        });
        return app;
    }

    private static DateTimeOffset? ParseTime(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw new DomainException(ServerMessages.QueryTimeInvalid.With(field, "2026-11-28T08:00:00Z"), field);

    private static Guid? ParseGuid(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new DomainException(ServerMessages.QueryNetworkId.With(field), field);

    private static IncidentStatus? ParseStatus(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Enum.TryParse<IncidentStatus>(value, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s
        : throw new DomainException(ServerMessages.QueryStatus, "status");

    private static int ParseLimit(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DefaultLimit
        : int.TryParse(value, out var n) && n is > 0 and <= MaxLimit ? n
        : throw new DomainException(ServerMessages.QueryLimit.With(MaxLimit), "limit");
}
