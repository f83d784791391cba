using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using Bin.Domain.Incidents;
using Bin.Domain.Members;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Bin.Dashboard.Features.Replay.Timeline;

/// <summary>One timeline row as the projection writes it. <see cref="NetworkIds"/> null means "the incident's
/// networks as of this moment" (verified, closed), looked up by the database in the same statement.</summary>
public sealed record TimelineRow(
    Guid EventId,
    DateTimeOffset At,
    string Kind,
    Guid? IncidentId = null,
    Guid? AlertId = null,
    Guid? FeedbackId = null,
    Guid? MemberId = null,
    IReadOnlyList<Guid>? NetworkIds = null,
    IReadOnlyList<int>? NetworkCounts = null,
    string? Category = null,
    double? Latitude = null,
    double? Longitude = null,
    int? Count = null,
    string? Detail = null,
    string? Actor = null);

/// <summary>
/// Writes the <see cref="TimelineTable"/> rows of the events of each unit of work, inline (same transaction), in at
/// most two statements whatever the number of events: first the rows that carry their own location (reports,
/// corrections, member changes), then the rows that take category and location from the incident's latest such row
/// at or before their time. Rows are keyed by event id, so writing an event twice (a backfill racing the live path)
/// changes nothing.
/// </summary>
public sealed class TimelineProjection(string schema) : IProjection
{
    private string Table => $"{schema}.{TimelineTable.Name}";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var own = new List<TimelineRow>();
        var looked = new List<TimelineRow>();
        var followUps = new List<TimelineRow>();
        foreach (var e in events)
        {
            if (RowOf(e) is not { } row) continue;
            (CarriesOwnLocation(row.Kind) ? own : IsFollowUp(row.Kind) ? followUps : looked).Add(row);
        }
        if (own.Count > 0) operations.QueueSqlCommand(InsertOwnSql, Parameters(own));
        if (looked.Count > 0) operations.QueueSqlCommand(InsertLookedUpSql, Parameters(looked));
        if (followUps.Count > 0) operations.QueueSqlCommand(InsertFollowUpSql, Parameters(followUps));
        return Task.CompletedTask;
    }

    /// <summary>The row an event becomes, or null for events replay does not show.</summary>
    public static TimelineRow? RowOf(IEvent e) => e.Data switch
    {
        IncidentReported r => new(e.Id, r.ReportedAt, TimelineKinds.IncidentReported, IncidentId: r.IncidentId, NetworkIds: r.NetworkIds,
            Category: r.Category, Latitude: r.Latitude, Longitude: r.Longitude, Actor: e.UserName),
        IncidentUpdated u => new(e.Id, u.UpdatedAt, TimelineKinds.IncidentUpdated, IncidentId: u.IncidentId, NetworkIds: u.NetworkIds,
            Category: u.Category, Latitude: u.Latitude, Longitude: u.Longitude, Actor: e.UserName),
        IncidentVerified v => new(e.Id, v.VerifiedAt, TimelineKinds.IncidentVerified, IncidentId: v.IncidentId, Actor: e.UserName),
        IncidentClosed c => new(e.Id, c.ClosedAt, TimelineKinds.IncidentClosed, IncidentId: c.IncidentId, Detail: OutcomeId(c.Outcome), Actor: e.UserName),
        AlertIssued a => new(e.Id, a.IssuedAt, TimelineKinds.AlertIssued, IncidentId: a.IncidentId, AlertId: a.AlertId, NetworkIds: a.NetworkIds,
            NetworkCounts: [.. a.NetworkIds.Select(n => a.RecipientsPerNetwork.GetValueOrDefault(n))], Count: a.Recipients,
            Detail: a.TipTemplateId, Actor: e.UserName),
        TipAcknowledged t => new(e.Id, t.AcknowledgedAt, TimelineKinds.TipAcknowledged, IncidentId: t.IncidentId, AlertId: t.AlertId,
            NetworkIds: [t.NetworkId]),
        ReplyReceived r => new(e.Id, r.ReceivedAt, TimelineKinds.ReplyReceived, IncidentId: r.IncidentId, AlertId: r.AlertId,
            NetworkIds: r.NetworkId is { } n ? [n] : [], Detail: r.Text),
        FeedbackScheduled f => new(e.Id, f.ScheduledAt, TimelineKinds.FeedbackScheduled, IncidentId: f.IncidentId, AlertId: f.AlertId, FeedbackId: f.FeedbackId,
            Detail: f.FeedbackTemplateId, Actor: e.UserName),
        FeedbackSent f => new(e.Id, f.SentAt, TimelineKinds.FeedbackSent, AlertId: f.AlertId, FeedbackId: f.FeedbackId, Count: f.Recipients, Actor: e.UserName),
        FeedbackCancelled f => new(e.Id, f.CancelledAt, TimelineKinds.FeedbackCancelled, FeedbackId: f.FeedbackId, Actor: e.UserName),
        ReminderSent r => new(e.Id, r.SentAt, TimelineKinds.ReminderSent, AlertId: r.AlertId, Count: r.Recipients, Actor: e.UserName),
        MemberRegistered m => new(e.Id, m.RegisteredAt, TimelineKinds.MemberRegistered, MemberId: m.MemberId, NetworkIds: m.NetworkIds),
        MemberOptedOut m => new(e.Id, m.OptedOutAt, TimelineKinds.MemberOptedOut, MemberId: m.MemberId, NetworkIds: []),
        MemberRejoined m => new(e.Id, m.RejoinedAt, TimelineKinds.MemberRejoined, MemberId: m.MemberId, NetworkIds: []),
        MemberNetworksChanged m => new(e.Id, m.ChangedAt, TimelineKinds.MemberNetworksChanged, MemberId: m.MemberId, NetworkIds: m.NetworkIds),
        MemberErased m => new(e.Id, m.ErasedAt, TimelineKinds.MemberErased, MemberId: m.MemberId, NetworkIds: []),
        _ => null,
    };

    /// <summary>The outcome as the API writes it: <c>suspect-caught</c>, <c>nothing-found</c>, …</summary>
    public static string OutcomeId(IncidentOutcome outcome) =>
        string.Concat(outcome.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Rows about an alert's follow-up: they take incident, networks, category and place from the alert's row
    /// (or, for a cancelled feedback, from its scheduling).</summary>
    private static bool IsFollowUp(string kind) =>
        kind is TimelineKinds.FeedbackScheduled or TimelineKinds.FeedbackSent or TimelineKinds.FeedbackCancelled or TimelineKinds.ReminderSent;

    private static bool CarriesOwnLocation(string kind) =>
        kind is TimelineKinds.IncidentReported or TimelineKinds.IncidentUpdated || kind.StartsWith("member-", StringComparison.Ordinal);

    private const string Columns =
        "event_id, at, kind, incident_id, alert_id, feedback_id, member_id, network_ids, network_counts, category, lat, lon, count, detail, actor";

    // Arrays in, one row per element out. Network lists travel as comma-joined text: unnest cannot take jagged arrays.
    private const string Unnest = """
        unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
               ?::float8[], ?::float8[], ?::int[], ?::text[], ?::text[])
          AS u(event_id, at, kind, incident_id, alert_id, feedback_id, member_id, networks, counts, category, lat, lon, count, detail, actor)
        """;

    private string InsertOwnSql => $"""
        INSERT INTO {Table} ({Columns})
        SELECT u.event_id, u.at, u.kind, u.incident_id, u.alert_id, u.feedback_id, u.member_id,
               string_to_array(u.networks, ',')::uuid[], string_to_array(u.counts, ',')::int[], u.category, u.lat, u.lon, u.count, u.detail, u.actor
        FROM {Unnest}
        ON CONFLICT (event_id) DO NOTHING
        """;

    private string InsertLookedUpSql => $"""
        INSERT INTO {Table} ({Columns})
        SELECT u.event_id, u.at, u.kind, u.incident_id, u.alert_id, u.feedback_id, u.member_id,
               coalesce(string_to_array(u.networks, ',')::uuid[], source.network_ids, ARRAY[]::uuid[]),
               string_to_array(u.counts, ',')::int[], source.category, source.lat, source.lon, u.count, u.detail, u.actor
        FROM {Unnest}
        LEFT JOIN LATERAL (
            SELECT s.category, s.lat, s.lon, s.network_ids FROM {Table} s
            WHERE s.incident_id = u.incident_id AND s.kind IN ('{TimelineKinds.IncidentReported}', '{TimelineKinds.IncidentUpdated}') AND s.at <= u.at
            ORDER BY s.at DESC LIMIT 1) source ON true
        ON CONFLICT (event_id) DO NOTHING
        """;

    private string InsertFollowUpSql => $"""
        INSERT INTO {Table} ({Columns})
        SELECT u.event_id, u.at, u.kind, coalesce(u.incident_id, alert.incident_id, scheduled.incident_id), coalesce(u.alert_id, scheduled.alert_id),
               u.feedback_id, u.member_id, coalesce(alert.network_ids, scheduled.network_ids, ARRAY[]::uuid[]), NULL,
               coalesce(alert.category, scheduled.category), coalesce(alert.lat, scheduled.lat), coalesce(alert.lon, scheduled.lon), u.count, u.detail, u.actor
        FROM {Unnest}
        LEFT JOIN LATERAL (
            SELECT a.incident_id, a.network_ids, a.category, a.lat, a.lon FROM {Table} a
            WHERE a.alert_id = u.alert_id AND a.kind = '{TimelineKinds.AlertIssued}' LIMIT 1) alert ON u.alert_id IS NOT NULL
        LEFT JOIN LATERAL (
            SELECT f.incident_id, f.alert_id, f.network_ids, f.category, f.lat, f.lon FROM {Table} f
            WHERE f.feedback_id = u.feedback_id AND f.kind = '{TimelineKinds.FeedbackScheduled}' LIMIT 1) scheduled ON u.alert_id IS NULL
        ON CONFLICT (event_id) DO NOTHING
        """;

    private static object[] Parameters(IReadOnlyList<TimelineRow> rows) =>
    [
        rows.Select(r => r.EventId).ToArray(),
        rows.Select(r => r.At.ToUniversalTime()).ToArray(),
        rows.Select(r => r.Kind).ToArray(),
        rows.Select(r => r.IncidentId).ToArray(),
        rows.Select(r => r.AlertId).ToArray(),
        rows.Select(r => r.FeedbackId).ToArray(),
        rows.Select(r => r.MemberId).ToArray(),
        rows.Select(r => r.NetworkIds is null ? null : string.Join(',', r.NetworkIds)).ToArray(),
        rows.Select(r => r.NetworkCounts is null ? null : string.Join(',', r.NetworkCounts)).ToArray(),
        rows.Select(r => r.Category).ToArray(),
        rows.Select(r => r.Latitude).ToArray(),
        rows.Select(r => r.Longitude).ToArray(),
        rows.Select(r => r.Count).ToArray(),
        rows.Select(r => r.Detail).ToArray(),
        rows.Select(r => r.Actor).ToArray(),
    ];
}
