using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Replay.State;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;

namespace Bin.Dashboard.Features.Replay.History;

/// <summary>
/// <c>GET /api/history?from=&amp;to=[&amp;networkId=][&amp;category=][&amp;format=csv]</c>: the replay timeline of a
/// period (at most 366 days), oldest first; <c>GET /api/history/state?at=</c>: open incidents and alerts in progress
/// at a moment. Chiefs and administrators only.
/// </summary>
public static class HistoryEndpoints
{
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/history", async (string? from, string? to, string[]? networkId, string[]? category, string? format,
                HistoryQuery history, NetworkDirectory networks, CancellationToken ct) =>
            {
                var period = Period.Parse(from, to);
                var filter = HistoryFilter.Parse(networkId, category);
                var csv = ApiContracts.IsCsv(format);
                var items = await history.LoadAsync(period, filter, ct);
                if (!csv) return Results.Json(new HistoryPage(period.From, period.To, items.Count, items), HistoryJson.Options);
                var names = await networks.CurrentAsync(ct);
                return ToCsv(items, names).ToResult($"bin-history-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv");
            })
            .RequireAuthorization(Policies.Chief)
            .Produces<HistoryPage>()
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("The replay timeline of a period: events oldest first with type, time, location, networks and ids; acknowledgements summed per alert, network and minute.");

        app.MapGet("/api/history/state", async (string? at, string[]? networkId, string[]? category, StateQuery state, CancellationToken ct) =>
            {
                var moment = Period.ParseTime(at, "at");
                var filter = HistoryFilter.Parse(networkId, category);
                return Results.Json(await state.AtAsync(moment, filter, ct), HistoryJson.Options);
            })
            .RequireAuthorization(Policies.Chief)
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("The state as of a moment: open incidents and alerts in progress with their acknowledgements, from the event store.");
        return app;
    }

    public static Csv ToCsv(IReadOnlyList<HistoryItem> items, NetworkDirectory.Snapshot names)
    {
        var csv = new Csv().Row("type", "at_utc", "at_brussels", "incident_id", "alert_id", "networks", "network_ids", "category", "lat", "lon",
            "count", "outcome", "tip", "text", "by");
        foreach (var i in items)
            csv.Row(i.Type, i.At, ZoneTime.Format(i.At, "yyyy-MM-dd HH:mm:ss"), i.IncidentId, i.AlertId,
                string.Join("; ", i.NetworkIds.Select(names.NameOf)), string.Join(";", i.NetworkIds), i.Category, i.Latitude, i.Longitude,
                i.Count, i.Outcome, i.Tip, i.Text, i.By);
        return csv;
    }
}
