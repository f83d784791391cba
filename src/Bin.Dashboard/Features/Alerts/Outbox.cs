using Npgsql;

namespace Bin.Dashboard.Features.Alerts;

public enum MessageKind { Tip, Reminder, Feedback, Confirmation, JoinCode, Welcome }

public enum MessageStatus { Queued, Sending, Sent, Delivered, Failed }

/// <summary>
/// One SMS to one member, written before anything is sent. <paramref name="AlertId"/> names the alert of a tip,
/// reminder or feedback (null otherwise); <paramref name="ApplicationId"/> the join application of a code or welcome.
/// </summary>
public sealed record OutboxMessage(
    Guid MessageId, Guid? AlertId, Guid MemberId, Guid NetworkId, MessageKind Kind, string Language, string Phone, string Body, int Segments,
    Guid? ApplicationId = null);

/// <summary>A message claimed for sending.</summary>
public sealed record ClaimedMessage(Guid MessageId, string Phone, string Body, int Attempts, DateTimeOffset ClaimedAt);

/// <summary>Counts per network of one alert (or all alerts of an incident).</summary>
public sealed record NetworkProgress(Guid NetworkId, int Recipients, int Queued, int Sent, int Delivered, int Failed, int Acknowledged)
{
    public double AcknowledgementRate => Recipients == 0 ? 0 : (double)Acknowledged / Recipients;
}

/// <summary>How the outbox spells kinds and statuses in its rows.</summary>
public static class OutboxNames
{
    public static string Of(MessageKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(MessageStatus status) => status.ToString().ToLowerInvariant();
}
