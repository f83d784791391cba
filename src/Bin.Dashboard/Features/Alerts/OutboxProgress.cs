using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>The outbox read for people: who got an alert's tip. Counts come from the maintained summary (<see cref="Progress.AlertProgressReader"/>).</summary>
public sealed class OutboxProgress(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> options)
{
    private string Table => OutboxTable.Qualified(options.Value.Schema);

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
