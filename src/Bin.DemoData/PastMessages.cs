using Bin.Dashboard.Features.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace Bin.DemoData;

/// <summary>The outbox rows of a demo history: messages written as already sent, never queued.</summary>
public static class PastMessages
{
    /// <summary>A message of the past with what became of it, as the demo history writes it.</summary>
    public sealed record PastMessage(
        OutboxMessage Message, MessageStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
        DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt, DateTimeOffset? AckedAt, string? Error);

    /// <summary>Writes messages that were sent in the past (never queued again: their status is final or 'sent'),
    /// inside the caller's transaction. For the demo history; the live path is <see cref="OutboxWriter"/>.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, string schema, IReadOnlyCollection<PastMessage> messages, CancellationToken ct)
    {
        if (messages.Any(m => m.Status is MessageStatus.Queued or MessageStatus.Sending))
            throw new ArgumentException("Past messages are sent, delivered or failed; queued ones would be sent now.", nameof(messages));
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {OutboxTable.Qualified(schema)} ({OutboxWriter.MessageColumns}, status, attempts, next_attempt_at, " +
            "error, created_at, sent_at, delivered_at, failed_at, acked_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var p in messages)
        {
            await writer.StartRowAsync(ct);
            await OutboxWriter.WriteMessageAsync(writer, p.Message, ct);
            await writer.WriteAsync(OutboxNames.Of(p.Status), NpgsqlDbType.Text, ct);
            await writer.WriteAsync(p.Attempts, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(p.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await OutboxWriter.WriteNullableAsync(writer, p.Error, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(p.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await OutboxWriter.WriteNullableAsync(writer, p.SentAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await OutboxWriter.WriteNullableAsync(writer, p.DeliveredAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await OutboxWriter.WriteNullableAsync(writer, p.FailedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await OutboxWriter.WriteNullableAsync(writer, p.AckedAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
        }
        await writer.CompleteAsync(ct);
    }
}
