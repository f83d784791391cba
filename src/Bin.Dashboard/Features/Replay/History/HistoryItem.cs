using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bin.Dashboard.Features.Replay.History;

/// <summary>
/// One entry of the history: an event (or, for <c>acknowledgements</c>, the acknowledgements of one alert in one
/// network within one minute, <see cref="Count"/> of them, stamped with the last one's time). Fields that do not
/// apply to the type are left out of the JSON.
/// </summary>
/// <param name="Type">incident-reported, incident-updated, incident-verified, incident-closed, alert-issued,
/// acknowledgements, reply-received, reminder-sent, feedback-scheduled, feedback-sent, feedback-cancelled.</param>
/// <param name="At">Business time of the event (UTC).</param>
/// <param name="NetworkIds">The networks it concerns: the incident's (incident events), the alerted ones (alerts),
/// the member's (acknowledgements, replies).</param>
/// <param name="Latitude">The incident's location at that moment, for anything about an incident.</param>
/// <param name="Count">Recipients (alert-issued, reminder-sent, feedback-sent) or acknowledgements (acknowledgements).</param>
/// <param name="Recipients">Recipients per network (alert-issued).</param>
/// <param name="Text">A reply's text.</param>
/// <param name="Outcome">How a closed incident ended (incident-closed).</param>
/// <param name="Tip">The library tip an alert used (alert-issued) or the feedback template (feedback-scheduled); null for own text.</param>
/// <param name="By">The dashboard user who acted.</param>
public sealed record HistoryItem(
    string Type,
    DateTimeOffset At,
    Guid? IncidentId,
    Guid? AlertId,
    Guid? FeedbackId,
    IReadOnlyList<Guid> NetworkIds,
    [property: JsonPropertyName("lat")] double? Latitude,
    [property: JsonPropertyName("lon")] double? Longitude,
    string? Category,
    int? Count,
    IReadOnlyDictionary<Guid, int>? Recipients,
    string? Text,
    string? Outcome,
    string? Tip,
    string? By);

/// <summary>The answer of <c>GET /api/history</c>.</summary>
public sealed record HistoryPage(DateTimeOffset From, DateTimeOffset To, int Count, IReadOnlyList<HistoryItem> Items);

public static class HistoryJson
{
    /// <summary>Web names, no nulls: a month of history is tens of thousands of entries.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
