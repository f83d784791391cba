using Bin.Dashboard.Features.Operations;
using Bin.Dashboard.Features.Sms;
using Bin.Dashboard.Tests.Alerts;
using Bin.Dashboard.Tests.Sms;
using Bin.Testing;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bin.Dashboard.Tests.Operations;

/// <summary>The admins' operations page, rendered with bUnit on the services of a real host: the SMS gateway's state
/// as the outbox recorded it, and this node's readiness.</summary>
public class OperationsPageTests : BunitContext
{
    private IRenderedComponent<OperationsPage> RenderOn(BinAppFactory app)
    {
        Services.AddSingleton(app.Service<HealthCheckService>());
        Services.AddSingleton(app.Service<GatewayStatusQuery>());
        return Render<OperationsPage>();
    }

    [Fact]
    public async Task A_gateway_accepting_an_alert_shows_its_sends_and_a_ready_node()
    {
        await using var app = await BinAppFactory.StartAsync();
        var scenario = new AlertScenario(app);
        var issued = await scenario.AlertAsync(await scenario.IncidentAsync(), Features.Networks.NetworkSeed.KerkpleinId);
        await scenario.WaitUntilHandedOverAsync(issued.AlertId);

        var page = RenderOn(app);

        page.WaitForAssertion(() =>
        {
            Assert.Equal("simulator", page.Find("[data-testid=gateway-name]").TextContent);
            Assert.Contains("ok", page.Find("[data-testid=gateway-state]").ClassList);
            Assert.True(int.Parse(page.Find("[data-testid=gateway-accepted]").TextContent.Replace(".", "").Replace(",", "")) >= issued.Recipients);
            Assert.Equal("0", page.Find("[data-testid=gateway-retrying]").TextContent);
            Assert.Equal(3, page.FindAll("[data-testid=health-row]").Count);
            Assert.Empty(page.FindAll("[data-testid=health-table] .unhealthy"));
        });
    }

    [Fact]
    public async Task A_gateway_refusing_every_message_shows_as_refusing_with_its_error()
    {
        await using var app = new BinAppFactory(await TestPostgres.CreateDatabaseAsync(), services: s => s.AddSingleton<ISmsGateway, RefusingGateway>());
        app.StartServer();
        var scenario = new AlertScenario(app);
        await scenario.AlertAsync(await scenario.IncidentAsync(), Features.Networks.NetworkSeed.KerkpleinId);
        await Eventually.FindAsync(async () => (await app.Service<GatewayStatusQuery>().ReadAsync(default)) is { WaitingForRetry: > 0 } s ? s : null);

        var page = RenderOn(app);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("problem", page.Find("[data-testid=gateway-state]").ClassList);
            Assert.Contains("503", page.Find("[data-testid=gateway-error]").TextContent);
            Assert.Equal("0", page.Find("[data-testid=gateway-accepted]").TextContent);
        });
    }

    /// <summary>A gateway that is down: every message is refused as a transient failure (to be retried).</summary>
    private sealed class RefusingGateway : ISmsGateway
    {
        public string Name => "refusing";

        public Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct) =>
            Task.FromResult(new SendResult(SendOutcome.Transient, null, "503 Service Unavailable"));

        public Task<string?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, CancellationToken ct) => Task.FromResult<string?>(null);
    }
}
