using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>The approvals page over a host whose daily budget is 100 segments.</summary>
public sealed class AlertApprovalsPageTests : BunitContext, IAsyncLifetime
{
    private BinAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = await BinAppFactory.StartAsync(new Dictionary<string, string?> { ["Alerts:DailySegmentBudget"] = "100" });
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Services.AddSingleton(_app.Service<AlertApprovals>());
        Services.AddSingleton(_app.Service<AlertBudget>());
        Services.AddSingleton(_app.Service<NetworkDirectory>());
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(Roles.Admin);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_administrator_sees_the_held_alert_with_its_cost_and_approving_it_sends_it()
    {
        var scenario = new AlertScenario(_app);
        var incident = await scenario.IncidentAsync();
        var officer = await _app.ClientForAsync("officer");
        var held = await officer.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = new[] { NetworkSeed.KerkpleinId }, tipTemplateId = "burglary-lights" });
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);

        var page = Render<AlertApprovalsPage>();

        page.WaitForAssertion(() => Assert.Contains("officer", page.Find("[data-testid=approval]").TextContent));
        Assert.Contains("Kerkplein", page.Find("[data-testid=approval]").TextContent);
        Assert.Contains("van 100 vandaag gebruikt", page.Find("[data-testid=approval]").TextContent);
        page.Find("[data-testid=approve]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=approvals-empty]")));
        await using var session = _app.Service<IDocumentStore>().QuerySession();
        Assert.Equal("officer", Assert.Single(await session.Query<AlertView>().Where(a => a.IncidentId == incident).ToListAsync()).IssuedBy);
    }
}
