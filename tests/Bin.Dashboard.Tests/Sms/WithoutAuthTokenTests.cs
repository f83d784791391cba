using Bin.Testing;
using System.Net;
using Bin.Dashboard.Features.Sms;
using Bin.Dashboard.Features.Sms.Simulator;

namespace Bin.Dashboard.Tests.Sms;

/// <summary>A dashboard with no auth token configured: the simulator still sends, but no webhook is believed.</summary>
public sealed class NoTokenHostFixture : IAsyncLifetime
{
    public SmsAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SmsAppFactory.StartAsync(new Dictionary<string, string?>
    {
        // Overrides the demo token of appsettings.Development.json.
        ["Sms:Twilio:AuthToken"] = "",
        ["Sms:PublicBaseUrl"] = "https://bin.example.test",
        ["Sms:Simulator:DeliveryDelay"] = "00:00:00.050",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class WithoutAuthTokenTests(NoTokenHostFixture host) : IClassFixture<NoTokenHostFixture>
{
    [Fact]
    public async Task Every_webhook_is_refused_when_no_auth_token_is_configured()
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = SmsWebhook.NewMessageSid(), ["From"] = "+32470123456", ["Body"] = "OK" };
        using var client = host.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new FormUrlEncodedContent(form) };
        // Signed with an empty key: exactly what a forger would try against an unconfigured server.
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute("", "https://bin.example.test/sms/inbound", form));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no auth token", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.App.Handlers.Inbound);
    }

    [Fact]
    public async Task Replies_from_the_phones_page_are_disabled_and_say_why()
    {
        var simulator = host.App.Service<SimulatorGateway>();

        var result = await simulator.ReplyAsync("+32470123456", "OK", default);

        Assert.False(result.Sent);
        Assert.Contains("Sms:Twilio:AuthToken", result.Problem);
        Assert.Contains("Sms:Twilio:AuthToken", simulator.ReplyProblem);
        Assert.Empty(host.App.Handlers.Inbound);
    }

    [Fact]
    public async Task The_simulator_still_delivers_but_reports_nothing_unsigned()
    {
        var simulator = host.App.Service<SimulatorGateway>();
        var sms = new OutboundSms(Guid.NewGuid(), "+32470555512", "Tip");

        await simulator.SendAsync(sms, default);

        var store = host.App.Service<SimulatorStore>();
        await Eventually.FindAsync(async () => (await store.RecentAsync(sms.To, 10, default)).FirstOrDefault(m => m.Status == "delivered"));
        Assert.Empty(host.App.Handlers.Statuses);
    }
}
