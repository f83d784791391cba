using Bin.Dashboard.Infrastructure.Localization;
using System.Text.Json;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using Bin.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Features.Networks;

/// <summary>
/// POST /api/networks/near: the networks within a distance of a point or a route (the road a suspect vehicle took),
/// nearest first, measured in Lambert 2008 by <see cref="NetworkResolver.Near"/>.
/// </summary>
public static class NetworksNearEndpoint
{
    public sealed record NearNetwork(Guid Id, string Name, double DistanceMeters);

    public sealed record NearAnswer(IReadOnlyList<NearNetwork> Networks);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <param name="Geometry">A GeoJSON Point or LineString, [longitude, latitude] in WGS84.</param>
    /// <param name="Meters">The distance, 0–10,000.</param>
    public sealed record NearRequest([RequiredField] JsonElement? Geometry, [RequiredField] double? Meters);

    public static IEndpointRouteBuilder MapNetworksNear(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/networks/near", async (NearRequest body, HttpContext http, NetworkDirectory directory, ServiceArea area, CancellationToken ct) =>
            {
                var geometry = ReadRoute(body.Geometry!.Value);
                foreach (var c in geometry.Coordinates.Where(c => !area.Contains(c.Y, c.X)))
                    throw new DomainException(ServerMessages.RouteOutsideZone.With(c.Y, c.X, area.Name), "geometry");
                var snapshot = await directory.CurrentAsync(ct);
                var scope = NetworkScope.Of(http.User);
                var near = snapshot.Resolver.Near(geometry, body.Meters!.Value)
                    .Where(n => scope.MaySee(n.NetworkId))
                    .Select(n => new NearNetwork(n.NetworkId, snapshot.NameOf(n.NetworkId), Math.Round(n.DistanceMetres, 1)))
                    .ToList();
                return TypedResults.Ok(new NearAnswer(near));
            })
            .RequireAuthorization(Policies.ZoneView)
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("Networks within { meters } (0–10,000) of { geometry } (a GeoJSON Point or LineString, WGS84), nearest first: { networks: [{ id, name, distanceMeters }] }.");
        return app;
    }

    /// <summary>A GeoJSON Point or LineString ([longitude, latitude] positions) as an NTS geometry; anything else is refused naming "geometry".</summary>
    public static NetTopologySuite.Geometries.Geometry ReadRoute(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new DomainException(ServerMessages.RouteNotObject, "geometry");
        var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!element.TryGetProperty("coordinates", out var coordinates))
            throw new DomainException(ServerMessages.RouteNoCoordinates, "geometry");
        return type switch
        {
            "Point" => Factory.CreatePoint(Position(coordinates)),
            "LineString" when coordinates.ValueKind == JsonValueKind.Array && coordinates.GetArrayLength() >= 2 =>
                Factory.CreateLineString(coordinates.EnumerateArray().Select(Position).ToArray()),
            "LineString" => throw new DomainException(ServerMessages.RouteLineTooShort, "geometry"),
            _ => throw new DomainException(ServerMessages.RouteWrongType.With(type ?? "?"), "geometry"),
        };
    }

    private static Coordinate Position(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            throw new DomainException(ServerMessages.RoutePosition, "geometry");
        var longitude = position[0].GetDouble();
        var latitude = position[1].GetDouble();
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
            throw new DomainException(ServerMessages.RoutePosition, "geometry");
        return new Coordinate(longitude, latitude);
    }
}
