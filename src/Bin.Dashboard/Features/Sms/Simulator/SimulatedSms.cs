namespace Bin.Dashboard.Features.Sms.Simulator;

public enum SmsDirection
{
    /// <summary>From the dashboard to a member's (simulated) phone.</summary>
    Outbound,

    /// <summary>A reply typed on the phones page.</summary>
    Inbound,
}

/// <summary>One SMS the simulator carried, as a Marten document. Replaced whole when its status changes.</summary>
public sealed record SimulatedSms
{
    public Guid Id { get; init; }
    public SmsDirection Direction { get; init; }

    /// <summary>Twilio-shaped message SID: "SM" and 32 hex digits.</summary>
    public string Sid { get; init; } = "";

    /// <summary>The outbox message this is (outbound only).</summary>
    public Guid? MessageId { get; init; }

    /// <summary>The member's number: <see cref="To"/> when outbound, <see cref="From"/> when inbound. One conversation per phone.</summary>
    public string Phone { get; init; } = "";

    public string To { get; init; } = "";
    public string From { get; init; } = "";
    public string Body { get; init; } = "";
    public DateTimeOffset At { get; init; }

    /// <summary>Twilio's words: queued, delivered, failed (outbound); received (inbound).</summary>
    public string Status { get; init; } = "";

    public string? ErrorCode { get; init; }
    public DateTimeOffset? StatusAt { get; init; }
}

/// <summary>A number the simulator has exchanged messages with, for the phones page's list. Id is the E.164 number.</summary>
public sealed record SimulatedPhone
{
    public string Id { get; init; } = "";
    public DateTimeOffset LastAt { get; init; }
    public string LastBody { get; init; } = "";
    public SmsDirection LastDirection { get; init; }
}

/// <summary>What GET /api/sms-simulator/messages returns per message.</summary>
public sealed record SimulatedSmsView(
    string Sid,
    string Direction,
    Guid? MessageId,
    string To,
    string From,
    string Body,
    DateTimeOffset At,
    string Status,
    string? ErrorCode)
{
    public static SimulatedSmsView Of(SimulatedSms m) =>
        new(m.Sid, m.Direction.ToString().ToLowerInvariant(), m.MessageId, m.To, m.From, m.Body, m.At, m.Status, m.ErrorCode);
}
