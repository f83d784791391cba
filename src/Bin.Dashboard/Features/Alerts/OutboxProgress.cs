using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>The outbox read for people: delivery and acknowledgement counts per alert and network, and who got a tip.</summary>
public sealed class OutboxProgress(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> options)
{
    private string Table => OutboxTable.Qualified(options.Value.Schema);

    /// <summary>Progress per network over the given alerts together.</summary>
    public async Task<IReadOnlyList<NetworkProgress>> ProgressAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct) =>
        (await ProgressForAlertsAsync(alertIds, ct)).Values.SelectMany(l => l)
            .GroupBy(p => p.NetworkId)
            .Select(g => new NetworkProgress(g.Key, g.Sum(p => p.Recipients), g.Sum(p => p.Queued), g.Sum(p => p.Sent), g.Sum(p => p.Delivered), g.Sum(p => p.Failed), g.Sum(p => p.Acknowledged)))
            .ToList();

    /// <summary>Progress per alert and network, for several alerts in one query.</summary>
    public async Task<Dictionary<Guid, List<NetworkProgress>>> ProgressForAlertsAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT alert_id, network_id,
                   count(*),
                   count(*) FILTER (WHERE status IN ('queued', 'sending')),
                   count(*) FILTER (WHERE status IN ('sent', 'delivered')),
                   count(*) FILTER (WHERE status = 'delivered'),
                   count(*) FILTER (WHERE status = 'failed'),
                   count(*) FILTER (WHERE acked_at IS NOT NULL)
            FROM {Table} WHERE alert_id = ANY(@alerts) AND kind = 'tip'
            GROUP BY alert_id, network_id ORDER BY alert_id, network_id
            """, connection);
        command.Parameters.AddWithValue("alerts", alertIds.ToArray());
        var result = new Dictionary<Guid, List<NetworkProgress>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var alert = reader.GetGuid(0);
            if (!result.TryGetValue(alert, out var list)) result[alert] = list = [];
            list.Add(new NetworkProgress(reader.GetGuid(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4),
                (int)reader.GetInt64(5), (int)reader.GetInt64(6), (int)reader.GetInt64(7)));
        }
        return result;
    }

    /// <summary>A member an alert's tip was written for, with the network and language of that tip.</summary>
    public sealed record TipRecipient(Guid MemberId, Guid NetworkId, string Language);

    /// <summary>
    /// Who got the alert's tip: every member with a tip row. With <paramref name="unacknowledgedOnly"/>, only those
    /// whose tip went out (sent or delivered: not still queued, not failed for good) and who have not acknowledged
    /// it — the recipients of a reminder.
    /// </summary>
    public async Task<IReadOnlyList<TipRecipient>> TipRecipientsAsync(Guid alertId, bool unacknowledgedOnly, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT member_id, network_id, language FROM {Table} t
            WHERE alert_id = @alert AND kind = 'tip'
              AND (NOT @unacknowledged OR (status IN ('sent', 'delivered')
                   AND NOT EXISTS (SELECT 1 FROM {Table} a WHERE a.alert_id = t.alert_id AND a.member_id = t.member_id AND a.acked_at IS NOT NULL)))
            ORDER BY created_at, message_id
            """, connection);
        command.Parameters.AddWithValue("alert", alertId);
        command.Parameters.AddWithValue("unacknowledged", unacknowledgedOnly);
        var result = new List<TipRecipient>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(new TipRecipient(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
        return result;
    }
}
