using Bin.Dashboard.Features.Sms;
using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Operations;

/// <summary>How the SMS gateway is doing, from what every node recorded in the outbox (so any node tells the same).</summary>
public sealed record GatewayStatus(
    string Gateway,
    DateTimeOffset? LastAcceptedAt,
    int AcceptedLastHour,
    int FailedLastHour,
    int WaitingForRetry,
    string? LastError)
{
    /// <summary>Refusing: messages wait for a retry and nothing was accepted since the last hour began.</summary>
    public bool Refusing => WaitingForRetry > 0 && AcceptedLastHour == 0;
}

/// <summary>Reads <see cref="GatewayStatus"/> (for admins: one scan of the outbox's last day per look).</summary>
public sealed class GatewayStatusQuery(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> store, IOptions<SmsOptions> sms, TimeProvider clock)
{
    public async Task<GatewayStatus> ReadAsync(CancellationToken ct)
    {
        await using var connection = dataSource.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT max(sent_at),
                   count(*) FILTER (WHERE sent_at > @hour),
                   count(*) FILTER (WHERE failed_at > @hour),
                   count(*) FILTER (WHERE status = 'queued' AND attempts > 0),
                   (SELECT error FROM {store.Value.Schema}.bin_outbox WHERE error IS NOT NULL AND created_at > @day
                    ORDER BY coalesce(failed_at, claimed_at, created_at) DESC LIMIT 1)
            FROM {store.Value.Schema}.bin_outbox WHERE created_at > @day OR status IN ('queued', 'sending')
            """, connection);
        var now = clock.GetUtcNow();
        command.Parameters.AddWithValue("hour", now.AddHours(-1));
        command.Parameters.AddWithValue("day", now.AddDays(-1));
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new GatewayStatus(
            sms.Value.UsesTwilio ? SmsOptions.TwilioGateway : SmsOptions.SimulatorGateway,
            reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetString(4));
    }
}
