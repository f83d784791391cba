namespace Bin.Domain.Alerts;

/// <summary>
/// Police sent a preventive tip to the members of one or more networks about an incident. <paramref name="Texts"/>
/// holds the text per member language (nl, fr, de, en); recipients are counted per network (one SMS per member,
/// members of several alerted networks counted once, in the first network). Members are not named here: who
/// got what is in the outbox, by member id.
/// </summary>
public sealed record AlertIssued(
    Guid AlertId,
    Guid IncidentId,
    IReadOnlyList<Guid> NetworkIds,
    string? TipTemplateId,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<Guid, int> RecipientsPerNetwork,
    int Recipients,
    int SegmentsPerMessage,
    DateTimeOffset IssuedAt);

/// <summary>A member acknowledged an alert's tip (replied OK/JA/OUI/1). Appended to the member's stream, so that
/// hundreds of acknowledgements for one alert never contend for one stream.</summary>
public sealed record TipAcknowledged(Guid MemberId, Guid AlertId, Guid IncidentId, Guid NetworkId, Guid MessageId, DateTimeOffset AcknowledgedAt);

/// <summary>A member answered with free text (often a sighting). On the member's stream; the incident and
/// network tell dispatchers where it belongs. <paramref name="AlertId"/> is null when no recent alert was open.</summary>
public sealed record ReplyReceived(Guid MemberId, Guid? AlertId, Guid? IncidentId, Guid? NetworkId, string Text, DateTimeOffset ReceivedAt);
