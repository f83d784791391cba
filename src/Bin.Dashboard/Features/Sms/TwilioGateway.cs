using System.Net;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Bin.Dashboard.Features.Sms;

/// <summary>
/// Sends through Twilio's Messages API with the official SDK. One <see cref="TwilioRestClient"/> for the process,
/// on an HttpClient from IHttpClientFactory (the "twilio" client, see <see cref="SmsRegistration"/>).
/// Delivery reports come back on <c>/sms/status?messageId=…</c>.
/// </summary>
public sealed class TwilioGateway : ISmsGateway
{
    public const string HttpClientName = "twilio";

    /// <summary>How many recent messages to a number <see cref="FindAcceptedAsync"/> looks through.</summary>
    public const int RecentMessagesToSearch = 20;

    /// <summary>Twilio's clock and ours may differ a little; look a bit before <c>since</c>.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private readonly TwilioRestClient _client;
    private readonly SmsOptions _options;
    private readonly ILogger<TwilioGateway> _logger;

    public TwilioGateway(IOptions<SmsOptions> options, IHttpClientFactory httpClients, ILogger<TwilioGateway> logger)
    {
        _options = options.Value;
        _logger = logger;
        var twilio = _options.Twilio;
        _client = new TwilioRestClient(twilio.AccountSid, twilio.AuthToken,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
    }

    public string Name => "twilio";

    public async Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct)
    {
        var message = new CreateMessageOptions(new PhoneNumber(sms.To))
        {
            Body = sms.Body,
            StatusCallback = new Uri(_options.PublicUrl(SmsWebhook.StatusPathAndQuery(sms.MessageId))),
        };
        if (!string.IsNullOrWhiteSpace(_options.Twilio.MessagingServiceSid))
            message.MessagingServiceSid = _options.Twilio.MessagingServiceSid;
        else
            message.From = new PhoneNumber(_options.Twilio.From);

        try
        {
            // The SDK takes no cancellation token; stop waiting when asked (the request may still complete,
            // which FindAcceptedAsync covers).
            var created = await MessageResource.CreateAsync(message, _client).WaitAsync(ct);
            return SendResult.Accepted(created.Sid);
        }
        catch (ApiException ex)
        {
            var outcome = Classify(ex.Status);
            var error = ex.Code != 0 ? $"Twilio {ex.Code}: {ex.Message}" : $"Twilio: {ex.Message}";
            _logger.LogWarning("Twilio refused message {MessageId} ({Outcome}): HTTP {Status}, code {Code}", sms.MessageId, outcome, ex.Status, ex.Code);
            return new SendResult(outcome, null, error);
        }
        catch (Exception ex) when (ex is ApiConnectionException or HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Network trouble or a timeout: Twilio may or may not have it; the outbox retries after FindAcceptedAsync.
            _logger.LogWarning("Twilio unreachable for message {MessageId}: {Error}", sms.MessageId, ex.GetBaseException().Message);
            return new SendResult(SendOutcome.Transient, null, $"Twilio unreachable: {ex.GetBaseException().Message}");
        }
    }

    /// <summary>
    /// Rate limiting, server errors and an unreadable error (status 0) are worth retrying; so is 401, a credentials
    /// problem an administrator fixes, not a reason to give up on the recipient. Every other 4xx (21211 invalid number,
    /// 21610 unsubscribed recipient, …) will never go.
    /// </summary>
    internal static SendOutcome Classify(int httpStatus) => httpStatus switch
    {
        0 => SendOutcome.Transient,
        (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.RequestTimeout => SendOutcome.Transient,
        >= 500 => SendOutcome.Transient,
        _ => SendOutcome.Permanent,
    };

    /// <summary>
    /// Looks through the latest messages to the number and matches the exact body created after <paramref name="since"/>.
    /// Filtering on DateSent at Twilio would miss a message still queued (no DateSent yet), so the date is checked here
    /// against DateCreated. Throws when Twilio cannot be asked: then the caller does not know, and must not send.
    /// </summary>
    public async Task<string?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, CancellationToken ct)
    {
        var query = new ReadMessageOptions
        {
            To = new PhoneNumber(sms.To),
            PageSize = RecentMessagesToSearch,
            Limit = RecentMessagesToSearch,
        };
        var messages = await MessageResource.ReadAsync(query, _client).WaitAsync(ct);
        var from = since - ClockSkew;
        return messages
            .Where(m => m.Body == sms.Body)
            .Where(m => (m.DateCreated ?? m.DateSent) is not { } created || AsUtc(created) >= from)
            .Select(m => m.Sid)
            .FirstOrDefault();
    }

    private static DateTimeOffset AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero),
    };
}

/// <summary>Sends the Twilio SDK's requests to another host (a fake server in tests) keeping path, query and body.</summary>
public sealed class TwilioApiRedirect(Uri apiBase) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = apiBase.Scheme, Host = apiBase.Host, Port = apiBase.Port }.Uri;
        }
        return base.SendAsync(request, ct);
    }
}
