using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Sms;

/// <summary>
/// Configuration section "Sms" (environment: <c>Sms__Gateway</c>, <c>Sms__Twilio__AuthToken</c>, …).
/// The auth token is a secret: it is never logged and never part of a validation message.
/// </summary>
public sealed partial class SmsOptions
{
    public const string Section = "Sms";
    public const string SimulatorGateway = "simulator";
    public const string TwilioGateway = "twilio";

    /// <summary><c>simulator</c> (default) or <c>twilio</c>.</summary>
    public string Gateway { get; set; } = SimulatorGateway;

    /// <summary>
    /// The address at which Twilio reaches this dashboard, e.g. <c>https://bin.example.be</c>. Status callbacks point
    /// here, and webhook signatures are checked against it (not against the request's Host, which proxies rewrite).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Rate at which each node's outbox sender hands messages to the gateway (Twilio's default for one sender
    /// is ~10/s); 0 = as fast as the gateway answers.</summary>
    public int MessagesPerSecond { get; set; } = 10;

    /// <summary>Cost of one SMS segment in EUR, for the composer's estimate.</summary>
    public decimal CostPerSegment { get; set; } = 0.08m;

    /// <summary>
    /// Cost of one segment in EUR by the recipient's country (ISO code: <c>"NL": 0.10</c>), for members with a
    /// neighbouring country's mobile; a country not listed costs <see cref="CostPerSegment"/>.
    /// </summary>
    public Dictionary<string, decimal> CostPerSegmentByCountry { get; set; } = [];

    /// <summary>The cost of one segment to a number of <paramref name="country"/> (ISO code).</summary>
    public decimal CostPerSegmentIn(string country) =>
        CostPerSegmentByCountry.FirstOrDefault(c => string.Equals(c.Key, country, StringComparison.OrdinalIgnoreCase)) is { Key: not null } entry
            ? entry.Value : CostPerSegment;

    public TwilioSettings Twilio { get; set; } = new();

    public SimulatorSettings Simulator { get; set; } = new();

    public bool UsesSimulator => string.Equals(Gateway?.Trim(), SimulatorGateway, StringComparison.OrdinalIgnoreCase);

    public bool UsesTwilio => string.Equals(Gateway?.Trim(), TwilioGateway, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why webhooks cannot be validated (and so are all refused), or null when they can.</summary>
    public string? WebhookProblem =>
        string.IsNullOrWhiteSpace(Twilio.AuthToken) ? "no auth token is configured (Sms:Twilio:AuthToken)"
        : !IsHttpUrl(PublicBaseUrl) ? "no public base URL is configured (Sms:PublicBaseUrl)"
        : null;

    /// <summary>The absolute URL Twilio calls (and signs) for a path such as <c>/sms/status?messageId=…</c>.</summary>
    public string PublicUrl(string pathAndQuery) => PublicBaseUrl!.TrimEnd('/') + pathAndQuery;

    internal static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    internal static partial Regex E164();

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    internal static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    internal static partial Regex MessagingServiceSidPattern();
}

public sealed class TwilioSettings
{
    /// <summary>The account SID (AC + 32 hex) from the Twilio console.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's auth token: authenticates API calls and signs webhooks. Secret.</summary>
    public string? AuthToken { get; set; }

    /// <summary>A Messaging Service SID (MG + 32 hex); or set <see cref="From"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>A sender number in E.164 (+32…); must be able to receive SMS for acknowledgements to work.</summary>
    public string? From { get; set; }

    /// <summary>Optional override of the REST host (https://api.twilio.com), e.g. a fake server in tests.</summary>
    public string? ApiBaseUrl { get; set; }

    public override string ToString() => $"Twilio(AccountSid={AccountSid}, AuthToken={(string.IsNullOrEmpty(AuthToken) ? "unset" : "***")})";
}

public sealed class SimulatorSettings
{
    /// <summary>
    /// The simulator's own number: the sender of simulated SMS and the "To" of members' replies.
    /// +32 460 00 00 00 is fictitious (not assigned to any subscriber).
    /// </summary>
    public string Number { get; set; } = "+32460000000";

    /// <summary>How long after accepting a message the simulator reports it delivered (or failed).</summary>
    public TimeSpan DeliveryDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Checks the "Sms" section at start-up; every problem is reported at once, naming the key and the rule.</summary>
/// <remarks>Without a host environment (a bare service collection) it judges as outside Development.</remarks>
public sealed class SmsOptionsValidation(IHostEnvironment? environment = null) : IValidateOptions<SmsOptions>
{
    /// <summary>The fictitious token of appsettings.Development.json: fine for the simulator, never for Twilio.</summary>
    public const string DemoAuthToken = "simulator-demo-token-not-a-twilio-secret";

    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var problems = new List<string>();
        var twilio = options.Twilio;

