using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Marten;
using NetTopologySuite.Features;

namespace Bin.Dashboard.Features.Networks;

/// <summary>GET /api/networks: every network as a GeoJSON Feature (coordinators: only theirs).
/// <c>memberCount</c> is the number of active members, from the member registry.</summary>
public static class GetNetworks
{
    public static async Task<FeatureCollection> QueryAsync(IQuerySession session, IMemberDirectory members, NetworkScope scope, CancellationToken ct)
    {
        var views = await session.Query<NetworkView>().OrderBy(n => n.Name).ToListAsync(ct);
        var counts = await members.ActiveCountsAsync(ct);
        var collection = new FeatureCollection();
        foreach (var view in views.Where(v => scope.MaySee(v.Id)))
            collection.Add(ToFeature(view, counts.GetValueOrDefault(view.Id)));
        return collection;
    }

    public static Feature ToFeature(NetworkView view, int memberCount) => new(view.Boundary, new AttributesTable
    {
        { "id", view.Id },
        { "name", view.Name },
        { "status", view.Status.ToString() },
        { "memberCount", memberCount },
        { "indicative", view.Indicative },
    });

    public static IEndpointRouteBuilder MapGetNetworks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/networks", async (IQuerySession session, IMemberDirectory members, HttpContext http, CancellationToken ct) =>
                Results.Json(await QueryAsync(session, members, NetworkScope.Of(http.User), ct), GeoJson.Options, "application/geo+json"))
            .WithName("GetNetworks")
            .WithSummary("All networks as a GeoJSON FeatureCollection (id, name, status, memberCount, indicative).");
        return app;
    }
}
