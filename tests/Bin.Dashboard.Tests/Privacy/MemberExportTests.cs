using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Tests.Alerts;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Privacy;

public class MemberExportTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_export_holds_contact_memberships_consent_messages_sent_and_replies_for_admins_only_and_coordinators_of_the_network()
    {
        var scenario = new AlertScenario(host.App);
        var admin = await host.App.ClientForAsync("admin");
        var registered = await admin.PostAsJsonAsync($"/api/networks/{AlertScenario.Parelstrand}/members",
            new { name = "Mieke Claes", phone = "+32474111222", language = "fr", consentMethod = "paper form" });
        var memberId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var issued = await scenario.AlertAsync(await scenario.IncidentAsync(51.2470, 5.3450), AlertScenario.Parelstrand);
        await scenario.WaitUntilHandedOverAsync(issued.AlertId);
        await host.App.CreateClient().SendAsync(TwilioSigner.Inbound("+32474111222", "Ik zag niets"));
        await scenario.RecordedAsync();

        var export = await admin.GetFromJsonAsync<JsonElement>($"/api/members/{memberId}/export");

        Assert.Equal("Mieke Claes", export.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("+32474111222", export.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("fr", export.GetProperty("language").GetString());
        Assert.Equal(AlertScenario.Parelstrand, export.GetProperty("networks")[0].GetProperty("id").GetGuid());
        Assert.Equal("paper form", export.GetProperty("consent").GetProperty("method").GetString());
        var message = Assert.Single(export.GetProperty("messages").EnumerateArray());
        Assert.Equal(issued.AlertId, message.GetProperty("alertId").GetGuid());
        Assert.NotEmpty(message.GetProperty("body").GetString()!);
        Assert.Equal("Ik zag niets", Assert.Single(export.GetProperty("replies").EnumerateArray()).GetProperty("text").GetString());

        // The demo coordinator runs Kerkplein, not Parelstrand; dispatchers manage no members.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.App.ClientForAsync("coordinator")).GetAsync($"/api/members/{memberId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.App.ClientForAsync("dispatcher")).GetAsync($"/api/members/{memberId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/members/{Guid.NewGuid()}/export")).StatusCode);
    }
}
