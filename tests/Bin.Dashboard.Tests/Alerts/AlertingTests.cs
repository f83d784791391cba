using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Networks;
using Bin.Domain.Alerts;
using Bin.Testing;
using Marten;

namespace Bin.Dashboard.Tests.Alerts;

public class AlertingTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly Guid Parelstrand = AlertScenario.Parelstrand;

    private AlertScenario Scenario => new(host.App);

    private Task<Guid> IncidentAsync(double lat = 51.2307, double lon = 5.3135) => Scenario.IncidentAsync(lat, lon);

    private Task<Issued> AlertAsync(Guid incident, params Guid[] networks) => Scenario.AlertAsync(incident, networks);

    private Task<NetworkProgress[]> WaitForAsync(Guid alertId, Func<NetworkProgress[], bool> done) => Scenario.WaitForAsync(alertId, done);

    private Task<NetworkProgress[]> WaitUntilHandedOverAsync(Guid alertId) => Scenario.WaitUntilHandedOverAsync(alertId);

    private Task RecordedAsync() => Scenario.RecordedAsync();

    private Task<List<string>> ImportMembersAsync(Guid network, int count, string prefix) => Scenario.ImportMembersAsync(network, count, prefix);

    [Fact]
    public async Task An_alert_records_one_message_per_member_before_sending_and_all_reach_the_gateway()
    {
        var incident = await IncidentAsync();

        var issued = await AlertAsync(incident, NetworkSeed.KerkpleinId);

        Assert.True(issued.Recipients > 0);
        // The simulator reports numbers ending in 99 as unreachable; every other message is delivered.
        var progress = await WaitForAsync(issued.AlertId, p => p.Sum(x => x.Delivered + x.Failed) == issued.Recipients);
        var kerkplein = Assert.Single(progress);
        Assert.Equal(issued.Recipients, kerkplein.Recipients);
        Assert.Equal(0, kerkplein.Queued);
        Assert.InRange(kerkplein.Failed, 0, issued.Recipients / 10);

        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var alert = await session.LoadAsync<AlertView>(issued.AlertId);
        Assert.Equal("officer", alert!.IssuedBy);
        Assert.Equal(incident, alert.IncidentId);
    }

    [Fact]
    public async Task The_alert_event_holds_no_phone_numbers()
    {
        var numbers = await ImportMembersAsync(Parelstrand, 3, "490");
        var issued = await AlertAsync(await IncidentAsync(51.2470, 5.3450), Parelstrand);

        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var raw = await session.Events.FetchStreamAsync(issued.AlertId);
        var json = JsonSerializer.Serialize(raw.Single().Data);
        Assert.All(numbers, n => Assert.DoesNotContain(n[3..], json));
    }

    [Fact]
    public async Task Two_hundred_acknowledgements_posted_at_once_are_all_recorded()
    {
        var numbers = await ImportMembersAsync(Parelstrand, 200, "491");
        var issued = await AlertAsync(await IncidentAsync(51.2470, 5.3450), Parelstrand);
        await WaitUntilHandedOverAsync(issued.AlertId);

        var client = host.App.CreateClient();
        var responses = await Task.WhenAll(numbers.Select(n => client.SendAsync(TwilioSigner.Inbound(n, n.EndsWith('7') ? " ja " : "OK"))));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var progress = await WaitForAsync(issued.AlertId, p => p.Sum(x => x.Acknowledged) >= 200);
        Assert.Equal(200, progress.Sum(p => p.Acknowledged));
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Equal(200, await session.Events.QueryRawEventDataOnly<TipAcknowledged>().CountAsync(a => a.AlertId == issued.AlertId));
    }

    [Fact]
    public async Task The_same_MessageSid_twice_records_one_acknowledgement()
    {
        var number = (await ImportMembersAsync(Parelstrand, 1, "492"))[0];
        var issued = await AlertAsync(await IncidentAsync(51.2470, 5.3450), Parelstrand);
        await WaitUntilHandedOverAsync(issued.AlertId);
        var client = host.App.CreateClient();
        var sid = "SM" + Guid.NewGuid().ToString("N");

        var first = await client.SendAsync(TwilioSigner.Inbound(number, "OK", sid));
        var second = await client.SendAsync(TwilioSigner.Inbound(number, "OK", sid));

        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode);
        await RecordedAsync();
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Equal(1, await session.Events.QueryRawEventDataOnly<TipAcknowledged>().CountAsync(a => a.AlertId == issued.AlertId));
    }

    [Fact]
    public async Task The_same_MessageSid_posted_twice_at_the_same_moment_is_answered_ok_both_times_and_recorded_once()
    {
        // A gateway retrying while the first request is still being handled: both race for the member's stream.
        var numbers = await ImportMembersAsync(Parelstrand, 20, "495");
        var issued = await AlertAsync(await IncidentAsync(51.2470, 5.3450), Parelstrand);
        await WaitUntilHandedOverAsync(issued.AlertId);
        var client = host.App.CreateClient();

        var responses = await Task.WhenAll(numbers.SelectMany(number =>
        {
            var sid = "SM" + Guid.NewGuid().ToString("N");
            return new[] { client.SendAsync(TwilioSigner.Inbound(number, "OK", sid)), client.SendAsync(TwilioSigner.Inbound(number, "OK", sid)) };
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await RecordedAsync();
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var acknowledged = await session.Events.QueryRawEventDataOnly<TipAcknowledged>().Where(a => a.AlertId == issued.AlertId).Select(a => a.MemberId).ToListAsync();
        Assert.Equal(20, acknowledged.Count);
        Assert.Equal(20, acknowledged.Distinct().Count());
    }

    [Fact]
    public async Task A_free_text_answer_is_recorded_as_a_reply_on_the_incident()
    {
        var number = (await ImportMembersAsync(Parelstrand, 1, "493"))[0];
        var incident = await IncidentAsync(51.2470, 5.3450);
        var issued = await AlertAsync(incident, Parelstrand);
        await WaitUntilHandedOverAsync(issued.AlertId);

        await host.App.CreateClient().SendAsync(TwilioSigner.Inbound(number, "Grijze bestelwagen reed net weg richting kanaal"));
        await RecordedAsync();

        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var reply = await session.Events.QueryRawEventDataOnly<ReplyReceived>().SingleAsync(r => r.AlertId == issued.AlertId);
        Assert.Equal(incident, reply.IncidentId);
        Assert.Equal(Parelstrand, reply.NetworkId);
        Assert.Contains("bestelwagen", reply.Text);
    }

    [Fact]
    public async Task A_forged_webhook_is_refused_and_records_nothing()
    {
        var number = (await ImportMembersAsync(Parelstrand, 1, "494"))[0];
        var issued = await AlertAsync(await IncidentAsync(51.2470, 5.3450), Parelstrand);
        await WaitUntilHandedOverAsync(issued.AlertId);
        var request = TwilioSigner.Inbound(number, "OK");
        request.Headers.Remove("X-Twilio-Signature");
        request.Headers.Add("X-Twilio-Signature", Convert.ToBase64String(new byte[20]));

        var response = await host.App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await RecordedAsync();
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Events.QueryRawEventDataOnly<TipAcknowledged>().CountAsync(a => a.AlertId == issued.AlertId));
    }

    [Fact]
    public async Task Bad_alert_requests_get_a_problem_naming_the_field()
    {
        var incident = await IncidentAsync();
        var client = await host.App.ClientForAsync("officer");

        var noNetworks = await client.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = Array.Empty<Guid>(), tip = "Let op" });
        var noTip = await client.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = new[] { NetworkSeed.KerkpleinId } });
        var tooLong = await client.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = new[] { NetworkSeed.KerkpleinId }, tip = new string('x', 800) });
        var dispatcher = await (await host.App.ClientForAsync("dispatcher")).PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = new[] { NetworkSeed.KerkpleinId }, tip = "x" });

        Assert.Contains("\"networkIds\"", await noNetworks.Content.ReadAsStringAsync());
        Assert.Contains("\"tip\"", await noTip.Content.ReadAsStringAsync());
        Assert.Contains("segmenten", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, dispatcher.StatusCode);
    }

    [Fact]
    public async Task Erasing_a_member_removes_their_number_from_the_outbox()
    {
        var number = (await ImportMembersAsync(Parelstrand, 1, "495"))[0];
        var issued = await AlertAsync(await IncidentAsync(51.2470, 5.3450), Parelstrand);
        await WaitForAsync(issued.AlertId, p => p.Sum(x => x.Sent) == issued.Recipients);
        var member = await host.App.Service<Bin.Dashboard.Features.Members.IMemberDirectory>().FindByPhoneAsync(number, default);

        var admin = await host.App.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/members/{member!.MemberId}")).StatusCode);

        await using var connection = new Npgsql.NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM bin.bin_outbox WHERE member_id = @m AND phone IS NOT NULL", connection);
        command.Parameters.AddWithValue("m", member.MemberId);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
