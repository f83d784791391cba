using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Tests.Incidents;

public class IncidentsApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private sealed record Created(Guid Id, Guid[] NetworkIds);

    private static Polygon Kerkplein()
    {
        var seed = NetworkSeed.Read(Path.Combine(AppContext.BaseDirectory, NetworkSeed.SeedFile));
        return (Polygon)seed.First(f => f.Attributes["name"].ToString() == "Kerkplein").Geometry;
    }

    private async Task<HttpResponseMessage> PostAsync(object body, string user = "dispatcher") =>
        await (await host.App.ClientForAsync(user)).PostAsJsonAsync("/api/incidents", body);

    private async Task<int> StoredIncidentsAsync()
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return await session.Query<IncidentView>().CountAsync();
    }

    [Fact]
    public async Task An_incident_at_the_church_square_lies_in_Kerkplein()
    {
        var response = await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Inbraak gemeld via 101" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<Created>())!;
        Assert.Equal([NetworkSeed.KerkpleinId], created.NetworkIds);
        Assert.Equal($"/api/incidents/{created.Id}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_address_picked_for_the_point_is_kept_with_the_incident()
    {
        var response = await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Inbraak gemeld via 101",
            address = "Kerkplein 12, 3920 Lommel" });

        var created = (await response.Content.ReadFromJsonAsync<Created>())!;
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Equal("Kerkplein 12, 3920 Lommel", (await session.LoadAsync<IncidentView>(created.Id))!.Address);
    }

    [Fact]
    public async Task A_corrected_place_has_the_address_given_with_it_or_none_and_an_unmoved_one_keeps_its_own()
    {
        var dispatcher = await host.App.ClientForAsync("dispatcher");
        var created = (await (await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Inbraak gemeld via 101",
            address = "Kerkplein 12, 3920 Lommel" })).Content.ReadFromJsonAsync<Created>())!;
        async Task<IncidentView> PutAsync(object body)
        {
            var response = await dispatcher.PutAsJsonAsync($"/api/incidents/{created.Id}", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var session = host.App.Service<IDocumentStore>().QuerySession();
            return (await session.LoadAsync<IncidentView>(created.Id))!;
        }

        var described = await PutAsync(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Inbraak, twee daders" });
        Assert.Equal("Kerkplein 12, 3920 Lommel", described.Address);

        var moved = await PutAsync(new { lat = 51.2312, lon = 5.3141, category = "burglary", description = "Inbraak, twee daders", address = "Kerkplein 20, 3920 Lommel" });
        Assert.Equal("Kerkplein 20, 3920 Lommel", moved.Address);
        Assert.Equal((51.2312, 5.3141), (moved.Latitude, moved.Longitude));

        var movedAgain = await PutAsync(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Inbraak, twee daders" });
        Assert.Null(movedAgain.Address);
    }

    [Fact]
    public async Task A_correction_with_an_over_long_address_is_a_400_naming_it_and_changes_nothing()
    {
        var created = (await (await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Inbraak gemeld via 101",
            address = "Kerkplein 12, 3920 Lommel" })).Content.ReadFromJsonAsync<Created>())!;
        await using var before = host.App.Service<IDocumentStore>().QuerySession();
        var stored = (await before.LoadAsync<IncidentView>(created.Id))!;

        var response = await (await host.App.ClientForAsync("dispatcher")).PutAsJsonAsync($"/api/incidents/{created.Id}",
            new { lat = 51.2312, lon = 5.3141, category = "theft", description = "Anders", address = new string('a', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("address", out _));
        await using var after = host.App.Service<IDocumentStore>().QuerySession();
        var unchanged = (await after.LoadAsync<IncidentView>(created.Id))!;
        Assert.Equal((stored.Version, stored.Address, stored.Category, stored.Latitude), (unchanged.Version, unchanged.Address, unchanged.Category, unchanged.Latitude));
    }

    [Fact]
    public async Task An_incident_exactly_on_the_boundary_of_Kerkplein_belongs_to_Kerkplein()
    {
        var ring = Kerkplein().ExteriorRing.Coordinates;
        var onEdge = new Coordinate((ring[0].X + ring[1].X) / 2, (ring[0].Y + ring[1].Y) / 2);

        var vertex = await (await PostAsync(new { lat = ring[2].Y, lon = ring[2].X, category = "theft", description = "Op de grens" })).Content.ReadFromJsonAsync<Created>();
        var edge = await (await PostAsync(new { lat = onEdge.Y, lon = onEdge.X, category = "theft", description = "Op de rand" })).Content.ReadFromJsonAsync<Created>();

        Assert.Equal([NetworkSeed.KerkpleinId], vertex!.NetworkIds);
        Assert.Equal([NetworkSeed.KerkpleinId], edge!.NetworkIds);
    }

    [Fact]
    public async Task An_incident_in_the_zone_but_outside_every_network_has_no_networks()
    {
        var response = await PostAsync(new { lat = 51.2050, lon = 5.2500, category = "vandalism", description = "Bushokje vernield" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<Created>())!.NetworkIds);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{ "lat": 91, "lon": 5.31, "category": "theft", "description": "x" }""", "lat" },
        { """{ "lat": 51.23, "lon": 181, "category": "theft", "description": "x" }""", "lon" },
        { """{ "lat": 50.8467, "lon": 4.3525, "category": "theft", "description": "Brussel, niet Lommel" }""", "lat" },
        { """{ "lat": "north", "lon": 5.31, "category": "theft", "description": "x" }""", "lat" },
        { """{ "lon": 5.31, "category": "theft", "description": "x" }""", "lat" },
        { """{ "lat": 51.23, "lon": 5.31, "category": "arson", "description": "x" }""", "category" },
        { """{ "lat": 51.23, "lon": 5.31, "category": "theft", "description": "   " }""", "description" },
        { $$"""{ "lat": 51.23, "lon": 5.31, "category": "theft", "description": "{{new string('x', 2001)}}" }""", "description" },
        { """{ "lat": 51.23, "lon": 5.31, "category": "theft", "description": "x", "reporterKind": "alien" }""", "reporterKind" },
        { """{ "lat": 51.23, "lon": """, "body" },
        { """[1, 2]""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_gets_a_400_problem_naming_the_field_and_stores_nothing(string json, string field)
    {
        var before = await StoredIncidentsAsync();
        var client = await host.App.ClientForAsync("dispatcher");

        var response = await client.PostAsync("/api/incidents", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem.RootElement}");
        Assert.Equal(before, await StoredIncidentsAsync());
    }

    [Fact]
    public async Task Free_text_is_stored_as_written_including_markup()
    {
        const string text = "<script>alert('x')</script> & \"quotes\"";
        var created = await (await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "other", description = text })).Content.ReadFromJsonAsync<Created>();

        var incident = await (await host.App.ClientForAsync("chief")).GetFromJsonAsync<IncidentView>($"/api/incidents/{created!.Id}");

        Assert.Equal(text, incident!.Description);
    }

    [Fact]
    public async Task A_chief_may_read_but_not_record_incidents()
    {
        var response = await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "theft", description = "x" }, user: "chief");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_list_is_newest_first_and_filters_by_network_status_and_period()
    {
        var first = await (await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "fire", description = "eerste" })).Content.ReadFromJsonAsync<Created>();
        var second = await (await PostAsync(new { lat = 51.2050, lon = 5.2500, category = "fire", description = "tweede" })).Content.ReadFromJsonAsync<Created>();
        var client = await host.App.ClientForAsync("chief");

        var all = await client.GetFromJsonAsync<List<IncidentView>>("/api/incidents");
        var inKerkplein = await client.GetFromJsonAsync<List<IncidentView>>($"/api/incidents?networkId={NetworkSeed.KerkpleinId}");
        var future = await client.GetFromJsonAsync<List<IncidentView>>($"/api/incidents?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}");

        Assert.True(all!.IndexOf(all.Single(i => i.Id == second!.Id)) < all.IndexOf(all.Single(i => i.Id == first!.Id)));
        Assert.Equal(all.OrderByDescending(i => i.ReportedAt).Select(i => i.Id), all.Select(i => i.Id));
        Assert.Contains(inKerkplein!, i => i.Id == first!.Id);
        Assert.DoesNotContain(inKerkplein!, i => i.Id == second!.Id);
        Assert.Empty(future!);

        var officer = await host.App.ClientForAsync("officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/incidents/{first!.Id}/verify", null)).StatusCode);
        var verified = await client.GetFromJsonAsync<List<IncidentView>>("/api/incidents?status=verified");
        Assert.Contains(verified!, i => i.Id == first.Id);
        Assert.DoesNotContain(verified!, i => i.Id == second!.Id);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("networkId=kerkplein", "networkId")]
    [InlineData("status=lost", "status")]
    [InlineData("from=2026-11-28T10:00:00Z&to=2026-11-27T10:00:00Z", "from")]
    public async Task Bad_filters_get_a_400_naming_the_parameter(string query, string field)
    {
        var response = await (await host.App.ClientForAsync("chief")).GetAsync($"/api/incidents?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Closing_twice_is_a_409_with_the_reason()
    {
        var created = await (await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "theft", description = "fiets" })).Content.ReadFromJsonAsync<Created>();
        var officer = await host.App.ClientForAsync("officer");

        var first = await officer.PostAsJsonAsync($"/api/incidents/{created!.Id}/close", new { outcome = "suspect-caught" });
        var second = await officer.PostAsJsonAsync($"/api/incidents/{created.Id}/close", new { outcome = "nothing-found" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("al afgesloten", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_coordinator_lists_only_incidents_of_their_network()
    {
        var inside = await (await PostAsync(new { lat = 51.2307, lon = 5.3135, category = "theft", description = "in Kerkplein" })).Content.ReadFromJsonAsync<Created>();
        var outside = await (await PostAsync(new { lat = 51.2050, lon = 5.2500, category = "theft", description = "elders" })).Content.ReadFromJsonAsync<Created>();

        var list = await (await host.App.ClientForAsync("coordinator")).GetFromJsonAsync<List<IncidentView>>("/api/incidents");

        Assert.Contains(list!, i => i.Id == inside!.Id);
        Assert.DoesNotContain(list!, i => i.Id == outside!.Id);
    }
}
