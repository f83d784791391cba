using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>
/// Writes messages into the outbox (<see cref="OutboxTable"/>): by COPY inside the transaction that records what
/// caused them (an alert, a feedback), or queued into a Marten session's transaction. Nothing here sends.
/// </summary>
public sealed class OutboxWriter(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> options)
{
    private string Table => OutboxTable.Qualified(options.Value.Schema);

    /// <summary>The columns of a message as composed, in the order <see cref="WriteMessageAsync"/> writes them.</summary>
    public const string MessageColumns = "message_id, alert_id, application_id, member_id, network_id, kind, language, phone, body, segments";

    /// <summary>The columns a new message fills; COPY and the queued insert name them alike.</summary>
    private const string NewColumns = MessageColumns + ", status, next_attempt_at, created_at";

    /// <summary>Brings the planner's statistics of the outbox up to date (after a bulk insert).</summary>
    public async Task AnalyzeAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"ANALYZE {Table}", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes the messages inside the caller's transaction (the one that records the alert).</summary>
    public async Task InsertAsync(NpgsqlConnection connection, IReadOnlyCollection<OutboxMessage> messages, DateTimeOffset now, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {Table} ({NewColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var m in messages)
        {
            await writer.StartRowAsync(ct);
            await WriteMessageAsync(writer, m, ct);
            await writer.WriteAsync(OutboxNames.Of(MessageStatus.Queued), NpgsqlDbType.Text, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>The first ten COPY columns: the message as composed.</summary>
    public static async Task WriteMessageAsync(NpgsqlBinaryImporter writer, OutboxMessage m, CancellationToken ct)
    {
        await writer.WriteAsync(m.MessageId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(writer, m.AlertId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(writer, m.ApplicationId, NpgsqlDbType.Uuid, ct);
        await writer.WriteAsync(m.MemberId, NpgsqlDbType.Uuid, ct);
        await writer.WriteAsync(m.NetworkId, NpgsqlDbType.Uuid, ct);
        await writer.WriteAsync(OutboxNames.Of(m.Kind), NpgsqlDbType.Text, ct);
        await writer.WriteAsync(m.Language, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(m.Phone, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(m.Body, NpgsqlDbType.Text, ct);
        await writer.WriteAsync(m.Segments, NpgsqlDbType.Integer, ct);
    }

    public static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await writer.WriteNullAsync(ct);
        else await writer.WriteAsync(value, type, ct);
    }

    /// <summary>Queues one message into a Marten session's transaction (e.g. with the event that caused it).</summary>
    public void QueueInsert(Marten.IDocumentSession session, OutboxMessage m, DateTimeOffset now) =>
        session.QueueSqlCommand(
            $"INSERT INTO {Table} ({NewColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
            m.MessageId, (object?)m.AlertId ?? DBNull.Value, (object?)m.ApplicationId ?? DBNull.Value, m.MemberId, m.NetworkId, OutboxNames.Of(m.Kind), m.Language, m.Phone, m.Body, m.Segments, now, now);

    /// <summary>Erasure: the member's number leaves the outbox; unsent messages are failed, never sent.</summary>
    public string EraseNumberSql =>
        $"UPDATE {Table} SET phone = NULL, status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END, " +
        "error = CASE WHEN status IN ('queued', 'sending') THEN 'member erased' ELSE error END WHERE member_id = ?";
}
