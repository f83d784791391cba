using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.Alerts;

public class PersonalDataApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string WantedCar = "Politie Lommel - BIN: gezocht grijze Audi 1-ABC-123, gezien aan de Kerkstraat 12. Niet aanspreken, bel 101. Antwoord OK.";

    private AlertScenario Scenario => new(host.App);

    private async Task<HttpResponseMessage> IssueAsync(Guid incident, object body) =>
        await (await host.App.ClientForAsync("officer")).PostAsJsonAsync($"/api/incidents/{incident}/alerts", body);

    [Fact]
    public async Task A_tip_with_personal_data_is_refused_with_422_naming_each_finding_and_nothing_is_sent()
    {
        var incident = await Scenario.IncidentAsync();

        var response = await IssueAsync(incident, new { networkIds = new[] { NetworkSeed.KerkpleinId }, tip = WantedCar });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var findings = problem.GetProperty("errors").GetProperty("tip").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("licence-plate \"1-ABC-123\"", findings[0]);
        Assert.StartsWith("street-and-house-number \"Kerkstraat 12\"", findings[1]);
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.False(await session.Query<AlertView>().AnyAsync(a => a.IncidentId == incident));
    }

    [Fact]
    public async Task A_confirmed_tip_with_personal_data_is_sent_and_the_confirmation_shows_in_the_audit()
    {
        var incident = await Scenario.IncidentAsync();

        var response = await IssueAsync(incident, new { networkIds = new[] { NetworkSeed.KerkpleinId }, tip = WantedCar, confirmPersonalData = true });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var alertId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetGuid();
        var audit = await (await host.App.ClientForAsync("chief")).GetFromJsonAsync<JsonElement>($"/api/alerts?incidentId={incident}");
        var row = Assert.Single(audit.EnumerateArray());
        Assert.Equal(alertId, row.GetProperty("id").GetGuid());
        Assert.Equal(["licence-plate", "street-and-house-number"], row.GetProperty("personalDataConfirmed").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task A_tip_without_personal_data_needs_no_confirmation_and_records_none()
    {
        var incident = await Scenario.IncidentAsync();

        var response = await IssueAsync(incident, new { networkIds = new[] { NetworkSeed.KerkpleinId }, tip = "Politie Lommel - BIN: inbraak in uw buurt. Doe de buitenverlichting aan. Antwoord OK." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var alert = await session.Query<AlertView>().SingleAsync(a => a.IncidentId == incident);
        Assert.Empty(alert.PersonalDataConfirmed);
    }
}
