using Bin.Dashboard.Features.Sms;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>Twilio's status callbacks: delivered or failed (with the reason) per recipient; the rest changes nothing.</summary>
internal sealed class DeliveryStatusHandler(OutboxDispatch outbox, TimeProvider clock, ILogger<DeliveryStatusHandler> logger) : IDeliveryStatusHandler
{
    public async Task HandleAsync(DeliveryStatusUpdate update, CancellationToken ct)
    {
        var status = update.Status.Trim().ToLowerInvariant();
        bool? delivered = status switch
        {
            "delivered" or "read" => true,
            "failed" or "undelivered" => false,
            _ => null,
        };
        if (delivered is null) return;
        var error = delivered.Value ? null : $"{update.ErrorCode} {update.ErrorMessage}".Trim();
        var changed = await outbox.RecordDeliveryAsync(update.MessageId, update.MessageSid, delivered.Value, string.IsNullOrEmpty(error) ? status : error, clock.GetUtcNow(), ct);
        if (!changed)
            logger.LogInformation("Status {Status} for {MessageSid} changed nothing (unknown message or already final)", status, update.MessageSid);
    }
}
