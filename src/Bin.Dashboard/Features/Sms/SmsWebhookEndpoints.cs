using System.Net;
using Bin.Dashboard.Infrastructure.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Sms;

/// <summary>
/// POST /sms/inbound and POST /sms/status: Twilio's webhooks, form-encoded and signed. Anonymous (Twilio has no
/// account here) but refused with 403 unless <c>X-Twilio-Signature</c> matches.
/// </summary>
public static class SmsWebhookEndpoints
{
    /// <summary>An empty TwiML answer: "received, say nothing back".</summary>
    public const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    /// <summary>Twilio's forms are a few hundred bytes (an SMS is at most 1,600 characters); anything larger is not Twilio.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapSmsWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(SmsWebhook.InboundPath, async (HttpContext http, SmsWebhook webhook, IOptionsMonitor<SmsOptions> options, CancellationToken ct) =>
            {
                if (DemoTokenRefusal(http, options.CurrentValue) is { } refused) return refused;
                if (LimitBody(http) is { } tooLarge) return tooLarge;
                if (await ReadFormAsync(http.Request, ct) is not { } form) return BadForm();
                var result = await webhook.HandleInboundAsync(PathAndQuery(http.Request), form, Signature(http.Request), ct);
                return result.Outcome == WebhookOutcome.Handled ? Results.Text(EmptyTwiml, "text/xml") : ToProblem(result);
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithSummary("Twilio webhook for an SMS a member sent; X-Twilio-Signature required.");

        app.MapPost(SmsWebhook.StatusPath, async (HttpContext http, SmsWebhook webhook, IOptionsMonitor<SmsOptions> options, CancellationToken ct) =>
            {
                if (DemoTokenRefusal(http, options.CurrentValue) is { } refused) return refused;
                if (LimitBody(http) is { } tooLarge) return tooLarge;
                if (await ReadFormAsync(http.Request, ct) is not { } form) return BadForm();
                var result = await webhook.HandleStatusAsync(PathAndQuery(http.Request), form, Signature(http.Request), ct);
                return result.Outcome == WebhookOutcome.Handled ? Results.NoContent() : ToProblem(result);
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithSummary("Twilio status callback for an outbound SMS (?messageId=); X-Twilio-Signature required.");
        return app;
    }

    /// <summary>
    /// The demo token of appsettings.Development.json is in the repository: anyone could sign with it. It is good for the
    /// simulator's own replies on this machine, so over HTTP it is accepted only with the simulator gateway and from
    /// loopback (the simulator's phones never come over HTTP at all).
    /// </summary>
    internal static IResult? DemoTokenRefusal(HttpContext http, SmsOptions options)
    {
        if (options.Twilio.AuthToken != SmsOptionsValidation.DemoAuthToken) return null;
        var remote = http.Connection.RemoteIpAddress;
        return options.UsesSimulator && remote is not null && IPAddress.IsLoopback(remote) ? null
            : Problems.Forbidden("The demo webhook token is accepted only with the simulator gateway and from this machine.");
    }

    /// <summary>Caps the body before it is read: a declared length over the cap is refused at once, a chunked body once
    /// it passes the cap (the server then stops reading).</summary>
    private static IResult? LimitBody(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes) return TooLarge();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
        return null;
    }

    private static IResult TooLarge() => Results.Problem(detail: $"The body may be at most {MaxBodyBytes / 1024} KB.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");

    /// <summary>
    /// The path and query exactly as called. Appended to Sms:PublicBaseUrl (the app's public root, including any prefix
    /// a proxy strips) it is the URL Twilio signed; the status callback URL is built the same way.
    /// </summary>
    private static string PathAndQuery(HttpRequest request) => request.Path + request.QueryString;

    private static string? Signature(HttpRequest request) =>
        request.Headers.TryGetValue(TwilioSignature.Header, out var value) ? value.ToString() : null;

    /// <summary>The form as Twilio's validator sees it (repeated names joined by commas); empty when not a form; null when unreadable.</summary>
    private static async Task<IReadOnlyDictionary<string, string>?> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return new Dictionary<string, string>();
        try
        {
            var form = await request.ReadFormAsync(ct);
            return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static IResult BadForm() => Problems.Field("body", "The body must be application/x-www-form-urlencoded as Twilio sends it.");

    private static IResult ToProblem(WebhookResult result) => result.Outcome == WebhookOutcome.Refused
        ? Problems.Forbidden(result.Detail ?? "Forbidden.")
        : Problems.Field(result.Field ?? "body", result.Detail ?? "Invalid request.");
}
