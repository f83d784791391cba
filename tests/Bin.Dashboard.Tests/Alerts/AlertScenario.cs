using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Alerts;

public sealed record Issued(Guid AlertId, int Recipients);

/// <summary>The steps alerting tests share, through a node's HTTP API: an incident, members, an alert, its progress.</summary>
public sealed class AlertScenario(BinAppFactory app)
{
    public static Guid Parelstrand => SeedNetworks.Parelstrand;

    public async Task<Guid> IncidentAsync(double lat = 51.2307, double lon = 5.3135)
    {
        var client = await app.ClientForAsync("officer");
        var response = await client.PostAsJsonAsync("/api/incidents", new { lat, lon, category = "burglary", description = "Inbraak" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Issued> AlertAsync(Guid incident, params Guid[] networks)
    {
        var client = await app.ClientForAsync("officer");
        var response = await client.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = networks, tipTemplateId = "burglary-lights" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Issued>())!;
    }

    public async Task<NetworkProgress[]> ProgressAsync(Guid alertId)
    {
        var client = await app.ClientForAsync("chief");
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}");
        return details.GetProperty("progress").Deserialize<NetworkProgress[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public async Task<NetworkProgress[]> WaitForAsync(Guid alertId, Func<NetworkProgress[], bool> done)
    {
        NetworkProgress[] progress = [];
        if (!await Eventually.WithinAsync(async () => done(progress = await ProgressAsync(alertId)), TimeSpan.FromSeconds(20)))
            Assert.Fail($"Progress never arrived: {JsonSerializer.Serialize(progress)}");
        return progress;
    }

    /// <summary>
    /// Until nothing of the alert is queued any more. Not "all sent": the simulator reports numbers ending in 99 as
    /// failed a second after sending them, so on a slow machine some fail before the last one is sent.
    /// </summary>
    public Task<NetworkProgress[]> WaitUntilHandedOverAsync(Guid alertId) => WaitForAsync(alertId, p => p.Sum(x => x.Queued) == 0);

    /// <summary>
    /// The webhook stores a message and answers; the inbound processor records what it means right after. Waits until
    /// nothing received is left unrecorded.
    /// </summary>
    public Task RecordedAsync()
    {
        var inbox = app.Service<InboundStore>();
        return Eventually.HoldsAsync(async () => await inbox.PendingCountAsync(default) == 0, TimeSpan.FromSeconds(30), "Received SMS were never recorded.");
    }

    /// <summary>Adds members through the CSV import and returns their numbers.</summary>
    public async Task<List<string>> ImportMembersAsync(Guid network, int count, string prefix)
    {
        var numbers = Enumerable.Range(0, count).Select(i => $"+32{prefix}{i:D6}").ToList();
        var csv = new StringBuilder("name;phone;language\n");
        foreach (var (number, i) in numbers.Select((n, i) => (n, i))) csv.Append($"Testlid {prefix}-{i};{number};{(i % 4 == 1 ? "fr" : "nl")}\n");
        var admin = await app.ClientForAsync("admin");
        var response = await admin.PostAsync($"/api/networks/{network}/members/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return numbers;
    }
}
