using Microsoft.Extensions.Options;
using Twilio.Security;

namespace Bin.Dashboard.Features.Sms;

/// <summary>What became of one webhook request.</summary>
public sealed record WebhookResult(WebhookOutcome Outcome, string? Field = null, string? Detail = null)
{
    public static readonly WebhookResult Handled = new(WebhookOutcome.Handled);

    public static WebhookResult Refused(string detail) => new(WebhookOutcome.Refused, null, detail);

    public static WebhookResult Invalid(string field, string detail) => new(WebhookOutcome.Invalid, field, detail);
}

public enum WebhookOutcome
{
    /// <summary>Signature valid, handler called.</summary>
    Handled,

    /// <summary>Missing or wrong signature, or webhooks not configured: nothing reached a handler (403).</summary>
    Refused,

    /// <summary>Signed, but a required field is missing or malformed (400).</summary>
    Invalid,
}

/// <summary>
/// The one path by which SMS traffic enters the dashboard: Twilio's webhooks and the simulator's phones both come
/// through here. Checks <c>X-Twilio-Signature</c> against the configured auth token and public URL (never the request's
/// Host: proxies rewrite it), parses the Twilio form, and only then hands it to the handler.
/// </summary>
public sealed class SmsWebhook(
    IOptionsMonitor<SmsOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<SmsWebhook> logger)
{
    public const string InboundPath = "/sms/inbound";
    public const string StatusPath = "/sms/status";

    /// <summary>The status callback of one outbound message, as handed to Twilio and signed by it.</summary>
    public static string StatusPathAndQuery(Guid messageId) => $"{StatusPath}?messageId={messageId:D}";

    /// <summary>Why every webhook is refused right now, or null when signatures can be checked.</summary>
    public string? Problem => options.CurrentValue.WebhookProblem;

    /// <summary>Signs a form as Twilio would for <paramref name="pathAndQuery"/>; null when no token or public URL is configured.</summary>
    public string? Sign(string pathAndQuery, IReadOnlyDictionary<string, string> form)
    {
        var current = options.CurrentValue;
        return current.WebhookProblem is null
            ? TwilioSignature.Compute(current.Twilio.AuthToken!, current.PublicUrl(pathAndQuery), form)
            : null;
    }

    public async Task<WebhookResult> HandleInboundAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form, string? signature, CancellationToken ct)
    {
        if (Refusal(pathAndQuery, form, signature) is { } refused) return refused;

        var sid = Value(form, "MessageSid") ?? Value(form, "SmsSid");
        var from = Value(form, "From");
        if (sid is null) return WebhookResult.Invalid("MessageSid", "MessageSid is required.");
        if (from is null) return WebhookResult.Invalid("From", "From is required.");
        var sms = new InboundSms(sid, from, Value(form, "To") ?? "", form.GetValueOrDefault("Body") ?? "", clock.GetUtcNow());

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IInboundSmsHandler>().HandleAsync(sms, ct);
        return WebhookResult.Handled;
    }

    public async Task<WebhookResult> HandleStatusAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form, string? signature, CancellationToken ct)
    {
        if (Refusal(pathAndQuery, form, signature) is { } refused) return refused;

        var sid = Value(form, "MessageSid") ?? Value(form, "SmsSid");
        var status = Value(form, "MessageStatus") ?? Value(form, "SmsStatus");
        if (sid is null) return WebhookResult.Invalid("MessageSid", "MessageSid is required.");
        if (status is null) return WebhookResult.Invalid("MessageStatus", "MessageStatus is required.");
        Guid? messageId = null;
        if (QueryValue(pathAndQuery, "messageId") is { } raw)
        {
            if (!Guid.TryParse(raw, out var parsed)) return WebhookResult.Invalid("messageId", "messageId must be a message id (GUID).");
            messageId = parsed;
        }
        var update = new DeliveryStatusUpdate(sid, messageId, status.ToLowerInvariant(), Value(form, "ErrorCode"), Value(form, "ErrorMessage"));

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDeliveryStatusHandler>().HandleAsync(update, ct);
        return WebhookResult.Handled;
    }

    private WebhookResult? Refusal(string pathAndQuery, IReadOnlyDictionary<string, string> form, string? signature)
    {
        var current = options.CurrentValue;
        if (current.WebhookProblem is { } problem)
        {
            logger.LogWarning("SMS webhook {Path} refused: {Problem}", PathOnly(pathAndQuery), problem);
            return WebhookResult.Refused($"SMS webhooks are disabled: {problem}.");
        }
        if (string.IsNullOrEmpty(signature))
        {
            logger.LogWarning("SMS webhook {Path} refused: no {Header} header", PathOnly(pathAndQuery), TwilioSignature.Header);
            return WebhookResult.Refused($"The {TwilioSignature.Header} header is missing.");
        }
        // RequestValidator keeps one HMAC instance: not thread-safe, so one per request.
        var validator = new RequestValidator(current.Twilio.AuthToken!);
        if (!validator.Validate(current.PublicUrl(pathAndQuery), form.ToDictionary(), signature))
        {
            logger.LogWarning("SMS webhook {Path} refused: signature does not match (wrong token, altered form, or Sms:PublicBaseUrl differs from the URL Twilio calls)", PathOnly(pathAndQuery));
            return WebhookResult.Refused($"The {TwilioSignature.Header} signature does not match this request.");
        }
        return null;
    }

    private static string? Value(IReadOnlyDictionary<string, string> form, string key) =>
        form.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string PathOnly(string pathAndQuery) => pathAndQuery.Split('?', 2)[0];

    private static string? QueryValue(string pathAndQuery, string key)
    {
        var parts = pathAndQuery.Split('?', 2);
        if (parts.Length < 2) return null;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(parts[1]);
        return query.TryGetValue(key, out var values) ? values.ToString() : null;
    }

    /// <summary>A Twilio-shaped message SID: "SM" and 32 hex digits.</summary>
    public static string NewMessageSid() => "SM" + Guid.NewGuid().ToString("N");
}
