using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Dashboard.Infrastructure.EventStore;
using Marten;
using Marten.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Replay.State;

/// <summary>
/// The state as of a moment, from the event store's timeline: the incidents reported by then and not closed by then,
/// with every event of theirs up to that moment (reports, corrections, verification, alerts, each acknowledgement and
/// reply), and the feedback sent shortly before, folded by <see cref="ReplayState"/>. One statement; the same filters
/// as the history.
/// </summary>
public sealed class StateQuery(IDocumentStore store, HistoryQuery history, IOptions<EventStoreOptions> options, IOptions<AlertOptions> alerts)
{
    private string Table => $"{options.Value.Schema}.{TimelineTable.Name}";

    /// <summary>How long an alert counts as in progress at most (its acknowledgement window).</summary>
    public TimeSpan AlertWindow => alerts.Value.AcknowledgementWindow;

    public async Task<ReplaySnapshot> AtAsync(DateTimeOffset at, HistoryFilter filter, CancellationToken ct)
    {
        var ctes = new List<string>();
        if (!filter.IsEmpty) ctes.Add(history.QualifyingCte(filter));
        ctes.Add($"""
            open AS (
                SELECT o.incident_id FROM {Table} o
                WHERE o.kind = '{TimelineKinds.IncidentReported}' AND o.at <= @at
                  AND NOT EXISTS (SELECT 1 FROM {Table} c WHERE c.incident_id = o.incident_id AND c.kind = '{TimelineKinds.IncidentClosed}' AND c.at <= @at))
            """);
        // Two index-friendly halves rather than one OR (which makes PostgreSQL read the whole table): the open incidents'
        // events, and the feedback sent within the last half hour (open incidents or not).
        const string columns = "r.kind, r.at, r.incident_id, r.alert_id, r.feedback_id, r.network_ids, r.network_counts, r.category, r.lat, r.lon, r.count, r.detail, r.actor";
        var sql = $"""
            WITH {string.Join(",\n", ctes)}
            SELECT {columns} FROM {Table} r
            WHERE r.incident_id IN (SELECT incident_id FROM open) AND r.at <= @at AND r.kind = ANY(@kinds) {HistoryQuery.FilterSql(filter)}
            UNION ALL
            SELECT {columns} FROM {Table} r
            WHERE r.kind = '{TimelineKinds.FeedbackSent}' AND r.at > @feedbackSince AND r.at <= @at {HistoryQuery.FilterSql(filter)}
            ORDER BY 2, 1
            """;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("feedbackSince", (at - ReplayState.FeedbackShownFor).ToUniversalTime());
        command.Parameters.AddWithValue("kinds", TimelineKinds.Listed.Where(k => k != TimelineKinds.FeedbackSent).Append(TimelineKinds.TipAcknowledged).ToArray());
        HistoryQuery.AddFilterParameters(command, filter);
        var rows = await HistoryQuery.ReadAsync(command, ct);

        var state = new ReplayState(AlertWindow);
        foreach (var row in rows) state.Apply(row);
        state.AdvanceTo(at);
        return state.Snapshot();
    }
}
