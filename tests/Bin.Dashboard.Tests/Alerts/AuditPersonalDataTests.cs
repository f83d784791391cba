using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Replay.Audit;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Testing;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>The audit page shows that an officer confirmed personal data in a tip.</summary>
public class AuditPersonalDataTests : BunitContext, IClassFixture<HostFixture>
{
    private readonly HostFixture _host;

    public AuditPersonalDataTests(HostFixture host)
    {
        _host = host;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Services.AddSingleton(host.App.Service<IDocumentStore>());
        Services.AddSingleton(host.App.Service<AlertProgressReader>());
        Services.AddSingleton(host.App.Service<NetworkDirectory>());
        Services.AddSingleton(host.App.Service<LiveFeed>());
        Services.AddSingleton(TimeProvider.System);
        var auth = AddAuthorization();
        auth.SetAuthorized("chief");
        auth.SetRoles(Roles.Chief);
    }

    [Fact]
    public async Task The_audit_shows_which_personal_data_the_officer_confirmed()
    {
        var incident = await new AlertScenario(_host.App).IncidentAsync();
        var officer = await _host.App.ClientForAsync("officer");
        var response = await officer.PostAsJsonAsync($"/api/incidents/{incident}/alerts",
            new { networkIds = new[] { NetworkSeed.KerkpleinId }, tip = "Politie Lommel - BIN: gezocht wagen 1-ABC-123. Bel 101. Antwoord OK.", confirmPersonalData = true });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var alertId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetGuid();

        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Contains("Persoonsgegevens bevestigd: nummerplaat",
            page.Find($"[data-testid=audit-row][data-alert='{alertId}'] [data-testid=audit-personal-data]").TextContent));
    }
}
