using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain.Geometry;
using Bin.Domain.Networks;
using Bin.Testing;
using Marten;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using static Bin.Dashboard.Tests.Networks.GeoJsonText;

namespace Bin.Dashboard.Tests.Networks;

/// <summary>
/// GeoJSON import and export through the API on a real PostgreSQL. Each test works in its own corner of the zone (the
/// south-west of Lommel, clear of the seven BINs), so the tests of this class share one host without stepping on each other.
/// </summary>
public class NetworkImportTests(HostFixture host) : IClassFixture<HostFixture>
{
    private sealed record ImportAnswer(int Registered, int Changed, int Unchanged, ImportedNetwork[] Networks);

    private sealed record ImportedNetwork(int Feature, Guid Id, string Name, string Outcome);

    private async Task<HttpResponseMessage> ImportAsync(string geoJson, string user = "admin", string query = "") =>
        await (await host.App.ClientForAsync(user)).PostAsync($"/api/networks/import{query}", Json(geoJson));

    private async Task<long> StoredEventsAsync()
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(NetworkSeed.KerkpleinId))!.Version
               + await session.Events.QueryAllRawEvents().CountAsync();
    }

    private async Task<IReadOnlyList<NetworkView>> NetworksAsync()
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return await session.Query<NetworkView>().ToListAsync();
    }

    private static async Task<Dictionary<string, string[]>> ProblemsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        return problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_valid_file_registers_new_networks_and_redraws_a_named_one()
    {
        var parelstrand = (await NetworksAsync()).Single(n => n.Name == "Parelstrand");
        // Parelstrand drawn a little smaller around its centre: it stays clear of everyone.
        var centre = parelstrand.Boundary.Centroid;
        var smaller = (Polygon)AffineTransformation.ScaleInstance(0.9, 0.9, centre.X, centre.Y).Transform(parelstrand.Boundary);
        var file = Collection(
            Feature(Square(5.220, 51.190, 0.004), "Heidehuizen"),
            Feature(Square(5.225, 51.190, 0.004), "Lutlommel-Zuid", status: "Proposed"),
            Feature(JsonSerializer.Serialize<Geometry>(smaller, GeoJson.Options), "parelstrand"));

        var response = await ImportAsync(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<ImportAnswer>())!;
        Assert.Equal((2, 1, 0), (answer.Registered, answer.Changed, answer.Unchanged));
        Assert.Equal(["Registered", "Registered", "BoundaryChanged"], answer.Networks.Select(n => n.Outcome));
        Assert.Equal(parelstrand.Id, answer.Networks[2].Id);

        var networks = await NetworksAsync();
        var heide = networks.Single(n => n.Name == "Heidehuizen");
        Assert.Equal(NetworkStatus.Active, heide.Status);
        Assert.False(heide.Indicative);
        Assert.Equal(NetworkStatus.Proposed, networks.Single(n => n.Name == "Lutlommel-Zuid").Status);
        var redrawn = networks.Single(n => n.Id == parelstrand.Id);
        Assert.True(redrawn.Boundary.EqualsExact(smaller, 1e-9));
        Assert.False(redrawn.Indicative);

        // The resolver of every node follows: a point in the new network now lies in it.
        var directory = await host.App.Service<NetworkDirectory>().CurrentAsync();
        Assert.Contains(heide.Id, directory.Resolver.Containing(51.192, 5.222));
    }

    [Fact]
    public async Task Invalid_geometries_are_reported_per_feature_and_nothing_is_saved()
    {
        var before = await StoredEventsAsync();
        var file = Collection(
            Feature(Ring((5.230, 51.195), (5.234, 51.199), (5.234, 51.195), (5.230, 51.199), (5.230, 51.195)), "Vlinderdas"),
            Feature(Ring((5.236, 51.195), (5.238, 51.197), (5.236, 51.195)), "Te weinig punten"),
            Feature(Square(5.33, 50.93, 0.004), "Hasselt"),
            Feature("{\"type\":\"LineString\",\"coordinates\":[[5.24,51.19],[5.25,51.19]]}", "Een lijn"));

        var problems = await ProblemsAsync(await ImportAsync(file));

        Assert.Equal(["features[1]", "features[2]", "features[3]", "features[4]"], problems.Keys.Order());
        Assert.Contains("snijdt zichzelf", Assert.Single(problems["features[1]"]));
        Assert.Contains("minstens", Assert.Single(problems["features[2]"]));
        Assert.Contains("verlaat het werkgebied", Assert.Single(problems["features[3]"]));
        Assert.Contains("LineString", Assert.Single(problems["features[4]"]));
        Assert.Equal(before, await StoredEventsAsync());
    }

    [Fact]
    public async Task An_overlap_with_an_existing_network_is_reported_naming_it()
    {
        var file = Collection(Feature(Square(5.3130, 51.2300, 0.002), "Kerkstraat"));

        var problems = await ProblemsAsync(await ImportAsync(file));

        Assert.StartsWith("De grens overlapt Kerkplein over ongeveer", Assert.Single(problems["features[1]"]));
        Assert.DoesNotContain(await NetworksAsync(), n => n.Name == "Kerkstraat");
    }

    [Fact]
    public async Task Two_features_of_one_file_overlapping_each_other_are_both_reported()
    {
        var file = Collection(Feature(Square(5.240, 51.200, 0.004), "Oost"), Feature(Square(5.242, 51.202, 0.004), "West"));

        var problems = await ProblemsAsync(await ImportAsync(file));

        Assert.Contains("overlapt West", Assert.Single(problems["features[1]"]));
        Assert.Contains("overlapt Oost", Assert.Single(problems["features[2]"]));
    }

    [Fact]
    public async Task A_mixed_batch_with_one_bad_feature_saves_nothing_at_all()
    {
        var before = await StoredEventsAsync();
        var networksBefore = await NetworksAsync();
        var file = Collection(
            Feature(Square(5.250, 51.185, 0.003), "Goede buurt"),
            Feature(Square(5.3135, 51.2280, 0.003), "Kerkplein", id: NetworkSeed.KerkpleinId),
            Feature(Ring((5.255, 51.185), (5.258, 51.188), (5.258, 51.185), (5.255, 51.188), (5.255, 51.185)), "Vlinderdas"));

        var problems = await ProblemsAsync(await ImportAsync(file));

        Assert.Equal(["features[3]"], problems.Keys);
        Assert.Equal(before, await StoredEventsAsync());
        var networksAfter = await NetworksAsync();
        Assert.DoesNotContain(networksAfter, n => n.Name == "Goede buurt");
        Assert.True(networksAfter.Single(n => n.Id == NetworkSeed.KerkpleinId).Boundary
            .EqualsExact(networksBefore.Single(n => n.Id == NetworkSeed.KerkpleinId).Boundary));
    }

    [Fact]
    public async Task Export_then_import_is_a_round_trip_that_changes_nothing()
    {
        var admin = await host.App.ClientForAsync("admin");
        var export = await admin.GetAsync("/api/networks/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/geo+json", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.ToString() ?? export.Headers.ToString());
        var text = await export.Content.ReadAsStringAsync();
        var exported = JsonSerializer.Deserialize<FeatureCollection>(text, GeoJson.Options)!;
        var before = await StoredEventsAsync();

        var response = await ImportAsync(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<ImportAnswer>())!;
        Assert.Equal(exported.Count, answer.Unchanged);
        Assert.Equal(0, answer.Registered + answer.Changed);
        Assert.Equal(before, await StoredEventsAsync());
        var networks = (await NetworksAsync()).ToDictionary(n => n.Id);
        foreach (var feature in exported)
        {
            var network = networks[Guid.Parse(feature.Attributes["id"].ToString()!)];
            Assert.Equal(network.Name, feature.Attributes["name"]);
            Assert.Equal(network.Status.ToString(), feature.Attributes["status"]);
            Assert.True(network.Boundary.EqualsExact(feature.Geometry), $"{network.Name} came back changed");
        }
    }

    [Theory]
    [InlineData("urn:ogc:def:crs:EPSG::31370", "")]
    [InlineData(null, "?crs=EPSG:3812")]
    public async Task Lambert_coordinates_are_reprojected_to_WGS84(string? fileCrs, string query)
    {
        var crs = fileCrs is null ? ImportCrs.Lambert2008 : ImportCrs.Lambert72;
        var lon = fileCrs is null ? 5.260 : 5.265;
        (double, double)[] wgs84 = [(lon, 51.205), (lon + 0.003, 51.205), (lon + 0.003, 51.208), (lon, 51.208), (lon, 51.205)];
        var grid = wgs84.Select(p => BelgianLambert.FromWgs84(p.Item1, p.Item2, crs)).ToArray();
        Assert.All(grid, p => Assert.True(p.X > 1000 && p.Y > 1000, "metres, not degrees"));
        var name = $"Lambert {crs}";

        var response = await ImportAsync(CollectionIn(fileCrs, Feature(Ring(grid), name)), query: query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var boundary = (await NetworksAsync()).Single(n => n.Name == name).Boundary;
        var expected = wgs84.Select(p => new Coordinate(p.Item1, p.Item2)).ToArray();
        Assert.All(boundary.ExteriorRing.Coordinates.Zip(expected), pair =>
        {
            Assert.Equal(pair.Second.X, pair.First.X, 6);
            Assert.Equal(pair.Second.Y, pair.First.Y, 6);
        });
    }

    [Fact]
    public async Task Metres_without_a_crs_are_refused_with_the_grids_to_choose_from()
    {
        var problems = await ProblemsAsync(await ImportAsync(Collection(Feature(Square(218_000, 212_000, 400), "Zonder crs"))));

        Assert.Contains("EPSG:31370", Assert.Single(problems["file"]));
    }

    [Fact]
    public async Task Only_administrators_import_and_a_coordinator_exports_only_their_network()
    {
        var dispatcher = await ImportAsync(Collection(Feature(Square(5.255, 51.195, 0.002), "Niet van mij")), user: "dispatcher");
        var coordinatorExport = await (await host.App.ClientForAsync("coordinator")).GetFromJsonAsync<JsonElement>("/api/networks/export");

        Assert.Equal(HttpStatusCode.Forbidden, dispatcher.StatusCode);
        Assert.Equal(["Kerkplein"], coordinatorExport.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData(null, "Dit is geen geldige JSON: de tekst loopt fout op regel 1, positie 11.")]
    [InlineData("en", "This is not valid JSON: the text goes wrong at line 1, position 11.")]
    public async Task A_file_that_is_not_json_is_refused_with_a_sentence_in_the_users_language(string? language, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/networks/import") { Content = Json("{ \"type\": bad }") };
        if (language is not null) request.Headers.Add("Accept-Language", language);

        var problems = await ProblemsAsync(await (await host.App.ClientForAsync("admin")).SendAsync(request));

        Assert.Equal(expected, Assert.Single(problems["body"]));
    }
}
