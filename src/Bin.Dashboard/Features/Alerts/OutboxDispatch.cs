using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>
/// What becomes of the outbox's messages: senders on every node claim due ones (<c>FOR UPDATE SKIP LOCKED</c>,
/// committed before anything is sent), record the gateway's answers and delivery reports, and the inbound path finds
/// the tip an answer refers to and marks it acknowledged.
/// </summary>
public sealed class OutboxDispatch(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> options)
{
    private string Table => OutboxTable.Qualified(options.Value.Schema);

    /// <summary>Claims due messages for this node (committed before anything is sent).</summary>
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(int max, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            UPDATE {Table} o SET status = 'sending', attempts = o.attempts + 1, claimed_at = @now
            FROM (SELECT message_id FROM {Table}
                  WHERE status = 'queued' AND next_attempt_at <= @now AND phone IS NOT NULL
                  ORDER BY next_attempt_at LIMIT @max FOR UPDATE SKIP LOCKED) due
            WHERE o.message_id = due.message_id
            RETURNING o.message_id, o.phone, o.body, o.attempts
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("max", max);
        var claimed = new List<ClaimedMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            claimed.Add(new ClaimedMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), now));
        return claimed;
    }

    /// <summary>Messages claimed by a sender that never recorded the answer (it died): their fate must be checked.</summary>
    public async Task<IReadOnlyList<ClaimedMessage>> InDoubtAsync(DateTimeOffset claimedBefore, int max, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT message_id, phone, body, attempts, claimed_at FROM {Table}
            WHERE status = 'sending' AND claimed_at < @before ORDER BY claimed_at LIMIT @max
            """, connection);
        command.Parameters.AddWithValue("before", claimedBefore);
        command.Parameters.AddWithValue("max", max);
        var result = new List<ClaimedMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(new ClaimedMessage(reader.GetGuid(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4)));
        return result;
    }

    public sealed record SendRecord(Guid MessageId, MessageStatus Status, string? ProviderSid, string? Error, DateTimeOffset? RetryAt);

    /// <summary>Records the gateway's answers for a batch in one statement. Only rows still 'sending' change, so a
    /// late answer never overwrites a delivery report that raced ahead of it.</summary>
    public async Task RecordSendsAsync(IReadOnlyList<SendRecord> records, DateTimeOffset now, CancellationToken ct)
    {
        if (records.Count == 0) return;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            WITH locked AS MATERIALIZED (
                SELECT message_id FROM {Table} WHERE message_id = ANY(@ids) ORDER BY message_id FOR UPDATE)
            UPDATE {Table} o SET
                status = r.status,
                provider_sid = COALESCE(r.sid, o.provider_sid),
                error = r.error,
                sent_at = CASE WHEN r.status = 'sent' THEN @now ELSE o.sent_at END,
                failed_at = CASE WHEN r.status = 'failed' THEN @now ELSE o.failed_at END,
                next_attempt_at = COALESCE(r.retry_at, o.next_attempt_at),
                claimed_at = NULL
            FROM unnest(@ids, @statuses, @sids, @errors, @retries) AS r(id, status, sid, error, retry_at),
                 locked
            WHERE o.message_id = r.id AND locked.message_id = r.id AND o.status = 'sending'
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("ids", records.Select(r => r.MessageId).ToArray());
        command.Parameters.AddWithValue("statuses", records.Select(r => OutboxNames.Of(r.Status)).ToArray());
        command.Parameters.Add(new NpgsqlParameter("sids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = records.Select(r => (object?)r.ProviderSid ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = records.Select(r => (object?)r.Error ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("retries", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = records.Select(r => (object?)r.RetryAt ?? DBNull.Value).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A delivery report: by our message id when the callback carries it, else by the provider's sid.
    /// Delivered never goes back to sent; failed after delivered is ignored.</summary>
    public async Task<bool> RecordDeliveryAsync(Guid? messageId, string providerSid, bool delivered, string? error, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            UPDATE {Table} SET
                status = @status,
                provider_sid = COALESCE(provider_sid, @sid),
                delivered_at = CASE WHEN @delivered THEN @now ELSE delivered_at END,
                failed_at = CASE WHEN @delivered THEN failed_at ELSE @now END,
                error = CASE WHEN @delivered THEN error ELSE @error END,
                claimed_at = NULL
            WHERE (message_id = @id OR (@id IS NULL AND provider_sid = @sid))
              AND status IN ('sending', 'sent', 'queued')
            """, connection);
        command.Parameters.AddWithValue("status", delivered ? "delivered" : "failed");
        command.Parameters.AddWithValue("sid", providerSid);
        command.Parameters.AddWithValue("delivered", delivered);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = (object?)messageId ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    public sealed record OpenTip(Guid MemberId, Guid MessageId, Guid AlertId, Guid NetworkId, bool AlreadyAcknowledged);

    /// <summary>
    /// For each member, the most recent tip (or reminder) sent to them since the given time: what their "OK"
    /// acknowledges. One statement for a whole batch of answers, an index probe per member.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, OpenTip>> LatestTipsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyDictionary<Guid, DateTimeOffset> since, CancellationToken ct)
    {
        if (since.Count == 0) return new Dictionary<Guid, OpenTip>();
        await using var command = new NpgsqlCommand($"""
            SELECT q.member_id, t.message_id, t.alert_id, t.network_id, t.acked
            FROM unnest(@members, @since) AS q(member_id, since)
            CROSS JOIN LATERAL (
                SELECT message_id, alert_id, network_id, acked_at IS NOT NULL AS acked FROM {Table} o
                WHERE o.member_id = q.member_id AND o.kind IN ('tip', 'reminder') AND o.created_at >= q.since AND o.status <> 'queued'
                ORDER BY o.created_at DESC LIMIT 1) t
            """, connection, transaction);
        command.Parameters.AddWithValue("members", since.Keys.ToArray());
        command.Parameters.AddWithValue("since", since.Values.ToArray());
        var tips = new Dictionary<Guid, OpenTip>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            tips[reader.GetGuid(0)] = new OpenTip(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetBoolean(4));
        return tips;
    }

    public sealed record Acknowledgement(Guid AlertId, Guid MemberId, DateTimeOffset At);

    /// <summary>
    /// Marks acknowledgements on the alerts' messages (tip and reminder) in the transaction that records their events.
    /// Rows are locked in message order first, like the sender's recording does: two statements that lock the same
    /// rows in different orders deadlock (an "OK" arriving while the sender records that batch).
    /// </summary>
    public async Task AcknowledgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Acknowledgement> acknowledgements, CancellationToken ct)
    {
        if (acknowledgements.Count == 0) return;
        await using var command = new NpgsqlCommand($"""
            WITH locked AS MATERIALIZED (
                SELECT o.message_id, a.at FROM {Table} o
                JOIN unnest(@members, @alerts, @ats) AS a(member_id, alert_id, at) ON o.member_id = a.member_id AND o.alert_id = a.alert_id
                ORDER BY o.message_id FOR UPDATE OF o)
            UPDATE {Table} o SET acked_at = COALESCE(o.acked_at, l.at)
            FROM locked l
            WHERE o.message_id = l.message_id
            RETURNING CASE WHEN o.kind = 'tip' THEN extract(epoch FROM l.at - o.sent_at)::float8 END
            """, connection, transaction);
        command.Parameters.AddWithValue("members", acknowledgements.Select(a => a.MemberId).ToArray());
        command.Parameters.AddWithValue("alerts", acknowledgements.Select(a => a.AlertId).ToArray());
        command.Parameters.AddWithValue("ats", acknowledgements.Select(a => a.At).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (!reader.IsDBNull(0)) Infrastructure.Telemetry.BinTelemetry.AcknowledgementLatency.Record(Math.Max(0, reader.GetDouble(0)));
    }
}
