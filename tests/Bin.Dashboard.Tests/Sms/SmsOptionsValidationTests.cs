using Bin.Dashboard.Features.Sms;
using Bin.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Tests.Sms;

public class SmsOptionsValidationTests
{
    private const string Token = "a-secret-auth-token-value";

    private sealed class Environment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Bin.Dashboard";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private static Dictionary<string, string?> CompleteTwilio() => new()
    {
        ["Sms:Gateway"] = "twilio",
        ["Sms:Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["Sms:Twilio:AuthToken"] = Token,
        ["Sms:Twilio:From"] = "+32460000001",
        ["Sms:PublicBaseUrl"] = "https://bin.example.test",
    };

    /// <summary>Binds as the host does (env Sms__Twilio__From arrives as Sms:Twilio:From) and validates.</summary>
    private static ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();
        return new SmsOptionsValidation(new Environment("Development")).Validate(null, options);
    }

    private static string FailureOf(Dictionary<string, string?> settings)
    {
        var result = Validate(settings);
        Assert.True(result.Failed);
        Assert.DoesNotContain(Token, result.FailureMessage);
        return Assert.Single(result.Failures!);
    }

    [Fact]
    public void The_simulator_needs_nothing_and_is_the_default()
    {
        var options = new ConfigurationBuilder().Build().GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();

        Assert.True(new SmsOptionsValidation(new Environment("Development")).Validate(null, options).Succeeded);
        Assert.True(options.UsesSimulator);
        Assert.Equal(10, options.MessagesPerSecond);
        Assert.Equal(0.08m, options.CostPerSegment);
        Assert.Equal("+32460000000", options.Simulator.Number);
    }

    [Fact]
    public void A_complete_twilio_configuration_passes() => Assert.True(Validate(CompleteTwilio()).Succeeded);

    [Theory]
    [InlineData("Sms:Twilio:AccountSid", "Sms:Twilio:AccountSid (env Sms__Twilio__AccountSid) is required when Sms:Gateway is twilio")]
    [InlineData("Sms:Twilio:AuthToken", "Sms:Twilio:AuthToken (env Sms__Twilio__AuthToken) is required when Sms:Gateway is twilio")]
    [InlineData("Sms:Twilio:From", "Sms:Twilio:MessagingServiceSid (env Sms__Twilio__MessagingServiceSid) or Sms:Twilio:From (env Sms__Twilio__From) is required")]
    [InlineData("Sms:PublicBaseUrl", "Sms:PublicBaseUrl (env Sms__PublicBaseUrl) is required when Sms:Gateway is twilio")]
    public void A_twilio_configuration_missing_a_key_names_it(string missing, string message)
    {
        var settings = CompleteTwilio();
        settings.Remove(missing);

        Assert.StartsWith(message, FailureOf(settings));
    }

    [Theory]
    [InlineData("Sms:Twilio:AccountSid", "SK0123456789abcdef0123456789abcdef", "must start with AC")]
    [InlineData("Sms:Twilio:From", "0470 12 34 56", "E.164")]
    [InlineData("Sms:Twilio:From", "POLITIE", "E.164")]
    [InlineData("Sms:PublicBaseUrl", "bin.example.test", "absolute http(s) URL")]
    [InlineData("Sms:PublicBaseUrl", "ftp://bin.example.test", "absolute http(s) URL")]
    [InlineData("Sms:Twilio:AuthToken", SmsOptionsValidation.DemoAuthToken, "demo token")]
    [InlineData("Sms:Gateway", "nexmo", "must be 'simulator' or 'twilio'")]
    [InlineData("Sms:MessagesPerSecond", "-1", "Sms:MessagesPerSecond")]
    [InlineData("Sms:CostPerSegment", "-0.01", "Sms:CostPerSegment")]
    [InlineData("Sms:CostPerSegmentByCountry:NL", "-0.01", "Sms:CostPerSegmentByCountry:NL must be zero or more")]
    [InlineData("Sms:CostPerSegmentByCountry:GB", "0.10", "Sms:CostPerSegmentByCountry:GB is not a country")]
    [InlineData("Sms:Simulator:Number", "simulator", "Sms:Simulator:Number")]
    [InlineData("Sms:Simulator:DeliveryDelay", "00:05:00", "Sms:Simulator:DeliveryDelay")]
    public void A_malformed_value_is_refused_with_the_rule(string key, string value, string rule)
    {
        var settings = CompleteTwilio();
        settings[key] = value;

        Assert.Contains(rule, FailureOf(settings));
    }

    [Fact]
    public void A_country_s_rate_is_configured_per_iso_code_and_other_countries_cost_the_default()
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:CostPerSegment"] = "0.08",
            ["Sms:CostPerSegmentByCountry:NL"] = "0.11",
            ["Sms:CostPerSegmentByCountry:lu"] = "0.25",
        }).Build().GetSection(SmsOptions.Section).Get<SmsOptions>()!;

        Assert.True(new SmsOptionsValidation().Validate(null, options).Succeeded);
        Assert.Equal((0.11m, 0.25m, 0.08m, 0.08m), (options.CostPerSegmentIn("NL"), options.CostPerSegmentIn("LU"), options.CostPerSegmentIn("BE"), options.CostPerSegmentIn("FR")));
    }

    [Fact]
    public void A_messaging_service_replaces_the_from_number_but_not_both()
    {
        var service = CompleteTwilio();
        service.Remove("Sms:Twilio:From");
        service["Sms:Twilio:MessagingServiceSid"] = "MG0123456789abcdef0123456789abcdef";
        var both = CompleteTwilio();
        both["Sms:Twilio:MessagingServiceSid"] = "MG0123456789abcdef0123456789abcdef";

        Assert.True(Validate(service).Succeeded);
        Assert.Contains("not both", FailureOf(both));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Validate(new Dictionary<string, string?> { ["Sms:Gateway"] = "twilio" });

        Assert.Equal(4, result.Failures!.Count());
    }

    [Fact]
    public async Task The_dashboard_refuses_to_start_with_an_incomplete_twilio_configuration()
    {
        var settings = CompleteTwilio();
        settings.Remove("Sms:Twilio:AccountSid");
        await using var factory = new BinAppFactory(await TestPostgres.CreateDatabaseAsync(), settings);

        var error = Assert.Throws<OptionsValidationException>(() => factory.StartServer());

        Assert.Contains("Sms:Twilio:AccountSid", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }

    [Fact]
    public async Task Demo_members_are_refused_with_a_real_gateway()
    {
        await using var factory = new BinAppFactory(await TestPostgres.CreateDatabaseAsync(), CompleteTwilio());

        var error = Assert.Throws<InvalidOperationException>(() => factory.StartServer());

        Assert.Contains("Seed:DemoData", error.Message);
    }
}
