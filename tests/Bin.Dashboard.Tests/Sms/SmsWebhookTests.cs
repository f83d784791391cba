using System.Net;
using System.Net.Http.Json;
using Bin.Dashboard.Features.Sms;

namespace Bin.Dashboard.Tests.Sms;

/// <summary>A dashboard whose webhooks sign with a known token and public URL, with recording handlers.</summary>
public sealed class WebhookHostFixture : IAsyncLifetime
{
    public const string AuthToken = "webhook-test-auth-token";
    public const string PublicBaseUrl = "https://bin.example.test";

    public SmsAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SmsAppFactory.StartAsync(new Dictionary<string, string?>
    {
        ["Sms:Twilio:AuthToken"] = AuthToken,
        ["Sms:PublicBaseUrl"] = PublicBaseUrl,
        ["Sms:Simulator:DeliveryDelay"] = "00:00:00.050",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class SmsWebhookTests(WebhookHostFixture host) : IClassFixture<WebhookHostFixture>
{
    private sealed record Problem(string Title, string Detail, int Status);

    private static Dictionary<string, string> InboundForm(string body = "OK") => new()
    {
        ["MessageSid"] = SmsWebhook.NewMessageSid(),
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["From"] = "+32470123456",
        ["To"] = "+32460000001",
        ["Body"] = body,
        ["NumMedia"] = "0",
        ["NumSegments"] = "1",
    };

    private async Task<HttpResponseMessage> PostAsync(string pathAndQuery, Dictionary<string, string> form, string? signature)
    {
        using var client = host.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null) request.Headers.Add(TwilioSignature.Header, signature);
        return await client.SendAsync(request);
    }

    private static string Sign(string pathAndQuery, Dictionary<string, string> form, string token = WebhookHostFixture.AuthToken, string baseUrl = WebhookHostFixture.PublicBaseUrl) =>
        TwilioSignature.Compute(token, baseUrl + pathAndQuery, form);

    private IReadOnlyList<InboundSms> InboundWith(Dictionary<string, string> form) =>
        host.App.Handlers.Inbound.Where(i => i.MessageSid == form["MessageSid"]).ToList();

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        Assert.Contains("X-Twilio-Signature", problem!.Detail);
    }

    [Fact]
    public void The_signature_of_the_simulator_is_the_one_Twilios_validator_expects()
    {
        var form = InboundForm();
        var url = WebhookHostFixture.PublicBaseUrl + SmsWebhook.InboundPath;

        Assert.True(new Twilio.Security.RequestValidator("token").Validate(url, form, TwilioSignature.Compute("token", url, form)));
        Assert.False(new Twilio.Security.RequestValidator("other").Validate(url, form, TwilioSignature.Compute("token", url, form)));
    }

    [Fact]
    public async Task A_signed_inbound_sms_reaches_the_handler_once_and_gets_empty_twiml()
    {
        var form = InboundForm("Verdachte wagen aan de kerk");

        var response = await PostAsync("/sms/inbound", form, Sign("/sms/inbound", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("<Response/>", await response.Content.ReadAsStringAsync());
        var received = Assert.Single(InboundWith(form));
        Assert.Equal(form["MessageSid"], received.MessageSid);
        Assert.Equal("+32470123456", received.From);
        Assert.Equal("+32460000001", received.To);
        Assert.Equal("Verdachte wagen aan de kerk", received.Body);
        Assert.True(DateTimeOffset.UtcNow - received.ReceivedAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_tampered_body_is_refused_and_nothing_reaches_the_handler()
    {
        var form = InboundForm("OK");
        var signature = Sign("/sms/inbound", form);
        form["Body"] = "STOP";

        await AssertForbiddenAsync(await PostAsync("/sms/inbound", form, signature));
        Assert.Empty(InboundWith(form));
    }

    [Fact]
    public async Task A_signature_made_with_another_token_is_refused()
    {
        var form = InboundForm();

        await AssertForbiddenAsync(await PostAsync("/sms/inbound", form, Sign("/sms/inbound", form, token: "someone-elses-token")));
        Assert.Empty(InboundWith(form));
    }

    [Fact]
    public async Task A_request_without_signature_is_refused()
    {
        var form = InboundForm();

        await AssertForbiddenAsync(await PostAsync("/sms/inbound", form, signature: null));
        Assert.Empty(InboundWith(form));
    }

    [Fact]
    public async Task The_signature_is_checked_against_the_public_url_not_the_request_host()
    {
        var form = InboundForm();

        // The test server is called as http://localhost; a proxy would likewise change what the app sees.
        await AssertForbiddenAsync(await PostAsync("/sms/inbound", form, Sign("/sms/inbound", form, baseUrl: "http://localhost")));
        Assert.Empty(InboundWith(form));
    }

    [Fact]
    public async Task A_signed_status_callback_reaches_the_handler_with_the_message_id_of_the_query()
    {
        var messageId = Guid.NewGuid();
        var sid = SmsWebhook.NewMessageSid();
        var path = $"/sms/status?messageId={messageId}";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["MessageStatus"] = "undelivered",
            ["ErrorCode"] = "30005",
            ["To"] = "+32470123456",
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        };

        var response = await PostAsync(path, form, Sign(path, form));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var update = Assert.Single(host.App.Handlers.Statuses, s => s.MessageSid == sid);
        Assert.Equal(new DeliveryStatusUpdate(sid, messageId, "undelivered", "30005", null), update);
    }

    [Fact]
    public async Task A_status_callback_whose_message_id_was_altered_is_refused()
    {
        var sid = SmsWebhook.NewMessageSid();
        var form = new Dictionary<string, string> { ["MessageSid"] = sid, ["MessageStatus"] = "delivered" };
        var signature = Sign($"/sms/status?messageId={Guid.NewGuid()}", form);

        await AssertForbiddenAsync(await PostAsync($"/sms/status?messageId={Guid.NewGuid()}", form, signature));
        Assert.DoesNotContain(host.App.Handlers.Statuses, s => s.MessageSid == sid);
    }

    [Fact]
    public async Task A_signed_status_callback_without_a_status_is_a_bad_request()
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = SmsWebhook.NewMessageSid() };

        var response = await PostAsync("/sms/status", form, Sign("/sms/status", form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MessageStatus", await response.Content.ReadAsStringAsync());
    }
}
