using System.Net;
using System.Text.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Testing;
using Marten;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Tests.Networks;

public class NetworksApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly string[] SevenBins = ["Kerkplein", "Leuken", "Molle Hoeven", "Parelstrand", "Servaesdreef", "Slachthuis", "West Kei"];

    private static async Task<FeatureCollection> GetNetworksAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/networks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<FeatureCollection>(await response.Content.ReadAsStringAsync(), GeoJson.Options)!;
    }

    [Fact]
    public async Task The_seven_Lommel_networks_come_back_as_valid_labelled_polygons()
    {
        var client = await host.App.ClientForAsync("dispatcher");

        var features = await GetNetworksAsync(client);

        Assert.Equal(SevenBins, features.Select(f => f.Attributes["name"].ToString()).Order());
        foreach (var feature in features)
        {
            var polygon = Assert.IsType<Polygon>(feature.Geometry);
            Assert.True(polygon.IsValid, $"{feature.Attributes["name"]} is not a valid polygon");
            Assert.True(Guid.TryParse(feature.Attributes["id"].ToString(), out _));
            Assert.Equal("Active", feature.Attributes["status"].ToString());
            // The demo seed gives every network tens to a few hundred members.
            Assert.InRange(Convert.ToInt32(feature.Attributes["memberCount"].ToString()), 30, 400);
            Assert.True((bool)feature.Attributes["indicative"]);
        }
    }

    [Fact]
    public async Task The_seed_polygons_lie_in_Lommel_do_not_overlap_and_are_neighbourhood_sized()
    {
        var features = await GetNetworksAsync(await host.App.ClientForAsync("chief"));
        var polygons = features.ToDictionary(f => f.Attributes["name"].ToString()!, f => (Polygon)f.Geometry);

        foreach (var (name, polygon) in polygons)
        {
            var centre = polygon.Centroid;
            Assert.True(Bin.Domain.Geometry.ServiceArea.Lommel.Contains(centre.Y, centre.X), $"{name} lies outside Lommel");
            var env = polygon.EnvelopeInternal;
            var widthMetres = Bin.Domain.Geometry.ServiceArea.DistanceMetres(env.MinY, env.MinX, env.MinY, env.MaxX);
            Assert.InRange(widthMetres, 300, 1600);
            foreach (var (other, otherPolygon) in polygons.Where(p => p.Key != name))
                Assert.False(polygon.Intersects(otherPolygon), $"{name} overlaps {other}");
        }
        Assert.True(polygons["Kerkplein"].Contains(new Point(5.3135, 51.2307)), "Kerkplein must hold the church square");
        var parel = polygons["Parelstrand"].Centroid;
        Assert.True(parel.Y > 51.2307 && parel.X > 5.3135, "Parelstrand lies north-east of the centre");
    }

    [Fact]
    public async Task Seeding_again_on_restart_registers_nothing_new()
    {
        var store = host.App.Service<IDocumentStore>();
        var again = await NetworkSeed.SeedAsync(store, host.App.Service<Microsoft.Extensions.Hosting.IHostEnvironment>().ContentRootPath, TimeProvider.System, default);

        // A second node on the same database seeds at start-up too.
        await using (var secondNode = new BinAppFactory(host.App.ConnectionString))
        {
            secondNode.StartServer();
        }

        Assert.Equal(0, again);
        await using var session = store.QuerySession();
        Assert.Equal(7, await session.Query<NetworkView>().CountAsync());
        var registrations = await session.Events.QueryRawEventDataOnly<Bin.Domain.Networks.NetworkRegistered>().CountAsync();
        Assert.Equal(7, registrations);
    }

    [Fact]
    public async Task A_coordinator_sees_only_the_network_they_coordinate()
    {
        var features = await GetNetworksAsync(await host.App.ClientForAsync("coordinator"));

        Assert.Equal(["Kerkplein"], features.Select(f => f.Attributes["name"].ToString()));
    }

    [Fact]
    public async Task Seeded_events_record_the_seed_as_the_acting_user()
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(NetworkSeed.KerkpleinId);

        // The registration, and the demo coordinator assigned to Kerkplein.
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("seed", e.UserName));
    }
}
