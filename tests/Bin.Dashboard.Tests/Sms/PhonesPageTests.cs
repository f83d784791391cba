using Bin.Testing;
using Bin.Dashboard.Features.Sms;
using Bin.Dashboard.Features.Sms.Simulator;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Sms;

/// <summary>The phones page rendered with bUnit on the services of a real host (simulator, PostgreSQL, recording handlers).</summary>
public class PhonesPageTests : BunitContext, IClassFixture<WebhookHostFixture>
{
    private readonly WebhookHostFixture _host;

    public PhonesPageTests(WebhookHostFixture host)
    {
        _host = host;
        Services.AddSingleton(host.App.Service<SimulatorGateway>());
        Services.AddSingleton(host.App.Service<SimulatorStore>());
    }

    private SimulatorGateway Simulator => _host.App.Service<SimulatorGateway>();

    private async Task<string> SendAsync(string phone, string body)
    {
        await Simulator.SendAsync(new OutboundSms(Guid.NewGuid(), phone, body), default);
        return phone;
    }

    private async Task<IRenderedComponent<PhonesPage>> RenderWithPhoneAsync(string phone)
    {
        // The page lists what is stored; wait until the writer has stored this phone.
        await Eventually.FindAsync(async () => (await _host.App.Service<SimulatorStore>().PhonesAsync(phone, 1, default)).FirstOrDefault());
        var page = Render<PhonesPage>();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=phone-row] .number"), n => n.TextContent == phone));
        // Live updates re-render the list; finding and clicking inside the renderer keeps the handler id current.
        await page.InvokeAsync(() => page.FindAll("[data-testid=phone-row]").First(r => r.QuerySelector(".number")!.TextContent == phone).Click());
        return page;
    }

    [Fact]
    public void The_search_box_starts_empty_with_its_hint()
    {
        var page = Render<PhonesPage>();

        var search = page.Find("input[type=search]");
        Assert.Equal("", search.GetAttribute("value") ?? "");
        Assert.DoesNotContain("_search", page.Markup);
    }

    [Fact]
    public async Task Picking_a_phone_shows_its_messages_with_their_delivery_status()
    {
        var phone = await SendAsync("+32472000112", "Doe uw buitenverlichting aan");

        var page = await RenderWithPhoneAsync(phone);

        page.WaitForAssertion(() =>
        {
            var message = page.Find("[data-testid=message]");
            Assert.Contains("Doe uw buitenverlichting aan", message.TextContent);
            Assert.Equal("afgeleverd", page.Find("[data-testid=message-status]").TextContent);
        }, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_OK_button_replies_through_the_inbound_path_and_the_reply_appears()
    {
        var phone = await SendAsync("+32472000212", "Tip");
        var page = await RenderWithPhoneAsync(phone);

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".quick button"), b => b.TextContent == "OK"));
        await page.InvokeAsync(() => page.FindAll(".quick button").Single(b => b.TextContent == "OK").Click());

        var inbound = await Eventually.FindAsync(() => _host.App.Handlers.Inbound.FirstOrDefault(i => i.From == phone));
        Assert.Equal("OK", inbound.Body);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".message.inbound .body"), b => b.TextContent == "OK"));
    }

    [Fact]
    public async Task A_new_message_to_the_open_phone_appears_without_reloading()
    {
        var phone = await SendAsync("+32472000312", "Eerste tip");
        var page = await RenderWithPhoneAsync(phone);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=message]")));

        await SendAsync(phone, "Feedback: verdachte aangehouden");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=message]").Count), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Script_in_a_message_is_shown_as_text()
    {
        var phone = await SendAsync("+32472000412", "<script>alert(1)</script>");

        var page = await RenderWithPhoneAsync(phone);

        page.WaitForAssertion(() => Assert.Equal("<script>alert(1)</script>", page.Find(".message .body").TextContent));
        Assert.Empty(page.FindAll("script"));
    }

    [Fact]
    public void Without_a_token_the_conversation_says_replies_are_disabled_and_why()
    {
        var conversation = Render<PhoneConversation>(p => p
            .Add(c => c.Phone, "+32470123456")
            .Add(c => c.Messages, [])
            .Add(c => c.ReplyProblem, "no auth token is configured (Sms:Twilio:AuthToken)"));

        Assert.Contains("Sms:Twilio:AuthToken", conversation.Find("[data-testid=replies-disabled]").TextContent);
        Assert.Empty(conversation.FindAll("form.reply"));
        Assert.Empty(conversation.FindAll(".quick button"));
    }
}
