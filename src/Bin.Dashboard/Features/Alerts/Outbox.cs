using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bin.Dashboard.Features.Alerts;

public enum MessageKind { Tip, Reminder, Feedback, Confirmation, JoinCode, Welcome }

public enum MessageStatus { Queued, Sending, Sent, Delivered, Failed }

/// <summary>One SMS to one member, written before anything is sent.</summary>
public sealed record OutboxMessage(
    Guid MessageId, Guid AlertId, Guid MemberId, Guid NetworkId, MessageKind Kind, string Language, string Phone, string Body, int Segments);

/// <summary>A message claimed for sending.</summary>
public sealed record ClaimedMessage(Guid MessageId, string Phone, string Body, int Attempts, DateTimeOffset ClaimedAt);

/// <summary>Counts per network of one alert (or all alerts of an incident).</summary>
public sealed record NetworkProgress(Guid NetworkId, int Recipients, int Queued, int Sent, int Delivered, int Failed, int Acknowledged)
{
    public double AcknowledgementRate => Recipients == 0 ? 0 : (double)Acknowledged / Recipients;
}

/// <summary>
/// The outbox: a plain table, because sending needs what documents make awkward — claiming rows with
/// <c>FOR UPDATE SKIP LOCKED</c> across nodes, bulk inserts by COPY, set-based status updates. Rows carry the
/// phone number (needed to send); erasing a member blanks it.
/// </summary>
public sealed class OutboxStore(IOptions<EventStoreOptions> options)
{
    private string Table => $"{options.Value.Schema}.bin_outbox";

