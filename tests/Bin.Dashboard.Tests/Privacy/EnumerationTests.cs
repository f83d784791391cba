using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.Privacy;

/// <summary>A coordinator cannot learn who is a member elsewhere, or who opted out, by trying numbers.</summary>
public class EnumerationTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static Guid Leuken => SeedNetworks.Leuken;

    [Fact]
    public async Task For_a_number_of_another_network_the_coordinator_learns_only_that_it_is_registered_in_the_zone()
    {
        var admin = await host.App.ClientForAsync("admin");
        var active = await RegisterAsync(admin, "+32475000001");
        var optedOut = await RegisterAsync(admin, "+32475000002");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/members/{optedOut}/opt-out", null)).StatusCode);
        var coordinator = await host.App.ClientForAsync("coordinator");

        var single = await coordinator.PostAsJsonAsync($"/api/networks/{NetworkSeed.KerkpleinId}/members",
            new { name = "Iemand", phone = "+32475000002", consentMethod = "form" });
        var import = await coordinator.PostAsync($"/api/networks/{NetworkSeed.KerkpleinId}/members/import?dryRun=true",
            new StringContent("name;phone\nEen;+32475000001\nTwee;+32475000002\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Conflict, single.StatusCode);
        Assert.Equal(MemberCommands.RegisteredElsewhere, (await single.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var report = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(report.GetProperty("rows").EnumerateArray(), r => Assert.Equal(MemberCommands.RegisteredElsewhere, r.GetProperty("reason").GetString()));
        // The administrator may know more.
        var byAdmin = await admin.PostAsJsonAsync($"/api/networks/{NetworkSeed.KerkpleinId}/members", new { name = "Iemand", phone = "+32475000002", consentMethod = "form" });
        Assert.Contains("schreef zich uit", (await byAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.NotEqual(active, optedOut);
    }

    [Fact]
    public async Task Dry_runs_are_limited_per_account_counted_in_parallel_and_recorded()
    {
        await using var app = await BinAppFactory.StartAsync(new Dictionary<string, string?> { ["Members:MaxDryRunsPerHour"] = "4" });
        var coordinator = await app.ClientForAsync("coordinator");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => coordinator.PostAsync(
            $"/api/networks/{NetworkSeed.KerkpleinId}/members/import?dryRun=true",
            new StringContent($"name;phone\nEen;+3247600{i:D4}\n", Encoding.UTF8, "text/csv"))));

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        await using var session = app.Service<IDocumentStore>().QuerySession();
        var recorded = await session.Query<ImportDryRun>().ToListAsync();
        Assert.Equal(4, recorded.Count);
        Assert.All(recorded, r => Assert.Equal(("coordinator", 1), (r.Account, r.Rows)));
    }

    private static async Task<Guid> RegisterAsync(HttpClient admin, string phone)
    {
        var response = await admin.PostAsJsonAsync($"/api/networks/{Leuken}/members", new { name = "Lid Elders", phone, consentMethod = "form" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
