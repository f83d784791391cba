using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Dashboard.Infrastructure.Auth;
using Marten;
using Marten.Storage;
using Npgsql;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>
/// What members did about an incident, for its timeline: acknowledgements summed per alert and minute (in time order,
/// so the timeline can show a running count) and replies one by one. Read from the replay timeline table, which
/// holds both with the incident's id, in one statement; a coordinator gets only their networks' rows.
/// </summary>
public static class IncidentActivity
{
    public const string Acknowledgements = TimelineKinds.Acknowledgements;
    public const string Reply = TimelineKinds.ReplyReceived;

    /// <summary>One row: <paramref name="Count"/> acknowledgements of an alert in the minute ending at <paramref name="At"/>,
    /// or one reply (<paramref name="Text"/>, from <paramref name="NetworkId"/>).</summary>
    public sealed record Item(string Kind, DateTimeOffset At, Guid? AlertId, Guid? NetworkId, int Count, string? Text);

    public static async Task<IReadOnlyList<Item>> LoadAsync(IDocumentStore store, Guid incidentId, NetworkScope scope, CancellationToken ct)
    {
        var table = $"{store.Options.DatabaseSchemaName}.{TimelineTable.Name}";
        var scoped = scope.WholeZone ? "" : "AND r.network_ids && @networks";
        var sql = $"""
            SELECT '{Acknowledgements}', max(r.at), r.alert_id, NULL::uuid, count(*)::int, NULL
            FROM {table} r
            WHERE r.incident_id = @incident AND r.kind = '{TimelineKinds.TipAcknowledged}' {scoped}
            GROUP BY r.alert_id, date_trunc('minute', r.at)
            UNION ALL
            SELECT '{Reply}', r.at, r.alert_id, r.network_ids[1], 1, r.detail
            FROM {table} r
            WHERE r.incident_id = @incident AND r.kind = '{TimelineKinds.ReplyReceived}' {scoped}
            ORDER BY 2, 1
            """;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("incident", incidentId);
        if (!scope.WholeZone) command.Parameters.AddWithValue("networks", scope.Networks.ToArray());
        var items = new List<Item>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            items.Add(new Item(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        return items;
    }
}
