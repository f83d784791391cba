using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Dashboard.Infrastructure.EventStore;
using Marten;
using Marten.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Replay.History;

/// <summary>
/// Reads the history of a period from the <see cref="TimelineTable"/>: one statement, typed columns, events one by
/// one except acknowledgements, which come summed per alert, network and minute (a month with 20,000 of them is
/// a few thousand entries, not 20,000).
/// </summary>
public sealed class HistoryQuery(IDocumentStore store, IOptions<EventStoreOptions> options)
{
    private string Table => $"{options.Value.Schema}.{TimelineTable.Name}";

    public async Task<IReadOnlyList<HistoryItem>> LoadAsync(Period period, HistoryFilter filter, CancellationToken ct)
    {
        var where = FilterSql(filter);
        var sql = $"""
            {(filter.IsEmpty ? "" : "WITH " + QualifyingCte(filter))}
            SELECT r.kind, r.at, r.incident_id, r.alert_id, r.feedback_id, r.network_ids, r.network_counts, r.category, r.lat, r.lon,
                   r.count, r.detail, r.actor
            FROM {Table} r
            WHERE r.kind = ANY(@kinds) AND r.at >= @from AND r.at < @to {where}
            UNION ALL
            SELECT '{TimelineKinds.Acknowledgements}', max(r.at), r.incident_id, r.alert_id, NULL, r.network_ids, NULL, r.category, NULL, NULL,
                   count(*)::int, NULL, NULL
            FROM {Table} r
            WHERE r.kind = '{TimelineKinds.TipAcknowledged}' AND r.at >= @from AND r.at < @to {where}
            GROUP BY r.alert_id, r.incident_id, r.network_ids, r.category, date_trunc('minute', r.at)
            ORDER BY 2, 1
            """;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("kinds", TimelineKinds.Listed.ToArray());
        command.Parameters.AddWithValue("from", period.From);
        command.Parameters.AddWithValue("to", period.To);
        AddFilterParameters(command, filter);
        return await ReadAsync(command, ct);
    }

    /// <summary>The incidents a filter selects (see <see cref="HistoryFilter"/>), as a CTE named <c>qualifying</c>
    /// (without the WITH); only for a filter that is not empty.</summary>
    internal string QualifyingCte(HistoryFilter filter)
    {
        var conditions = new List<string> { $"q.kind IN ('{TimelineKinds.IncidentReported}', '{TimelineKinds.IncidentUpdated}', '{TimelineKinds.AlertIssued}')" };
        if (filter.Networks.Count > 0) conditions.Add("q.network_ids && @networks");
        if (filter.Categories.Count > 0) conditions.Add("q.category = ANY(@categories)");
        return $"qualifying AS (SELECT DISTINCT q.incident_id FROM {Table} q WHERE {string.Join(" AND ", conditions)})";
    }

    /// <summary>Row conditions on <c>r</c> for a filter (empty without one).</summary>
    internal static string FilterSql(HistoryFilter filter)
    {
        if (filter.IsEmpty) return "";
        var sql = "AND (r.incident_id IN (SELECT incident_id FROM qualifying)";
        // Replies that answered no alert belong to no incident: in only when no category is asked for.
        sql += filter.Categories.Count == 0 ? " OR (r.incident_id IS NULL AND r.network_ids && @networks))" : ")";
        if (filter.Networks.Count > 0)
            sql += $" AND (r.kind NOT IN ('{TimelineKinds.TipAcknowledged}', '{TimelineKinds.ReplyReceived}') OR r.network_ids && @networks)";
        return sql;
    }

    internal static void AddFilterParameters(NpgsqlCommand command, HistoryFilter filter)
    {
        if (filter.Networks.Count > 0) command.Parameters.AddWithValue("networks", filter.Networks.ToArray());
        if (filter.Categories.Count > 0) command.Parameters.AddWithValue("categories", filter.Categories.ToArray());
    }

    /// <summary>Reads rows selected as kind, at, incident_id, alert_id, feedback_id, network_ids, network_counts,
    /// category, lat, lon, count, detail, actor.</summary>
    internal static async Task<List<HistoryItem>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var items = new List<HistoryItem>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var kind = reader.GetString(0);
            var networks = reader.GetFieldValue<Guid[]>(5);
            var counts = reader.IsDBNull(6) ? null : reader.GetFieldValue<int[]>(6);
            var detail = reader.IsDBNull(11) ? null : reader.GetString(11);
            items.Add(new HistoryItem(
                kind,
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                networks,
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                kind == TimelineKinds.TipAcknowledged ? 1 : reader.IsDBNull(10) ? null : reader.GetInt32(10),
                counts is null ? null : networks.Zip(counts).ToDictionary(p => p.First, p => p.Second),
                kind == TimelineKinds.ReplyReceived ? detail : null,
                kind == TimelineKinds.IncidentClosed ? detail : null,
                kind is TimelineKinds.AlertIssued or TimelineKinds.FeedbackScheduled ? detail : null,
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        return items;
    }
}