        if (!options.UsesSimulator && !options.UsesTwilio)
            problems.Add($"Sms:Gateway (env Sms__Gateway) must be '{SmsOptions.SimulatorGateway}' or '{SmsOptions.TwilioGateway}', not '{options.Gateway}'.");
        if (options.MessagesPerSecond is < 0 or > 10_000)
            problems.Add("Sms:MessagesPerSecond must be a whole number from 0 (no limit) to 10000.");
        if (options.CostPerSegment < 0)
            problems.Add("Sms:CostPerSegment must be zero or more (EUR per segment, e.g. 0.08).");
        foreach (var (country, cost) in options.CostPerSegmentByCountry)
        {
            if (!Bin.Domain.Members.PhoneNumber.AcceptedCountries.Contains(country.ToUpperInvariant()))
                problems.Add($"Sms:CostPerSegmentByCountry:{country} is not a country whose mobiles members may have; use {string.Join(", ", Bin.Domain.Members.PhoneNumber.AcceptedCountries)}.");
            else if (cost < 0)
                problems.Add($"Sms:CostPerSegmentByCountry:{country} must be zero or more (EUR per segment, e.g. 0.10).");
        }
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !SmsOptions.IsHttpUrl(options.PublicBaseUrl))
            problems.Add($"Sms:PublicBaseUrl (env Sms__PublicBaseUrl) must be an absolute http(s) URL such as https://bin.example.be, not '{options.PublicBaseUrl}'.");
        if (!string.IsNullOrWhiteSpace(twilio.ApiBaseUrl) && !SmsOptions.IsHttpUrl(twilio.ApiBaseUrl))
            problems.Add($"Sms:Twilio:ApiBaseUrl must be an absolute http(s) URL, not '{twilio.ApiBaseUrl}'.");
        if (!SmsOptions.E164().IsMatch(options.Simulator.Number ?? ""))
            problems.Add($"Sms:Simulator:Number must be an E.164 number such as +32460000000, not '{options.Simulator.Number}'.");
        if (options.Simulator.DeliveryDelay < TimeSpan.Zero || options.Simulator.DeliveryDelay > TimeSpan.FromMinutes(1))
            problems.Add("Sms:Simulator:DeliveryDelay must be from 00:00:00 to 00:01:00.");

        // The demo token is public (it is in the repository): outside Development it would let anyone sign webhooks.
        if (environment?.IsDevelopment() != true && twilio.AuthToken == DemoAuthToken)
            problems.Add($"Sms:Twilio:AuthToken is the public demo token of appsettings.Development.json, refused outside Development ({environment?.EnvironmentName ?? "no environment"}); set a secret token (env Sms__Twilio__AuthToken).");

        if (options.UsesTwilio)
        {
            const string requiredWhen = "is required when Sms:Gateway is twilio";
            if (string.IsNullOrWhiteSpace(twilio.AccountSid))
                problems.Add($"Sms:Twilio:AccountSid (env Sms__Twilio__AccountSid) {requiredWhen}: the Account SID from the Twilio console, AC followed by 32 hex digits.");
            else if (!SmsOptions.AccountSidPattern().IsMatch(twilio.AccountSid))
                problems.Add("Sms:Twilio:AccountSid must start with AC followed by 32 hex digits (the Account SID, not an API key SK… or a service MG…).");

            if (string.IsNullOrWhiteSpace(twilio.AuthToken))
                problems.Add($"Sms:Twilio:AuthToken (env Sms__Twilio__AuthToken) {requiredWhen}: it authenticates API calls and validates webhook signatures.");
            else if (twilio.AuthToken == DemoAuthToken)
                problems.Add("Sms:Twilio:AuthToken is the simulator's demo token from appsettings.Development.json; set the account's real auth token (env Sms__Twilio__AuthToken).");

            var hasService = !string.IsNullOrWhiteSpace(twilio.MessagingServiceSid);
            var hasFrom = !string.IsNullOrWhiteSpace(twilio.From);
            if (!hasService && !hasFrom)
                problems.Add($"Sms:Twilio:MessagingServiceSid (env Sms__Twilio__MessagingServiceSid) or Sms:Twilio:From (env Sms__Twilio__From) {requiredWhen}: the sender of the alerts.");
            else if (hasService && hasFrom)
                problems.Add("Set either Sms:Twilio:MessagingServiceSid or Sms:Twilio:From, not both: the sender must be unambiguous.");
            else if (hasService && !SmsOptions.MessagingServiceSidPattern().IsMatch(twilio.MessagingServiceSid!))
                problems.Add($"Sms:Twilio:MessagingServiceSid must start with MG followed by 32 hex digits, not '{twilio.MessagingServiceSid}'.");
            else if (hasFrom && !SmsOptions.E164().IsMatch(twilio.From!))
                problems.Add($"Sms:Twilio:From must be a number in E.164 form such as +32470123456 (members reply to it, so no alphanumeric sender), not '{twilio.From}'.");

            if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
                problems.Add($"Sms:PublicBaseUrl (env Sms__PublicBaseUrl) {requiredWhen}: the public http(s) address Twilio calls back, e.g. https://bin.example.be.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
