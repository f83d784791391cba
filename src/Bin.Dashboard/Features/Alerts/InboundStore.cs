using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>A received SMS waiting to be recorded.</summary>
public sealed record PendingInbound(string MessageSid, string From, string Body, DateTimeOffset ReceivedAt, int Attempts);

/// <summary>What became of a received SMS once recorded.</summary>
public sealed record RecordedInbound(string MessageSid, Guid? MemberId, string Intent);

/// <summary>
/// The inbox of received SMS, keyed by MessageSid: a plain table (<see cref="InboundTable"/>), like the outbox. The webhook's only write is an
/// idempotent insert, durable before Twilio gets its 200; the <see cref="InboundProcessor"/> records what the
/// messages mean in batches. The sender's number and the text stay only until then: a recorded row keeps the
/// MessageSid, the member id, the intent and the times.
/// </summary>
public sealed class InboundStore(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> options)
{
    private string Table => $"{options.Value.Schema}.{InboundTable.Name}";

    /// <summary>Stores a received SMS unless its MessageSid is already here; true when it was new.</summary>
    public async Task<bool> ReceiveAsync(string messageSid, string from, string body, DateTimeOffset receivedAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {Table} (message_sid, from_number, body, received_at) VALUES (@sid, @from, @body, @at) ON CONFLICT (message_sid) DO NOTHING",
            connection);
        command.Parameters.AddWithValue("sid", messageSid);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("at", receivedAt);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Locks up to <paramref name="max"/> unrecorded messages, oldest first, for the caller's transaction (other nodes
    /// skip them); with <paramref name="messageSid"/>, only that one.
    /// </summary>
    public async Task<IReadOnlyList<PendingInbound>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int max, string? messageSid, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT message_sid, from_number, body, received_at, attempts FROM {Table}
            WHERE recorded_at IS NULL AND (@sid::text IS NULL OR message_sid = @sid)
            ORDER BY received_at LIMIT @max FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("sid", NpgsqlDbType.Text) { Value = (object?)messageSid ?? DBNull.Value });
        command.Parameters.AddWithValue("max", max);
        var pending = new List<PendingInbound>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            pending.Add(new PendingInbound(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4)));
        return pending;
    }

    /// <summary>
    /// Serialises the recording of one sender's messages across nodes: a transaction-scoped advisory lock per number,
    /// taken in a fixed order so two batches never wait on each other in a ring. Held until the caller's transaction
    /// ends, so a batch reading a sender's state sees everything an earlier batch of that sender wrote.
    /// </summary>
    public async Task LockSendersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<string> phones, CancellationToken ct)
    {
        if (phones.Count == 0) return;
        await using var command = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(hashtextextended('inbound-sender:' || phone, 5371))
            FROM (SELECT DISTINCT unnest(@phones) AS phone ORDER BY 1) senders
            """, connection, transaction);
        command.Parameters.AddWithValue("phones", phones.ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Marks messages recorded in the caller's transaction, forgetting their number and text.</summary>
    public async Task MarkRecordedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RecordedInbound> recorded, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            UPDATE {Table} i SET recorded_at = @now, member_id = r.member_id, intent = r.intent, from_number = NULL, body = NULL, error = NULL
            FROM unnest(@sids, @members, @intents) AS r(sid, member_id, intent)
            WHERE i.message_sid = r.sid
            """, connection, transaction);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("sids", recorded.Select(r => r.MessageSid).ToArray());
        command.Parameters.Add(new NpgsqlParameter("members", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = recorded.Select(r => (object?)r.MemberId ?? DBNull.Value).ToArray() });
        command.Parameters.AddWithValue("intents", recorded.Select(r => r.Intent).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Counts a failed attempt to record one message. After <paramref name="maxAttempts"/> the message is given up:
    /// marked recorded with the error and without its number and text, so it blocks nothing and keeps nothing personal.
    /// Returns true when it was given up.
    /// </summary>
    public async Task<bool> RecordFailureAsync(string messageSid, string error, int maxAttempts, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            UPDATE {Table} SET attempts = attempts + 1, error = @error,
                recorded_at = CASE WHEN attempts + 1 >= @max THEN @now END,
                intent = CASE WHEN attempts + 1 >= @max THEN 'given-up' END,
                from_number = CASE WHEN attempts + 1 >= @max THEN NULL ELSE from_number END,
                body = CASE WHEN attempts + 1 >= @max THEN NULL ELSE body END
            WHERE message_sid = @sid AND recorded_at IS NULL
            RETURNING recorded_at IS NOT NULL
            """, connection);
        command.Parameters.AddWithValue("sid", messageSid);
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("max", maxAttempts);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>
    /// Forgets recorded messages older than <paramref name="recordedBefore"/>: a gateway repeats a webhook within hours,
    /// so after that a row guards against nothing, and what the message meant lives on in the events.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset recordedBefore, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"DELETE FROM {Table} WHERE recorded_at < @before", connection);
        command.Parameters.AddWithValue("before", recordedBefore);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Messages received and not yet recorded.</summary>
    public async Task<int> PendingCountAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Table} WHERE recorded_at IS NULL", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The recorded outcome of one message, or null when it is unknown or still pending.</summary>
    public async Task<RecordedInbound?> FindRecordedAsync(string messageSid, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT member_id, intent FROM {Table} WHERE message_sid = @sid AND recorded_at IS NOT NULL", connection);
        command.Parameters.AddWithValue("sid", messageSid);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new RecordedInbound(messageSid, reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.GetString(1))
            : null;
    }
}
