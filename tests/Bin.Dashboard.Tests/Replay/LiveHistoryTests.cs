using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Features.Replay.State;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Replay;

/// <summary>What the dashboard records live (not only the generator's history) is in the timeline at once.</summary>
[Collection(ReplayCollection.Name)]
public class LiveHistoryTests(ReplayFixture fixture)
{
    [Fact]
    public async Task An_incident_alerted_and_acknowledged_through_the_dashboard_is_in_the_history_and_in_the_state_of_the_moment()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var officer = await fixture.App.ClientForAsync("officer");
        var chief = await fixture.App.ClientForAsync("chief");
        var reported = await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Live voor de replay" });
        var incidentId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var alerted = await officer.PostAsJsonAsync($"/api/incidents/{incidentId}/alerts", new { networkIds = new[] { NetworkSeed.KerkpleinId }, tipTemplateId = "burglary-lights" });
        Assert.Equal(HttpStatusCode.Accepted, alerted.StatusCode);
        var alertId = (await alerted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetGuid();

        // A member answers OK once the tip went out.
        var phone = (await fixture.App.Service<IMemberDirectory>().ActiveRecipientsAsync([NetworkSeed.KerkpleinId], default))
            .Select(r => r.Phone).First(p => !p.EndsWith("99", StringComparison.Ordinal));
        await UntilAsync(async () => (await chief.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}")).GetProperty("progress")[0].GetProperty("queued").GetInt32() == 0);
        Assert.Equal(HttpStatusCode.OK, (await fixture.App.CreateClient().SendAsync(TwilioSigner.Inbound(phone, "OK"))).StatusCode);

        ReplaySnapshot? state = null;
        await UntilAsync(async () =>
        {
            state = await chief.GetFromJsonAsync<ReplaySnapshot>($"/api/history/state?at={Iso(DateTimeOffset.UtcNow)}", HistoryJson.Options);
            return state!.Alerts.Any(a => a.AlertId == alertId && a.Networks.Single().Acknowledged == 1);
        });
        Assert.Contains(state!.Incidents, i => i.Id == incidentId && i.Category == "burglary" && i.NetworkIds.Contains(NetworkSeed.KerkpleinId));

        var history = await chief.GetFromJsonAsync<HistoryPage>($"/api/history?from={Iso(started)}&to={Iso(DateTimeOffset.UtcNow.AddSeconds(1))}", HistoryJson.Options);
        var mine = history!.Items.Where(i => i.IncidentId == incidentId).ToList();
        Assert.Equal(["incident-reported", "alert-issued", "acknowledgements"], mine.Select(i => i.Type));
        Assert.All(mine.Take(2), i => Assert.Equal("officer", i.By));
        Assert.Equal(1, mine[2].Count);
        Assert.Equal([NetworkSeed.KerkpleinId], mine[2].NetworkIds);
        Assert.Equal((51.2307, 5.3135), (mine[1].Latitude!.Value, mine[1].Longitude!.Value));
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static Task UntilAsync(Func<Task<bool>> done) => Eventually.HoldsAsync(done, TimeSpan.FromSeconds(20), "The condition never became true.");
}
