using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Sms.Simulator;
using Bin.Dashboard.Tests.Alerts;
using Bin.Domain.Members;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.Privacy;

public class ErasureTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Name = "Jan Vandermaelenbroeck";
    private const string Phone = "+32471234567";
    private const string Sentence = "Ik zag een man in een blauwe Golf, ik ben Jan Vandermaelenbroeck Kerkstraat 5";

    private AlertScenario Scenario => new(host.App);

    [Fact]
    public async Task An_erased_member_who_replied_with_their_name_and_street_leaves_no_number_name_or_sentence_anywhere_in_the_database()
    {
        var admin = await host.App.ClientForAsync("admin");
        var registered = await admin.PostAsJsonAsync($"/api/networks/{AlertScenario.Parelstrand}/members",
            new { name = Name, phone = Phone, language = "nl", consentMethod = "form" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var memberId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var issued = await Scenario.AlertAsync(await Scenario.IncidentAsync(51.2470, 5.3450), AlertScenario.Parelstrand);
        await Scenario.WaitForAsync(issued.AlertId, p => p.Sum(x => x.Delivered + x.Failed) == issued.Recipients);
        await SimulatorStoredAsync();
        var reply = await host.App.CreateClient().SendAsync(TwilioSigner.Inbound(Phone, Sentence));
        Assert.True(reply.IsSuccessStatusCode);
        await Scenario.RecordedAsync();
        // The test would prove nothing if the data were not there before.
        Assert.Contains(Sentence, await HistoryAsync());
        var before = await DatabaseDump.DumpAsync(host.App.ConnectionString);
        Assert.Contains(Sentence, before);
        Assert.Contains(Phone, before);

        var erased = await admin.DeleteAsync($"/api/members/{memberId}?reason=request");

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var dump = await DatabaseDump.DumpAsync(host.App.ConnectionString);
        Assert.DoesNotContain(Phone, dump);
        Assert.DoesNotContain(Phone[3..], dump);
        Assert.DoesNotContain("Vandermaelenbroeck", dump);
        Assert.DoesNotContain("blauwe Golf", dump);
        var history = await HistoryAsync();
        Assert.DoesNotContain("blauwe Golf", history);
        Assert.Contains("reply-received", history);
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var record = (await session.Events.FetchStreamAsync(memberId)).Single(e => e.Data is MemberErased);
        Assert.Equal(ErasureReasons.Request, ((MemberErased)record.Data).Reason);
        Assert.Equal("admin", record.UserName);
    }

    [Fact]
    public async Task An_erasure_reason_outside_the_list_is_refused_naming_the_field_and_erases_nothing()
    {
        var admin = await host.App.ClientForAsync("admin");
        var registered = await admin.PostAsJsonAsync($"/api/networks/{AlertScenario.Parelstrand}/members",
            new { name = "Els Wouters", phone = "+32471234568", language = "nl", consentMethod = "form" });
        var memberId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await admin.DeleteAsync($"/api/members/{memberId}?reason=because");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reason", await response.Content.ReadAsStringAsync());
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.NotNull(await session.LoadAsync<Bin.Dashboard.Features.Members.MemberContact>(memberId));
    }

    private async Task<string> HistoryAsync()
    {
        var chief = await host.App.ClientForAsync("chief");
        var from = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        var to = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        return await chief.GetStringAsync($"/api/history?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
    }

    /// <summary>The simulator stores what it carried in the background; until then the dump would not show it either.</summary>
    private async Task SimulatorStoredAsync()
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        await Eventually.HoldsAsync(() => session.Query<SimulatedSms>().AnyAsync(m => m.Phone == Phone && m.Status == "delivered"),
            TimeSpan.FromSeconds(20), "The simulator never stored the delivered tip.");
    }
}
