using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Domain.Networks;
using Bin.Testing;
using Marten;
using static Bin.Dashboard.Tests.Networks.GeoJsonText;

namespace Bin.Dashboard.Tests.Networks;

/// <summary>The founding workflow through the API, on a real PostgreSQL: a proposed network from idea to active.</summary>
public class FoundingApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd");

    private async Task<Guid> ProposeAsync(string name, double lon, double lat)
    {
        var admin = await host.App.ClientForAsync("admin");
        var response = await admin.PostAsync("/api/networks", Json($$"""
            { "name": "{{name}}", "source": "residents", "summary": "Buren vragen een BIN.", "boundary": {{Square(lon, lat, 0.004)}} }
            """));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NetworkEndpoints.Created>())!.Id;
    }

    private async Task<HttpResponseMessage> StepAsync(Guid id, string step, object body, string user = "admin") =>
        await (await host.App.ClientForAsync(user)).PostAsJsonAsync($"/api/networks/{id}/founding/{step}", body);

    private async Task<JsonElement> DetailsAsync(Guid id) =>
        await (await host.App.ClientForAsync("admin")).GetFromJsonAsync<JsonElement>($"/api/networks/{id}");

    private static readonly object Charter = new
    {
        agreements = "Leden melden verdachte situaties via 101.",
        partnerTasks = "Politie verstuurt tips; de coördinator beheert de leden.",
        contactDetails = "Coördinator: An Peeters, 0470 12 34 56.",
        financingPlan = "Gemeentelijke toelage.",
        communicationPlan = "SMS en een jaarlijkse nieuwsbrief.",
    };

    [Fact]
    public async Task A_proposed_network_goes_from_idea_to_active_step_by_step()
    {
        var id = await ProposeAsync("Heuvelwijk", 5.220, 51.200);
        Assert.Equal("Proposed", (await DetailsAsync(id)).GetProperty("status").GetString());
        Assert.Equal("ConsultationHeld", (await DetailsAsync(id)).GetProperty("nextStep").GetString());

        Assert.Equal(HttpStatusCode.OK, (await StepAsync(id, "consultation", new { heldOn = Today, summary = "Schepen en wijkagent akkoord." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(id, "info-evening", new { heldOn = Today, attendance = 72 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(id, "charter", Charter)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(id, "signatures", new { charterVersion = 1, signedOn = Today, signedBy = new[] { "mayor", "chiefOfPolice", "mandatedOfficer", "coordinator" } })).StatusCode);
        Assert.Equal("Founding", (await DetailsAsync(id)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(id, "recognition", new { fodReference = "BIN/2026/0412", recognisedOn = Today })).StatusCode);
        Assert.Equal("Recognised", (await DetailsAsync(id)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(id, "activation", new { startedOn = Today })).StatusCode);

        var details = await DetailsAsync(id);
        Assert.Equal("Active", details.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, details.GetProperty("nextStep").ValueKind);
        Assert.Equal(Enum.GetNames<FoundingStep>(), details.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Equal(72, details.GetProperty("attendance").GetInt32());
        Assert.Equal("BIN/2026/0412", details.GetProperty("fodReference").GetString());
        // The charter's contact details are kept beside the stream, not in it.
        Assert.DoesNotContain("Peeters", details.GetRawText());
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Equal("Coördinator: An Peeters, 0470 12 34 56.", (await session.LoadAsync<CharterContacts>(CharterContacts.IdOf(id, 1)))!.ContactDetails);
        var raw = await session.Events.FetchStreamAsync(id);
        Assert.DoesNotContain(raw, e => JsonSerializer.Serialize(e.Data, e.Data.GetType(), Bin.Dashboard.Infrastructure.Http.GeoJson.Options).Contains("Peeters"));
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_with_409_naming_the_missing_step_and_nothing_changes()
    {
        var id = await ProposeAsync("Sluiswijk", 5.228, 51.200);

        var response = await StepAsync(id, "recognition", new { fodReference = "BIN/2026/0001", recognisedOn = Today });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Voor Sluiswijk kan de erkenning door FOD Binnenlandse Zaken niet vastgelegd worden: het overleg met het lokale bestuur en de politie is nog niet vastgelegd.",
            problem.GetProperty("detail").GetString());
        Assert.Equal("Proposed", (await DetailsAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_charter_change_after_recognition_waits_to_be_reported_to_the_FOD()
    {
        var admin = await host.App.ClientForAsync("admin");

        Assert.Equal(HttpStatusCode.OK, (await StepAsync(NetworkSeed.KerkpleinId, "charter", Charter)).StatusCode);
        var waiting = (await DetailsAsync(NetworkSeed.KerkpleinId)).GetProperty("chartersToReport").EnumerateArray().Select(v => v.GetInt32()).ToList();
        var reported = await admin.PostAsJsonAsync($"/api/networks/{NetworkSeed.KerkpleinId}/charter/{waiting.Single()}/reported", new { reportedOn = Today });

        Assert.Equal(HttpStatusCode.NoContent, reported.StatusCode);
        Assert.Empty((await DetailsAsync(NetworkSeed.KerkpleinId)).GetProperty("chartersToReport").EnumerateArray());
    }

    [Fact]
    public async Task Assigning_a_coordinator_gives_their_account_the_network()
    {
        var id = await ProposeAsync("Dorpsveld", 5.236, 51.200);
        await host.App.Service<AccountProvisioning>().CreateOrUpdateAsync("an.coord", "An", "bin-demo", [Roles.Coordinator], [], default);
        var admin = await host.App.ClientForAsync("admin");

        var assigned = await admin.PostAsJsonAsync($"/api/networks/{id}/coordinators", new { accountId = "An.Coord" });
        var theirNetworks = await (await host.App.ClientForAsync("an.coord")).GetFromJsonAsync<JsonElement>("/api/networks");

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(["an.coord"], (await DetailsAsync(id)).GetProperty("coordinators").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Dorpsveld"], theirNetworks.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/networks/{id}/coordinators/an.coord")).StatusCode);
        Assert.Empty((await (await host.App.ClientForAsync("an.coord")).GetFromJsonAsync<JsonElement>("/api/networks")).GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_account_cannot_become_coordinator()
    {
        var response = await (await host.App.ClientForAsync("admin")).PostAsJsonAsync($"/api/networks/{NetworkSeed.KerkpleinId}/coordinators", new { accountId = "niemand" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_redrawn_boundary_over_a_neighbour_is_refused_naming_it_and_a_clear_one_is_saved()
    {
        var id = await ProposeAsync("Kanaalwijk", 5.244, 51.200);
        var admin = await host.App.ClientForAsync("admin");

        var overlapping = await admin.PutAsync($"/api/networks/{id}/boundary", Json(Square(5.3120, 51.2290, 0.003)));
        var clear = await admin.PutAsync($"/api/networks/{id}/boundary", Json(Square(5.244, 51.200, 0.005)));

        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("overlapt Kerkplein", await overlapping.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        Assert.Contains(id, (await host.App.Service<NetworkDirectory>().CurrentAsync()).Resolver.Containing(51.2045, 5.2485));
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("coordinator")]
    [InlineData("chief")]
    public async Task Only_administrators_propose_networks_and_record_steps(string user)
    {
        var client = await host.App.ClientForAsync(user);

        var propose = await client.PostAsync("/api/networks", Json($$"""{ "name": "Niet van mij", "boundary": {{Square(5.25, 51.21, 0.003)}} }"""));
        var step = await StepAsync(NetworkSeed.KerkpleinId, "charter", Charter, user);

        Assert.Equal(HttpStatusCode.Forbidden, propose.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);
    }

    [Fact]
    public async Task A_dissolved_network_leaves_the_resolver()
    {
        var id = await ProposeAsync("Eindpunt", 5.252, 51.200);
        Assert.Contains(id, (await host.App.Service<NetworkDirectory>().CurrentAsync()).Resolver.Containing(51.202, 5.254));

        var dissolved = await (await host.App.ClientForAsync("admin")).PostAsJsonAsync($"/api/networks/{id}/dissolution", new { reason = "Geen draagvlak op de infoavond." });

        Assert.Equal(HttpStatusCode.OK, dissolved.StatusCode);
        Assert.Equal("Dissolved", (await DetailsAsync(id)).GetProperty("status").GetString());
        // The live feed tells the directory; wait for it rather than for a fixed time.
        var directory = host.App.Service<NetworkDirectory>();
        await Eventually.HoldsAsync(async () => !(await directory.CurrentAsync()).Resolver.Containing(51.202, 5.254).Contains(id),
            TimeSpan.FromSeconds(5), "The dissolved network never left the resolver.");
    }
}
