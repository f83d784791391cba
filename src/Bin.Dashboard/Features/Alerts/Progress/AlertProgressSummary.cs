using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Bin.Dashboard.Features.Alerts.Progress;

/// <summary>
/// Each alert's progress per network (recipients, queued, sent, delivered, failed, acknowledged), maintained by
/// statement triggers on the outbox in the same transaction as the rows they count — so a screen reads a handful of
/// rows instead of counting an alert's thousands of messages with a <c>GROUP BY</c> on every change. The triggers see
/// each statement's changed rows as transition tables and add their difference to the summary with one upsert, in
/// key order (two batches of acknowledgements for one alert wait on the summary row, never deadlock, and both count).
/// A statement that changes no tip's figures (the sender's empty claim, a claim queued → sending) writes nothing.
/// After a change the alert ids are NOTIFYed on <see cref="Channel"/> (empty payload: too many to list, re-read all).
/// </summary>
public static class AlertProgressTable
{
    public const string Name = "bin_alert_progress";

    /// <summary>Progress changed; the payload is the alerts' ids, comma-separated, or empty for "many".</summary>
    public const string Channel = "bin_progress";

    /// <summary>Messages were queued in the outbox (any kind): senders on every node look for work.</summary>
    public const string QueuedChannel = "bin_outbox_queued";

    /// <summary>A received SMS was stored: inbound processors on every node look for work.</summary>
    public const string InboundChannel = "bin_inbound";

    /// <summary>How many alert ids a notification lists before it says "many" (a payload holds at most 8,000 bytes).</summary>
    private const int MaxListed = 100;

