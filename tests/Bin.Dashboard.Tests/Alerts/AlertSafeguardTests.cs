using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>The safeguards of POST /api/incidents/{id}/alerts, fired in parallel: what counts must count exactly.</summary>
public class AlertSafeguardTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly Guid Parelstrand = AlertScenario.Parelstrand;
    private static Guid Slachthuis => SeedNetworks.Slachthuis;

    private static HttpRequestMessage Alert(Guid incident, Guid network, bool repeat = false, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{incident}/alerts")
        {
            Content = JsonContent.Create(new { networkIds = new[] { network }, tipTemplateId = "burglary-lights", repeat }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task Twenty_parallel_alerts_by_one_officer_against_a_cap_of_ten_give_exactly_ten_accepted_and_ten_refused_with_Retry_After()
    {
        await using var app = await BinAppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Alerts:MaxAlertsPerOfficerPerHour"] = "10", ["Alerts:MaxAlertsPerAdminPerHour"] = "3", ["Alerts:DailySegmentBudget"] = "1000000",
        });
        var incident = await new AlertScenario(app).IncidentAsync(51.2470, 5.3450);
        var officer = await app.ClientForAsync("officer");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => officer.SendAsync(Alert(incident, Parelstrand, repeat: true))));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(10, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.InRange(r.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600);
        });
        await using var session = app.Service<IDocumentStore>().QuerySession();
        Assert.Equal(10, await session.Query<AlertView>().CountAsync(a => a.IncidentId == incident));

        // Administrators are capped too, by their own setting.
        var admin = await app.ClientForAsync("admin");
        var byAdmin = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.SendAsync(Alert(incident, Parelstrand, repeat: true))));
        Assert.Equal(3, byAdmin.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(3, byAdmin.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Alerting_a_network_again_for_the_same_incident_within_thirty_minutes_is_refused_unless_the_request_says_repeat()
    {
        var incident = await new AlertScenario(host.App).IncidentAsync();
        var officer = await host.App.ClientForAsync("officer");

        var firstTwo = await Task.WhenAll(officer.SendAsync(Alert(incident, NetworkSeed.KerkpleinId)), officer.SendAsync(Alert(incident, NetworkSeed.KerkpleinId)));

        Assert.Single(firstTwo, r => r.StatusCode == HttpStatusCode.Accepted);
        var refused = Assert.Single(firstTwo, r => r.StatusCode == HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("repeat", problem.GetProperty("field").GetString());
        Assert.Equal(NetworkSeed.KerkpleinId, problem.GetProperty("repeats")[0].GetProperty("networkId").GetGuid());
        Assert.Equal(HttpStatusCode.Accepted, (await officer.SendAsync(Alert(incident, NetworkSeed.KerkpleinId, repeat: true))).StatusCode);
        // Another network of the same incident was not alerted yet.
        Assert.Equal(HttpStatusCode.Accepted, (await officer.SendAsync(Alert(incident, Slachthuis))).StatusCode);
    }

    [Fact]
    public async Task The_same_Idempotency_Key_sent_ten_times_at_once_gives_one_alert_and_the_same_alert_id_to_all()
    {
        var incident = await new AlertScenario(host.App).IncidentAsync(51.2470, 5.3450);
        var officer = await host.App.ClientForAsync("officer");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => officer.SendAsync(Alert(incident, Parelstrand, key: key))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetGuid()));
        Assert.Single(ids.Distinct());
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var alert = Assert.Single(await session.Query<AlertView>().Where(a => a.IncidentId == incident).ToListAsync());
        var progress = await new AlertScenario(host.App).ProgressAsync(alert.Id);
        Assert.Equal(alert.Recipients, progress.Sum(p => p.Recipients));
    }

    [Fact]
    public async Task Past_the_daily_segment_budget_an_alert_waits_for_an_administrator_and_two_parallel_approvals_send_it_once()
    {
        await using var app = await BinAppFactory.StartAsync(new Dictionary<string, string?> { ["Alerts:DailySegmentBudget"] = "100" });
        var incident = await new AlertScenario(app).IncidentAsync();
        var officer = await app.ClientForAsync("officer");

        var asked = await officer.SendAsync(Alert(incident, NetworkSeed.KerkpleinId));

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var body = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("awaiting-approval", body.GetProperty("status").GetString());
        var approvalId = body.GetProperty("approvalId").GetGuid();
        await using (var session = app.Service<IDocumentStore>().QuerySession())
            Assert.Equal(0, await session.Query<AlertView>().CountAsync(a => a.IncidentId == incident));
        var before = await officer.GetFromJsonAsync<JsonElement>("/api/alerts/budget");
        Assert.Equal(0, before.GetProperty("used").GetInt32());
        Assert.Equal(100, before.GetProperty("budget").GetInt32());
        Assert.Equal(1, before.GetProperty("pendingApprovals").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/alert-approvals/{approvalId}/approve", null)).StatusCode);

        var admin = await app.ClientForAsync("admin");
        var approvals = await Task.WhenAll(admin.PostAsync($"/api/alert-approvals/{approvalId}/approve", null), admin.PostAsync($"/api/alert-approvals/{approvalId}/approve", null));

        Assert.Single(approvals, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Single(approvals, r => r.StatusCode == HttpStatusCode.Conflict);
        await using (var session = app.Service<IDocumentStore>().QuerySession())
        {
            var alert = Assert.Single(await session.Query<AlertView>().Where(a => a.IncidentId == incident).ToListAsync());
            Assert.Equal("officer", alert.IssuedBy);
            var approval = await session.LoadAsync<AlertApproval>(approvalId);
            Assert.Equal(AlertApprovalStatus.Approved, approval!.Status);
            Assert.Equal("admin", approval.DecidedBy);
            Assert.Equal(alert.Id, approval.AlertId);
        }
        var after = await officer.GetFromJsonAsync<JsonElement>("/api/alerts/budget");
        Assert.True(after.GetProperty("used").GetInt32() > 100);
    }
}
