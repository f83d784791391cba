namespace Bin.Dashboard.Features.Sms;

/// <summary>One SMS to one number. <see cref="MessageId"/> is ours (the outbox row); the gateway reports status against it.</summary>
public sealed record OutboundSms(Guid MessageId, string To, string Body);

public enum SendOutcome
{
    /// <summary>The gateway took the message; it must not be sent again.</summary>
    Accepted,

    /// <summary>Try again later (rate limit, timeout, 5xx).</summary>
    Transient,

    /// <summary>It will never go (invalid number, blocked, 4xx other than rate limiting).</summary>
    Permanent,
}

public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId, string? Error)
{
    public static SendResult Accepted(string providerMessageId) => new(SendOutcome.Accepted, providerMessageId, null);
}

/// <summary>The one way out for SMS: Twilio, or the simulator.</summary>
public interface ISmsGateway
{
    string Name { get; }

    Task<SendResult> SendAsync(OutboundSms sms, CancellationToken ct);

    /// <summary>
    /// After a crash between handing a message over and recording the answer: did the gateway accept it?
    /// Returns the provider's message id, or null when it has no such message (then it is safe to send).
    /// </summary>
    Task<string?> FindAcceptedAsync(OutboundSms sms, DateTimeOffset since, CancellationToken ct);
}

/// <summary>An SMS a member sent us, as the webhook received it (signature already checked).</summary>
public sealed record InboundSms(string MessageSid, string From, string To, string Body, DateTimeOffset ReceivedAt);

/// <summary>A delivery report: Twilio's MessageStatus (queued, sent, delivered, undelivered, failed) for one message.</summary>
public sealed record DeliveryStatusUpdate(string MessageSid, Guid? MessageId, string Status, string? ErrorCode, string? ErrorMessage);

/// <summary>Handles inbound SMS: acknowledgements, opt-outs, replies. Must record a repeated MessageSid once.</summary>
public interface IInboundSmsHandler
{
    Task HandleAsync(InboundSms sms, CancellationToken ct);
}

public interface IDeliveryStatusHandler
{
    Task HandleAsync(DeliveryStatusUpdate update, CancellationToken ct);
}
