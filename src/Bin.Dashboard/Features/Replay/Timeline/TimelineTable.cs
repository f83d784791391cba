using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Bin.Dashboard.Features.Replay.Timeline;

/// <summary>
/// The compact replay timeline: one narrow row per business event that replay, history and evaluation need,
/// keyed by the event's id and stamped with its <em>business</em> time (the event's own <c>…At</c>), written in the
/// same transaction as the event by <see cref="TimelineProjection"/>. Rows about an incident (verified, closed, its
/// alerts, acknowledgements, replies) carry the incident's category and location as they were at that moment, so
/// filters and the map need no join. Acknowledgements are one row each (insert-only: hundreds arriving for one alert
/// never wait on each other) and are summed per alert, network and minute when read.
/// </summary>
public static class TimelineTable
{
    public const string Name = "bin_timeline";

    public static Table Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("event_id", "uuid").AsPrimaryKey();
        table.AddColumn("at", "timestamp with time zone").NotNull();
        table.AddColumn("kind", "text").NotNull();
        table.AddColumn("incident_id", "uuid");
        table.AddColumn("alert_id", "uuid");
        table.AddColumn("feedback_id", "uuid");
        table.AddColumn("member_id", "uuid");
        table.AddColumn("network_ids", "uuid[]").NotNull();
        // Recipients per network, aligned with network_ids (alert-issued only).
        table.AddColumn("network_counts", "integer[]");
        table.AddColumn("category", "text");
        table.AddColumn("lat", "double precision");
        table.AddColumn("lon", "double precision");
        table.AddColumn("count", "integer");
        // Reply text, close outcome, tip template id.
        table.AddColumn("detail", "text");
        // The dashboard user who acted (from the event's metadata).
        table.AddColumn("actor", "text");
        // History and evaluation read a period of one kind at a time; counting incidents per network and category, and
        // the series over time, need nothing else (the table is insert-only, so vacuum keeps index-only scans possible).
        table.Indexes.Add(new IndexDefinition("bin_timeline_kind_at") { Columns = ["kind", "at"], IncludeColumns = ["category", "network_ids"] });
        // State as of T: an incident's rows in time order.
        table.Indexes.Add(new IndexDefinition("bin_timeline_incident") { Columns = ["incident_id", "at"] });
        // The projection's look-up of where and what an incident was at a moment: only its reports and corrections. On
        // the index above that walk passed every acknowledgement of the incident, so each ack of a big alert cost more
        // than the one before (bench: a batch of 500 took 360 ms at 10,000 acks).
        table.Indexes.Add(new IndexDefinition("bin_timeline_incident_location")
        {
            Columns = ["incident_id", "at"],
            // As PostgreSQL renders it: otherwise Weasel sees a change and rebuilds the index at every start.
            Predicate = $"kind = ANY (ARRAY['{TimelineKinds.IncidentReported}'::text, '{TimelineKinds.IncidentUpdated}'::text])",
        });
        // Evaluation: the acknowledgements and replies of given alerts (their time and network from the index alone).
        table.Indexes.Add(new IndexDefinition("bin_timeline_alert") { Columns = ["alert_id", "kind"], IncludeColumns = ["at", "network_ids"] });
        // The projection's look-up of a feedback's alert (cancelled feedback names only itself).
        table.Indexes.Add(new IndexDefinition("bin_timeline_feedback") { Columns = ["feedback_id"], Predicate = "feedback_id IS NOT NULL" });
        return table;
    }
}

/// <summary>The row kinds of the timeline; the history API uses the same names as its <c>type</c>.</summary>
public static class TimelineKinds
{
    public const string IncidentReported = "incident-reported";
    public const string IncidentUpdated = "incident-updated";
    public const string IncidentVerified = "incident-verified";
    public const string IncidentClosed = "incident-closed";
    public const string AlertIssued = "alert-issued";
    public const string TipAcknowledged = "tip-acknowledged";
    public const string ReplyReceived = "reply-received";
    public const string FeedbackScheduled = "feedback-scheduled";
    public const string FeedbackSent = "feedback-sent";
    public const string FeedbackCancelled = "feedback-cancelled";
    public const string ReminderSent = "reminder-sent";
    public const string MemberRegistered = "member-registered";
    public const string MemberOptedOut = "member-opted-out";
    public const string MemberRejoined = "member-rejoined";
    public const string MemberNetworksChanged = "member-networks-changed";
    public const string MemberErased = "member-erased";

    /// <summary>Acknowledgements as the history returns them: summed per alert, network and minute.</summary>
    public const string Acknowledgements = "acknowledgements";

    /// <summary>What the history lists one by one (acknowledgements come summed, member changes not at all).</summary>
    public static readonly IReadOnlyList<string> Listed =
        [IncidentReported, IncidentUpdated, IncidentVerified, IncidentClosed, AlertIssued, ReplyReceived, ReminderSent, FeedbackScheduled, FeedbackSent, FeedbackCancelled];

    public static readonly IReadOnlyList<string> Members =
        [MemberRegistered, MemberOptedOut, MemberRejoined, MemberNetworksChanged, MemberErased];
}