    public static Table Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("alert_id", "uuid").AsPrimaryKey();
        table.AddColumn("network_id", "uuid").AsPrimaryKey();
        // When the alert's first tip was written: the network badge shows the latest alert.
        table.AddColumn("first_at", "timestamp with time zone").NotNull();
        foreach (var column in Counts) table.AddColumn(column, "integer").NotNull().DefaultValueByExpression("0");
        return table;
    }

    private static readonly string[] Counts = ["recipients", "queued", "sent", "delivered", "failed", "acknowledged"];

    /// <summary>The trigger function (one for inserts, updates and deletes; each branch reads only its transition tables).</summary>
    public static TriggerFunction DefineFunction(string schema)
    {
        var table = $"{schema}.{Name}";
        string Contributions(string rows, int sign) => $"""
            SELECT alert_id, network_id, created_at, {sign} AS s, status, acked_at FROM {rows} WHERE kind = 'tip'
            """;
        string Apply(string source) => $"""
            WITH changed AS (
                SELECT alert_id, network_id, min(created_at) AS first_at,
                       sum(s) AS recipients,
                       sum(s) FILTER (WHERE status IN ('queued', 'sending')) AS queued,
                       sum(s) FILTER (WHERE status IN ('sent', 'delivered')) AS sent,
                       sum(s) FILTER (WHERE status = 'delivered') AS delivered,
                       sum(s) FILTER (WHERE status = 'failed') AS failed,
                       sum(s) FILTER (WHERE acked_at IS NOT NULL) AS acknowledged
                FROM ({source}) r GROUP BY alert_id, network_id),
            upserted AS (
                INSERT INTO {table} AS p (alert_id, network_id, first_at, recipients, queued, sent, delivered, failed, acknowledged)
                SELECT alert_id, network_id, first_at, coalesce(recipients, 0), coalesce(queued, 0), coalesce(sent, 0),
                       coalesce(delivered, 0), coalesce(failed, 0), coalesce(acknowledged, 0)
                FROM changed
                WHERE coalesce(recipients, 0) <> 0 OR coalesce(queued, 0) <> 0 OR coalesce(sent, 0) <> 0 OR coalesce(delivered, 0) <> 0
                   OR coalesce(failed, 0) <> 0 OR coalesce(acknowledged, 0) <> 0
                ORDER BY alert_id, network_id
                ON CONFLICT (alert_id, network_id) DO UPDATE SET
                    first_at = least(p.first_at, excluded.first_at),
                    recipients = p.recipients + excluded.recipients,
                    queued = p.queued + excluded.queued,
                    sent = p.sent + excluded.sent,
                    delivered = p.delivered + excluded.delivered,
                    failed = p.failed + excluded.failed,
                    acknowledged = p.acknowledged + excluded.acknowledged
                RETURNING p.alert_id)
            SELECT count(DISTINCT alert_id), string_agg(DISTINCT alert_id::text, ',') FROM upserted
            """;
        return new TriggerFunction(schema, "bin_alert_progress_apply", $"""

            DECLARE
                alerts int;
                ids text;
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    {Apply(Contributions("new_rows", 1))} INTO alerts, ids;
                    IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'queued') THEN
                        PERFORM pg_notify('{QueuedChannel}', '');
                    END IF;
                ELSIF TG_OP = 'UPDATE' THEN
                    {Apply(Contributions("new_rows", 1) + " UNION ALL " + Contributions("old_rows", -1))} INTO alerts, ids;
                ELSE
                    {Apply(Contributions("old_rows", -1))} INTO alerts, ids;
                END IF;
                IF alerts > 0 THEN
                    PERFORM pg_notify('{Channel}', CASE WHEN alerts <= {MaxListed} THEN ids ELSE '' END);
                END IF;
                RETURN NULL;
            END

            """);
    }

    /// <summary>Parses a <see cref="Channel"/> payload: the alert ids, or null for "many" (re-read everything shown).</summary>
    public static IReadOnlyList<Guid>? ParsePayload(string payload) =>
        string.IsNullOrEmpty(payload)
            ? null
            : payload.Split(',').Select(p => Guid.TryParse(p, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
}

/// <summary>
/// Puts the summary's triggers on the outbox (and the inbox's wake-up trigger) once the tables exist, registered after
/// the outbox's own schema service. The first time, under a lock that holds writers back, the summary is filled from
/// the outbox as it stands and the triggers are created in that same transaction: nothing is counted twice or missed.
/// </summary>
internal sealed class AlertProgressTriggers(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> options, ILogger<AlertProgressTriggers> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var schema = options.Value.Schema;
        var outbox = $"{schema}.bin_outbox";
        var summary = $"{schema}.{AlertProgressTable.Name}";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand($"""
            LOCK TABLE {outbox} IN SHARE ROW EXCLUSIVE MODE;
            SELECT count(*) FROM pg_trigger WHERE tgrelid = '{outbox}'::regclass AND tgname LIKE 'bin_alert_progress_%' AND NOT tgisinternal;
            """, connection, transaction))
        {
            if ((long)(await command.ExecuteScalarAsync(ct))! == 3)
            {
                await EnsureInboxTriggerAsync(connection, transaction, schema, ct);
                await transaction.CommitAsync(ct);
                return;
            }
        }
        await using (var command = new NpgsqlCommand($"""
            DELETE FROM {summary};
            INSERT INTO {summary} (alert_id, network_id, first_at, recipients, queued, sent, delivered, failed, acknowledged)
            SELECT alert_id, network_id, min(created_at), count(*),
                   count(*) FILTER (WHERE status IN ('queued', 'sending')),
                   count(*) FILTER (WHERE status IN ('sent', 'delivered')),
                   count(*) FILTER (WHERE status = 'delivered'),
                   count(*) FILTER (WHERE status = 'failed'),
                   count(*) FILTER (WHERE acked_at IS NOT NULL)
            FROM {outbox} WHERE kind = 'tip' GROUP BY alert_id, network_id;
            CREATE OR REPLACE TRIGGER bin_alert_progress_insert AFTER INSERT ON {outbox}
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {schema}.bin_alert_progress_apply();
            CREATE OR REPLACE TRIGGER bin_alert_progress_update AFTER UPDATE ON {outbox}
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {schema}.bin_alert_progress_apply();
            CREATE OR REPLACE TRIGGER bin_alert_progress_delete AFTER DELETE ON {outbox}
                REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {schema}.bin_alert_progress_apply();
            """, connection, transaction) { CommandTimeout = 600 })
        {
            var rows = await command.ExecuteNonQueryAsync(ct);
            logger.LogInformation("Alert progress summary filled from the outbox and its triggers created ({Rows} rows written)", rows);
        }
        await EnsureInboxTriggerAsync(connection, transaction, schema, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A stored SMS wakes the inbound processors of every node (the storing node's is also woken in-process).</summary>
    private static async Task EnsureInboxTriggerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            CREATE OR REPLACE FUNCTION {schema}.bin_notify_inbound() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_notify('{AlertProgressTable.InboundChannel}', ''); RETURN NULL; END $$;
            CREATE OR REPLACE TRIGGER bin_notify_inbound AFTER INSERT ON {schema}.bin_inbound
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.bin_notify_inbound();
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Reads the maintained progress of given alerts: one indexed look-up, a row per alert and network.</summary>
public sealed class AlertProgressReader(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> options)
{
    /// <summary>A summary row: the alert's progress in one network, and when the alert was issued there.</summary>
    public sealed record Row(Guid AlertId, DateTimeOffset FirstAt, NetworkProgress Progress);

    public async Task<IReadOnlyList<Row>> ReadAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct)
    {
        if (alertIds.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT alert_id, network_id, first_at, recipients, queued, sent, delivered, failed, acknowledged
            FROM {options.Value.Schema}.{AlertProgressTable.Name} WHERE alert_id = ANY(@alerts) ORDER BY alert_id, network_id
            """, connection);
        command.Parameters.AddWithValue("alerts", alertIds.ToArray());
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new Row(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(2),
                new NetworkProgress(reader.GetGuid(1), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8))));
        return rows;
    }

    /// <summary>Progress per alert and network.</summary>
    public async Task<Dictionary<Guid, List<NetworkProgress>>> ByAlertAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct) =>
        (await ReadAsync(alertIds, ct)).GroupBy(r => r.AlertId).ToDictionary(g => g.Key, g => g.Select(r => r.Progress).ToList());

    /// <summary>Progress per network over the given alerts together.</summary>
    public async Task<IReadOnlyList<NetworkProgress>> PerNetworkAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct) =>
        (await ReadAsync(alertIds, ct)).Select(r => r.Progress).GroupBy(p => p.NetworkId)
            .Select(g => new NetworkProgress(g.Key, g.Sum(p => p.Recipients), g.Sum(p => p.Queued), g.Sum(p => p.Sent), g.Sum(p => p.Delivered), g.Sum(p => p.Failed), g.Sum(p => p.Acknowledged)))
            .ToList();
}
