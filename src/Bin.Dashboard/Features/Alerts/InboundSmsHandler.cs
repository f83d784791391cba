using Bin.Dashboard.Features.Sms;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>
/// The webhook's part of an inbound SMS: one idempotent insert keyed by MessageSid, durable before the gateway gets
/// its 200, then the <see cref="InboundProcessor"/> is woken to record what it means. A repeated webhook inserts
/// nothing. Keeping the request to one statement is what lets a neighbourhood's "OK"s arrive by the hundreds per second.
/// </summary>
internal sealed class InboundSmsHandler(InboundStore inbox, InboundSignal signal) : IInboundSmsHandler
{
    public async Task HandleAsync(InboundSms sms, CancellationToken ct)
    {
        if (await inbox.ReceiveAsync(sms.MessageSid, sms.From, sms.Body, sms.ReceivedAt, ct)) signal.Wake();
    }
}