    public string ConnectionString => options.Value.ConnectionString;

    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        var schema = options.Value.Schema;
        await using var command = new NpgsqlCommand($"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {Table} (
                message_id uuid PRIMARY KEY,
                alert_id uuid NOT NULL,
                member_id uuid NOT NULL,
                network_id uuid NOT NULL,
                kind text NOT NULL,
                language text NOT NULL,
                phone text,
                body text NOT NULL,
                segments int NOT NULL,
                status text NOT NULL,
                attempts int NOT NULL DEFAULT 0,
                next_attempt_at timestamptz NOT NULL,
                claimed_at timestamptz,
                provider_sid text,
                error text,
                created_at timestamptz NOT NULL,
                sent_at timestamptz,
                delivered_at timestamptz,
                failed_at timestamptz,
                acked_at timestamptz);
            CREATE INDEX IF NOT EXISTS bin_outbox_due ON {Table} (next_attempt_at) WHERE status IN ('queued', 'sending');
            CREATE INDEX IF NOT EXISTS bin_outbox_alert ON {Table} (alert_id);
            CREATE INDEX IF NOT EXISTS bin_outbox_member ON {Table} (member_id, created_at DESC);
            -- The daily segment budget sums the day's segments before each alert (AlertBudget): an index-only scan, not the table.
            CREATE INDEX IF NOT EXISTS bin_outbox_created ON {Table} (created_at) INCLUDE (segments);
            CREATE UNIQUE INDEX IF NOT EXISTS bin_outbox_sid ON {Table} (provider_sid) WHERE provider_sid IS NOT NULL;
            CREATE OR REPLACE FUNCTION {schema}.bin_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_notify('bin_outbox', ''); RETURN NULL; END $$;
            CREATE OR REPLACE TRIGGER bin_notify_outbox AFTER INSERT OR UPDATE ON {Table}
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.bin_notify_outbox();
            """, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Brings the planner's statistics of the outbox up to date (after a bulk insert).</summary>
    public async Task AnalyzeAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"ANALYZE {Table}", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes the messages inside the caller's transaction (the one that records the alert).</summary>
    public async Task InsertAsync(NpgsqlConnection connection, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset now, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {Table} (message_id, alert_id, member_id, network_id, kind, language, phone, body, segments, status, next_attempt_at, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var m in messages)
        {
            await writer.StartRowAsync(ct);
            await WriteMessageAsync(writer, m, ct);
            await writer.WriteAsync(Name(MessageStatus.Queued), NpgsqlDbType.Text, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }
        await writer.CompleteAsync(ct);
    }

    public async Task InsertAsync(IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await InsertAsync(connection, messages, now, ct);
    }

    /// <summary>A message of the past with what became of it, as the demo history writes it.</summary>
    public sealed record PastMessage(
        OutboxMessage Message, MessageStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
        DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt, DateTimeOffset? AckedAt, string? Error);

    /// <summary>Writes messages that were sent in the past (never queued again: their status is final or 'sent'),
    /// inside the caller's transaction. For the demo history; the live path is <see cref="InsertAsync(NpgsqlConnection, IReadOnlyCollection{OutboxMessage}, DateTimeOffset, CancellationToken)"/>.</summary>
    public async Task InsertPastAsync(NpgsqlConnection connection, IReadOnlyCollection<PastMessage> messages, CancellationToken ct)
    {
        if (messages.Any(m => m.Status is MessageStatus.Queued or MessageStatus.Sending))
            throw new ArgumentException("Past messages are sent, delivered or failed; queued ones would be sent now.", nameof(messages));
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {Table} (message_id, alert_id, member_id, network_id, kind, language, phone, body, segments, status, attempts, next_attempt_at, " +
            "error, created_at, sent_at, delivered_at, failed_at, acked_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var p in messages)
        {
            await writer.StartRowAsync(ct);
            await WriteMessageAsync(writer, p.Message, ct);
            await writer.WriteAsync(Name(p.Status), NpgsqlDbType.Text, ct);
            await writer.WriteAsync(p.Attempts, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(p.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(writer, p.Error, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(p.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(writer, p.SentAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(writer, p.DeliveredAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(writer, p.FailedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await WriteNullableAsync(writer, p.AckedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>The first nine COPY columns, which both bulk inserts share: the message as composed.</summary>
    private static async Task WriteMessageAsync(NpgsqlBinaryImporter writer, OutboxMessage m, CancellationToken ct)
    {
        await writer.WriteAsync(m.MessageId, NpgsqlDbType.Uuid, ct);
        await writer.WriteAsync(m.AlertId, NpgsqlDbType.Uuid, ct);
        await writer.WriteAsync(m.MemberId, NpgsqlDbType.Uuid, ct);
        await writer.WriteAsync(m.NetworkId, NpgsqlDbType.Uuid, ct);
        await writer.WriteAsync(Name(m.Kind), NpgsqlDbType.Text, ct);
        await writer.WriteAsync(m.Language, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(m.Phone, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(m.Body, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(m.Segments, NpgsqlDbType.Integer, ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await writer.WriteNullAsync(ct);
        else await writer.WriteAsync(value, type, ct);
    }

    /// <summary>Queues one message into a Marten session's transaction (e.g. with the event that caused it).</summary>
    public void QueueInsert(Marten.IDocumentSession session, OutboxMessage m, DateTimeOffset now) =>
        session.QueueSqlCommand(
            $"INSERT INTO {Table} (message_id, alert_id, member_id, network_id, kind, language, phone, body, segments, status, next_attempt_at, created_at) " +
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
            m.MessageId, m.AlertId, m.MemberId, m.NetworkId, Name(m.Kind), m.Language, m.Phone, m.Body, m.Segments, now, now);

    /// <summary>Claims due messages for this node (committed before anything is sent).</summary>
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(int max, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
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
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
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
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            UPDATE {Table} o SET
                status = r.status,
                provider_sid = COALESCE(r.sid, o.provider_sid),
                error = r.error,
                sent_at = CASE WHEN r.status = 'sent' THEN @now ELSE o.sent_at END,
                failed_at = CASE WHEN r.status = 'failed' THEN @now ELSE o.failed_at END,
                next_attempt_at = COALESCE(r.retry_at, o.next_attempt_at),
                claimed_at = NULL
            FROM unnest(@ids, @statuses, @sids, @errors, @retries) AS r(id, status, sid, error, retry_at)
            WHERE o.message_id = r.id AND o.status = 'sending'
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("ids", records.Select(r => r.MessageId).ToArray());
        command.Parameters.AddWithValue("statuses", records.Select(r => Name(r.Status)).ToArray());
        command.Parameters.Add(new NpgsqlParameter("sids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = records.Select(r => (object?)r.ProviderSid ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = records.Select(r => (object?)r.Error ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("retries", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = records.Select(r => (object?)r.RetryAt ?? DBNull.Value).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A delivery report: by our message id when the callback carries it, else by the provider's sid.
    /// Delivered never goes back to sent; failed after delivered is ignored.</summary>
    public async Task<bool> RecordDeliveryAsync(Guid? messageId, string providerSid, bool delivered, string? error, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
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

    /// <summary>Marks acknowledgements on the alerts' messages (tip and reminder) in the transaction that records their events.</summary>
    public async Task AcknowledgeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Acknowledgement> acknowledgements, CancellationToken ct)
    {
        if (acknowledgements.Count == 0) return;
        await using var command = new NpgsqlCommand($"""
            UPDATE {Table} o SET acked_at = COALESCE(o.acked_at, a.at)
            FROM unnest(@members, @alerts, @ats) AS a(member_id, alert_id, at)
            WHERE o.member_id = a.member_id AND o.alert_id = a.alert_id
            RETURNING CASE WHEN o.kind = 'tip' THEN extract(epoch FROM a.at - o.sent_at)::float8 END
            """, connection, transaction);
        command.Parameters.AddWithValue("members", acknowledgements.Select(a => a.MemberId).ToArray());
        command.Parameters.AddWithValue("alerts", acknowledgements.Select(a => a.AlertId).ToArray());
        command.Parameters.AddWithValue("ats", acknowledgements.Select(a => a.At).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (!reader.IsDBNull(0)) Infrastructure.Telemetry.BinTelemetry.AcknowledgementLatency.Record(Math.Max(0, reader.GetDouble(0)));
    }

    /// <summary>Erasure: the member's number leaves the outbox; unsent messages are failed, never sent.</summary>
    public string EraseNumberSql =>
        $"UPDATE {Table} SET phone = NULL, status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END, " +
        "error = CASE WHEN status IN ('queued', 'sending') THEN 'member erased' ELSE error END WHERE member_id = ?";

    /// <summary>Progress per network over the given alerts together.</summary>
    public async Task<IReadOnlyList<NetworkProgress>> ProgressAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct) =>
        (await ProgressForAlertsAsync(alertIds, ct)).Values.SelectMany(l => l)
            .GroupBy(p => p.NetworkId)
            .Select(g => new NetworkProgress(g.Key, g.Sum(p => p.Recipients), g.Sum(p => p.Queued), g.Sum(p => p.Sent), g.Sum(p => p.Delivered), g.Sum(p => p.Failed), g.Sum(p => p.Acknowledged)))
            .ToList();

    /// <summary>Progress per alert and network, for several alerts in one query.</summary>
    public async Task<Dictionary<Guid, List<NetworkProgress>>> ProgressForAlertsAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
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
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
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

    public static string Name(MessageKind kind) => kind.ToString().ToLowerInvariant();

    public static string Name(MessageStatus status) => status.ToString().ToLowerInvariant();
}
