using Bin.Testing;
using System.Net;
using System.Net.Http.Json;
using Bin.Dashboard.Features.Sms;
using Bin.Dashboard.Features.Sms.Simulator;
using Marten;

namespace Bin.Dashboard.Tests.Sms;

public class SimulatorTests(WebhookHostFixture host) : IClassFixture<WebhookHostFixture>
{
    private static int _number;

    private static string Number(string suffix = "12") => $"+32471{Interlocked.Increment(ref _number) % 10000:D4}{suffix}";

    private SimulatorGateway Simulator => Assert.IsType<SimulatorGateway>(host.App.Service<ISmsGateway>());

    private async Task<IReadOnlyList<SimulatedSmsView>> MessagesToAsync(string to, string user = "admin")
    {
        using var client = await host.App.ClientForAsync(user);
        return (await client.GetFromJsonAsync<List<SimulatedSmsView>>($"/api/sms-simulator/messages?to={Uri.EscapeDataString(to)}"))!;
    }

    [Fact]
    public async Task A_sent_message_is_accepted_and_listed_by_the_simulator_api()
    {
        var sms = new OutboundSms(Guid.NewGuid(), Number(), "Inbraakgolf: sluit ramen en deuren. Politie Lommel");

        var result = await Simulator.SendAsync(sms, default);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Matches("^SM[0-9a-f]{32}$", result.ProviderMessageId);
        var listed = Assert.Single(await MessagesToAsync(sms.To));
        Assert.Equal((result.ProviderMessageId, "outbound", sms.MessageId, sms.Body, "+32460000000"), (listed.Sid, listed.Direction, listed.MessageId, listed.Body, listed.From));
    }

    [Fact]
    public async Task The_api_lists_newest_first()
    {
        var to = Number();
        await Simulator.SendAsync(new OutboundSms(Guid.NewGuid(), to, "first"), default);
        await Task.Delay(5);
        await Simulator.SendAsync(new OutboundSms(Guid.NewGuid(), to, "second"), default);

        Assert.Equal(["second", "first"], (await MessagesToAsync(to)).Select(m => m.Body));
    }

    [Fact]
    public async Task Delivery_is_reported_through_the_signed_status_path()
    {
        var sms = new OutboundSms(Guid.NewGuid(), Number(), "Delivered soon");
        var sid = (await Simulator.SendAsync(sms, default)).ProviderMessageId;

        var update = await host.App.Handlers.WaitForStatusAsync(s => s.MessageId == sms.MessageId);

        Assert.Equal(new DeliveryStatusUpdate(sid!, sms.MessageId, "delivered", null, null), update);
        await Eventually.FindAsync(async () => (await MessagesToAsync(sms.To)).FirstOrDefault(m => m.Status == "delivered"));
    }

    [Fact]
    public async Task A_number_ending_in_99_is_reported_failed_as_unreachable()
    {
        var sms = new OutboundSms(Guid.NewGuid(), Number("99"), "Never arrives");

        var accepted = await Simulator.SendAsync(sms, default);
        var update = await host.App.Handlers.WaitForStatusAsync(s => s.MessageId == sms.MessageId);

        Assert.Equal(SendOutcome.Accepted, accepted.Outcome);
        Assert.Equal(("failed", "30003"), (update.Status, update.ErrorCode));
        var listed = await Eventually.FindAsync(async () => (await MessagesToAsync(sms.To)).FirstOrDefault(m => m.Status == "failed"));
        Assert.Equal("30003", listed.ErrorCode);
    }

    [Fact]
    public async Task A_number_not_in_E164_is_refused_at_once_as_twilio_would()
    {
        var result = await Simulator.SendAsync(new OutboundSms(Guid.NewGuid(), "0470 12 34 56", "x"), default);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Contains("21211", result.Error);
    }

    [Fact]
    public async Task FindAccepted_knows_a_message_by_its_id_before_and_after_it_is_stored()
    {
        var sms = new OutboundSms(Guid.NewGuid(), Number(), "Find me");
        var since = DateTimeOffset.UtcNow;

        var sid = (await Simulator.SendAsync(sms, default)).ProviderMessageId;

        Assert.Equal(sid, await Simulator.FindAcceptedAsync(sms, since, default));
        await Eventually.FindAsync(async () =>
        {
            await using var session = host.App.Service<IDocumentStore>().QuerySession();
            return await session.Query<SimulatedSms>().FirstOrDefaultAsync(m => m.MessageId == sms.MessageId);
        });
        Assert.Equal(sid, await Simulator.FindAcceptedAsync(sms, since, default));
        Assert.Null(await Simulator.FindAcceptedAsync(sms with { MessageId = Guid.NewGuid() }, since, default));
    }

    [Fact]
    public async Task Many_messages_are_stored_in_batches_and_none_is_lost()
    {
        const int count = SimulatorStore.BatchSize * 2 + 37;
        var numbers = Enumerable.Range(0, count).Select(i => $"+32485{i:D6}").ToList();

        var results = await Task.WhenAll(numbers.Select(n => Simulator.SendAsync(new OutboundSms(Guid.NewGuid(), n, "Bulk"), default)));

        Assert.All(results, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        await Eventually.FindAsync(async () =>
        {
            await using var session = host.App.Service<IDocumentStore>().QuerySession();
            var stored = await session.Query<SimulatedSms>().CountAsync(m => m.To.StartsWith("+32485"));
            return stored == count ? (object)stored : null;
        }, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_reply_from_the_phones_page_reaches_the_inbound_handler_through_the_signed_path()
    {
        var phone = Number();
        await Simulator.SendAsync(new OutboundSms(Guid.NewGuid(), phone, "Tip"), default);

        var result = await Simulator.ReplyAsync(phone, "OK", default);

        Assert.Equal(ReplyResult.Ok, result);
        var received = Assert.Single(host.App.Handlers.Inbound, i => i.From == phone);
        Assert.Equal(("+32460000000", "OK"), (received.To, received.Body));
        Assert.Matches("^SM[0-9a-f]{32}$", received.MessageSid);
        var conversation = await Eventually.FindAsync(async () =>
        {
            var messages = await host.App.Service<SimulatorStore>().ConversationAsync(phone, 50, default);
            return messages.Count == 2 ? messages : null;
        });
        Assert.Equal([SmsDirection.Outbound, SmsDirection.Inbound], conversation.Select(m => m.Direction));
    }

    [Fact]
    public async Task The_phones_list_shows_numbers_that_received_messages_most_recent_first()
    {
        var older = Number();
        var newer = Number();
        await Simulator.SendAsync(new OutboundSms(Guid.NewGuid(), older, "a"), default);
        await Task.Delay(5);
        await Simulator.SendAsync(new OutboundSms(Guid.NewGuid(), newer, "b"), default);
        var store = host.App.Service<SimulatorStore>();

        var phones = await Eventually.FindAsync(async () =>
        {
            var found = await store.PhonesAsync("32471", 1000, default);
            return found.Any(p => p.Id == older) && found.Any(p => p.Id == newer) ? found : null;
        });

        var ids = phones.Select(p => p.Id).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older));
        Assert.Equal([newer], (await store.PhonesAsync(newer[3..], 10, default)).Select(p => p.Id));
    }

    [Fact]
    public async Task The_simulator_api_is_for_admins_only_because_it_shows_full_numbers()
    {
        using var anonymous = host.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/sms-simulator/messages")).StatusCode);
        foreach (var user in new[] { "dispatcher", "officer", "chief", "coordinator" })
        {
            using var client = await host.App.ClientForAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/sms-simulator/messages")).StatusCode);
        }
    }
}
