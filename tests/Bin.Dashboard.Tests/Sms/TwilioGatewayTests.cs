using System.Net;
using System.Net.Sockets;
using System.Text;
using Bin.Dashboard.Features.Sms;
using Bin.Testing;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Sms;

/// <summary>A dashboard configured for Twilio whose REST calls go to <see cref="FakeTwilio"/> on loopback.</summary>
public sealed class TwilioHostFixture : IAsyncLifetime
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "twilio-test-auth-token";
    public const string From = "+32460000001";
    public const string PublicBaseUrl = "https://bin.example.test";

    public FakeTwilio Fake { get; private set; } = null!;
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeTwilio.StartAsync();
        App = await BinAppFactory.StartAsync(Settings(Fake.BaseUrl));
    }

    public static Dictionary<string, string?> Settings(string apiBaseUrl) => new()
    {
        ["Sms:Gateway"] = "twilio",
        ["Sms:Twilio:AccountSid"] = AccountSid,
        ["Sms:Twilio:AuthToken"] = AuthToken,
        ["Sms:Twilio:From"] = From,
        ["Sms:Twilio:ApiBaseUrl"] = apiBaseUrl,
        ["Sms:PublicBaseUrl"] = PublicBaseUrl,
        // Demo members carry real-format numbers: never with a real gateway.
        ["Seed:DemoData"] = "false",
    };

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

public class TwilioGatewayTests(TwilioHostFixture host) : IClassFixture<TwilioHostFixture>
{
    private ISmsGateway Gateway => host.App.Service<ISmsGateway>();

    private static int _number;

    /// <summary>A fresh recipient per test; the last four digits steer the fake's answer (plain numbers end in 77).</summary>
    private static string Number(string lastFour = "77") => $"+3247{Interlocked.Increment(ref _number) % 10000:D4}{lastFour.PadLeft(4, '0')}";

    private FakeTwilio.Recorded LastPostTo(string to) => host.Fake.Requests.Last(r => r.Method == "POST" && r.Form.GetValueOrDefault("To") == to);

    [Fact]
    public void The_host_configured_for_twilio_sends_through_the_TwilioGateway()
    {
        Assert.IsType<TwilioGateway>(Gateway);
        Assert.Equal("twilio", Gateway.Name);
    }

    [Fact]
    public async Task The_simulator_api_answers_not_found_while_twilio_is_the_gateway()
    {
        using var client = await host.App.ClientForAsync("admin");

        var response = await client.GetAsync("/api/sms-simulator/messages");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void The_phones_page_says_the_simulator_is_not_active()
    {
        using var bunit = new BunitContext();
        bunit.Services.AddSingleton(host.App.Service<Features.Sms.Simulator.SimulatorGateway>());
        bunit.Services.AddSingleton(host.App.Service<Features.Sms.Simulator.SimulatorStore>());

        var page = bunit.Render<Features.Sms.Simulator.PhonesPage>();

        Assert.Contains("niet actief", page.Find("[data-testid=simulator-inactive]").TextContent);
    }

    [Fact]
    public async Task A_message_is_posted_to_the_Messages_resource_with_sender_body_and_status_callback()
    {
        var sms = new OutboundSms(Guid.NewGuid(), Number(), "Doe uw buitenverlichting aan. Politie Lommel");

        var result = await Gateway.SendAsync(sms, default);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var request = LastPostTo(sms.To);
        Assert.Equal($"/2010-04-01/Accounts/{TwilioHostFixture.AccountSid}/Messages.json", request.Path);
        Assert.Equal(TwilioHostFixture.From, request.Form["From"]);
        Assert.False(request.Form.ContainsKey("MessagingServiceSid"));
        Assert.Equal(sms.Body, request.Form["Body"]);
        Assert.Equal($"{TwilioHostFixture.PublicBaseUrl}/sms/status?messageId={sms.MessageId}", request.Form["StatusCallback"]);
        Assert.Matches("^SM[0-9a-f]{32}$", result.ProviderMessageId);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Requests_carry_basic_auth_with_the_account_sid_and_auth_token()
    {
        var sms = new OutboundSms(Guid.NewGuid(), Number(), "Auth");

        await Gateway.SendAsync(sms, default);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioHostFixture.AccountSid}:{TwilioHostFixture.AuthToken}"));
        Assert.Equal(expected, LastPostTo(sms.To).Authorization);
    }

    [Theory]
    [InlineData("0429")]
    [InlineData("0500")]
    public async Task Rate_limiting_and_server_errors_are_transient(string lastFour)
    {
        var result = await Gateway.SendAsync(new OutboundSms(Guid.NewGuid(), Number(lastFour), "Retry me"), default);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Null(result.ProviderMessageId);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("1211", "21211")]
    [InlineData("1610", "21610")]
    public async Task An_invalid_or_unsubscribed_recipient_is_permanent_with_the_twilio_code(string lastFour, string code)
    {
        var result = await Gateway.SendAsync(new OutboundSms(Guid.NewGuid(), Number(lastFour), "Never goes"), default);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Null(result.ProviderMessageId);
        Assert.Contains(code, result.Error);
    }

    [Fact]
    public async Task FindAccepted_returns_the_sid_of_the_same_body_sent_to_the_number_since_then()
    {
        var since = DateTimeOffset.UtcNow;
        var to = Number();
        var sent = new OutboundSms(Guid.NewGuid(), to, "Sluit ramen en deuren");
        var other = new OutboundSms(Guid.NewGuid(), to, "Another tip");
        var accepted = await Gateway.SendAsync(sent, default);
        await Gateway.SendAsync(other, default);

        Assert.Equal(accepted.ProviderMessageId, await Gateway.FindAcceptedAsync(sent, since, default));
        Assert.Null(await Gateway.FindAcceptedAsync(sent with { Body = "Sluit ramen en deuren!" }, since, default));
        Assert.Null(await Gateway.FindAcceptedAsync(sent with { To = Number() }, since, default));
        Assert.Null(await Gateway.FindAcceptedAsync(sent, since.AddMinutes(10), default));
        var query = host.Fake.Requests.Last(r => r.Method == "GET").Query;
        Assert.Contains("To=" + Uri.EscapeDataString(to), query);
    }

    [Fact]
    public async Task A_messaging_service_is_sent_instead_of_a_from_number()
    {
        const string service = "MG0123456789abcdef0123456789abcdef";
        var settings = TwilioHostFixture.Settings(host.Fake.BaseUrl);
        settings["Sms:Twilio:From"] = null;
        settings["Sms:Twilio:MessagingServiceSid"] = service;
        var sms = new OutboundSms(Guid.NewGuid(), Number(), "Via service");

        var result = await StandaloneGateway(settings).SendAsync(sms, default);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Equal(service, LastPostTo(sms.To).Form["MessagingServiceSid"]);
        Assert.False(LastPostTo(sms.To).Form.ContainsKey("From"));
    }

    [Fact]
    public async Task An_unreachable_api_is_transient()
    {
        var gateway = StandaloneGateway(TwilioHostFixture.Settings($"http://127.0.0.1:{ClosedPort()}"));

        var result = await gateway.SendAsync(new OutboundSms(Guid.NewGuid(), Number(), "Nobody listens"), default);

        Assert.Equal(SendOutcome.Transient, result.Outcome);
        Assert.Contains("unreachable", result.Error);
    }

    /// <summary>The gateway as SmsRegistration wires it, without a whole host.</summary>
    private static TwilioGateway StandaloneGateway(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddBinSms(configuration);
        return services.BuildServiceProvider().GetRequiredService<TwilioGateway>();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
