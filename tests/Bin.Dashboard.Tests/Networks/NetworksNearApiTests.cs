using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Networks;

public class NetworksNearApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static Guid Servaesdreef => SeedNetworks.Servaesdreef;
    private static Guid Leuken => SeedNetworks.Leuken;
    private static Guid Slachthuis => SeedNetworks.Slachthuis;

    /// <summary>Through the middle of Kerkplein, Servaesdreef and Leuken (seed polygons); Slachthuis lies about 530 m off it.</summary>
    private static readonly double[][] Route = [[5.31353, 51.230776], [5.32505, 51.220079], [5.341587, 51.224953]];

    private async Task<HttpResponseMessage> NearAsync(object body, string user = "officer") =>
        await (await host.App.ClientForAsync(user)).PostAsJsonAsync("/api/networks/near", body);

    private static async Task<List<(Guid Id, string Name, double Distance)>> NetworksOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("networks").EnumerateArray()
            .Select(n => (n.GetProperty("id").GetGuid(), n.GetProperty("name").GetString()!, n.GetProperty("distanceMeters").GetDouble())).ToList();
    }

    [Fact]
    public async Task A_route_selects_the_networks_within_the_distance_nearest_first()
    {
        var within300 = await NetworksOf(await NearAsync(new { geometry = new { type = "LineString", coordinates = Route }, meters = 300 }));
        var within600 = await NetworksOf(await NearAsync(new { geometry = new { type = "LineString", coordinates = Route }, meters = 600 }));

        Assert.Equal([NetworkSeed.KerkpleinId, Servaesdreef, Leuken], within300.Select(n => n.Id));
        Assert.Equal(["Kerkplein", "Servaesdreef", "Leuken"], within300.Select(n => n.Name));
        Assert.All(within300, n => Assert.Equal(0, n.Distance));
        Assert.Equal(Slachthuis, within600[3].Id);
        Assert.InRange(within600[3].Distance, 300, 600);
        Assert.Equal(within600.Select(n => n.Distance).Order(), within600.Select(n => n.Distance));
    }

    [Fact]
    public async Task A_point_selects_the_network_around_it_at_0_metres()
    {
        var near = await NetworksOf(await NearAsync(new { geometry = new { type = "Point", coordinates = new[] { 5.3135, 51.2307 } }, meters = 0 }));

        Assert.Equal((NetworkSeed.KerkpleinId, 0.0), (near.Single().Id, near.Single().Distance));
    }

    [Fact]
    public async Task A_coordinator_may_not_ask_for_networks_along_a_route_across_the_zone()
    {
        var response = await NearAsync(new { geometry = new { type = "LineString", coordinates = Route }, meters = 300 }, "coordinator");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{ "meters": 500 }""", "geometry" },
        { """{ "geometry": { "type": "Polygon", "coordinates": [[[5.31, 51.23], [5.32, 51.23], [5.32, 51.24], [5.31, 51.23]]] }, "meters": 500 }""", "geometry" },
        { """{ "geometry": { "type": "LineString", "coordinates": [[5.31, 51.23]] }, "meters": 500 }""", "geometry" },
        { """{ "geometry": { "type": "Point", "coordinates": ["5.31", 51.23] }, "meters": 500 }""", "geometry" },
        { """{ "geometry": { "type": "Point", "coordinates": [51.23, 5.31] }, "meters": 500 }""", "geometry" },
        { """{ "geometry": { "type": "Point", "coordinates": [5.31, 51.23] } }""", "meters" },
        { """{ "geometry": { "type": "Point", "coordinates": [5.31, 51.23] }, "meters": -1 }""", "meters" },
        { """{ "geometry": { "type": "Point", "coordinates": [5.31, 51.23] }, "meters": 20000 }""", "meters" },
        { """{ "geometry": { "type": "Point", "coordinates": [5.31, 51.23] }, "meters": "far" }""", "meters" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_geometry_or_distance_is_a_400_naming_the_field(string json, string field)
    {
        var client = await host.App.ClientForAsync("officer");

        var response = await client.PostAsync("/api/networks/near", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
