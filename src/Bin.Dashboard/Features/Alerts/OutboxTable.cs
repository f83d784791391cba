using DbDataReader = System.Data.Common.DbDataReader;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;
using Bin.Dashboard.Infrastructure.EventStore;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>
/// The outbox's table, defined once for Marten's start-up migration: a fresh database gets it, an older one is brought
/// up to date (columns and indexes added, then <see cref="OutboxPurposeMigration"/> moves what an older shape kept in
/// <c>alert_id</c>). A plain table rather than documents, because sending needs what documents make awkward:
/// claiming rows with <c>FOR UPDATE SKIP LOCKED</c> across nodes, bulk inserts by COPY, set-based status updates.
/// Rows carry the phone number (needed to send); erasing a member blanks it.
/// </summary>
public static class OutboxTable
{
    public const string Name = "bin_outbox";

    public static string Qualified(string schema) => $"{schema}.{Name}";

    public static IEnumerable<ISchemaObject> Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn("message_id", "uuid").AsPrimaryKey();
        // The alert a tip, reminder or feedback belongs to; null for messages of no alert (opt-out confirmations, join codes).
        table.AddColumn("alert_id", "uuid");
        // The join application a verification code or welcome belongs to.
        table.AddColumn("application_id", "uuid");
        table.AddColumn("member_id", "uuid").NotNull();
        table.AddColumn("network_id", "uuid").NotNull();
        table.AddColumn("kind", "text").NotNull();
        table.AddColumn("language", "text").NotNull();
        table.AddColumn("phone", "text");
        table.AddColumn("body", "text").NotNull();
        table.AddColumn("segments", "integer").NotNull();
        table.AddColumn("status", "text").NotNull();
        table.AddColumn("attempts", "integer").NotNull().DefaultValueByExpression("0");
        table.AddColumn("next_attempt_at", "timestamp with time zone").NotNull();
        table.AddColumn("claimed_at", "timestamp with time zone");
        table.AddColumn("provider_sid", "text");
        table.AddColumn("error", "text");
        table.AddColumn("created_at", "timestamp with time zone").NotNull();
        table.AddColumn("sent_at", "timestamp with time zone");
        table.AddColumn("delivered_at", "timestamp with time zone");
        table.AddColumn("failed_at", "timestamp with time zone");
        table.AddColumn("acked_at", "timestamp with time zone");

        // What the senders claim next. Predicates are written as PostgreSQL renders them, so Weasel finds the index unchanged.
        table.Indexes.Add(new IndexDefinition("bin_outbox_due") { Columns = ["next_attempt_at"], Predicate = "status = ANY (ARRAY['queued'::text, 'sending'::text])" });
        table.Indexes.Add(new IndexDefinition("bin_outbox_alert") { Columns = ["alert_id"] });
        table.Indexes.Add(new IndexDefinition("bin_outbox_application") { Columns = ["application_id"], Predicate = "application_id IS NOT NULL" });
        // A member's latest tip (what their "OK" acknowledges), read backwards.
        table.Indexes.Add(new IndexDefinition("bin_outbox_member") { Columns = ["member_id", "created_at"] });
        // The daily segment budget sums the day's segments before each alert (AlertBudget): an index-only scan, not the table.
        table.Indexes.Add(new IndexDefinition("bin_outbox_created") { Columns = ["created_at"], IncludeColumns = ["segments"] });
        // Delivery reports name the gateway's id.
        table.Indexes.Add(new IndexDefinition("bin_outbox_sid") { Columns = ["provider_sid"], IsUnique = true, Predicate = "provider_sid IS NOT NULL" });

        // An earlier version notified "bin_outbox" after every statement on the table; nothing listened (the sender waits on
        // the progress summary's "queued" notification), yet each such commit took PostgreSQL's notification lock.
        return [table, new OutboxPurposeMigration(schema), new RetiredTriggerFunction(schema, "bin_notify_outbox")];
    }
}

/// <summary>
/// Moves what the first outbox kept in <c>alert_id</c> to where it belongs: join codes and welcomes named their join
/// application there (now <c>application_id</c>), opt-out confirmations an empty id (now null). Marten's migration runs
/// it after the table's own change (which adds <c>application_id</c>); it drops NOT NULL from <c>alert_id</c> itself, so it
/// finds work only while <c>alert_id</c> is still NOT NULL and runs once.
/// </summary>
internal sealed class OutboxPurposeMigration(string schema) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, "bin_outbox_purpose_migration", SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        var table = OutboxTable.Qualified(schema);
        // Weasel adds columns but leaves a column's NOT NULL as it finds it.
        writer.WriteLine($"ALTER TABLE {table} ALTER COLUMN alert_id DROP NOT NULL;");
        writer.WriteLine($"UPDATE {table} SET application_id = alert_id, alert_id = NULL WHERE kind IN ('joincode', 'welcome') AND application_id IS NULL AND alert_id IS NOT NULL;");
        writer.WriteLine($"UPDATE {table} SET alert_id = NULL WHERE alert_id = '00000000-0000-0000-0000-000000000000';");
    }

    /// <summary>Nothing to drop: it changes rows, it creates nothing.</summary>
    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
    }

    public void ConfigureQueryCommand(DbCommandBuilder builder)
    {
        var schemaParameter = builder.AddParameter(schema).ParameterName;
        builder.Append($"""
            SELECT count(*) FROM information_schema.columns
            WHERE table_schema = :{schemaParameter} AND table_name = '{OutboxTable.Name}' AND column_name = 'alert_id' AND is_nullable = 'NO';
            """);
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var oldShape = await reader.ReadAsync(ct) && await reader.GetFieldValueAsync<long>(0, ct) > 0;
        return new SchemaObjectDelta(this, oldShape ? SchemaPatchDifference.Update : SchemaPatchDifference.None);
    }

    public IEnumerable<DbObjectName> AllNames() => [Identifier];
}
