using Bin.Testing;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Bin.Dashboard.Tests.Operations;

/// <summary>
/// The dashboard's own tables (outbox, inbox, join-code hours, timeline) come from Marten's start-up migration: a fresh
/// database gets them all, and a database of the previous shape is brought up to date without losing a row.
/// </summary>
public class OwnTablesTests
{
    private static readonly string[] OwnTables = ["bin_outbox", "bin_inbound", "bin_join_code_hours", "bin_timeline"];

    [Fact]
    public async Task A_fresh_database_gets_every_own_table_at_start_up_and_nothing_is_left_to_migrate()
    {
        await using var app = await BinAppFactory.StartAsync();

        foreach (var table in OwnTables)
            Assert.True(await ScalarAsync<bool>(app.ConnectionString, "SELECT to_regclass($1) IS NOT NULL", $"bin.{table}"), $"bin.{table} is missing");
        Assert.Equal(0L, await ScalarAsync<long>(app.ConnectionString, RetiredNotifyCount));
        await AssertNothingLeftToMigrateAsync(app);
    }

    [Fact]
    public async Task A_database_of_the_previous_shape_is_migrated_at_start_up_keeping_every_row()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var (tip, alert, joinCode, application, welcome, confirmation) =
            (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ExecuteAsync(connectionString, PreviousShape);
        await ExecuteAsync(connectionString, $"""
            INSERT INTO bin.bin_outbox (message_id, alert_id, member_id, network_id, kind, language, phone, body, segments, status, next_attempt_at, created_at) VALUES
              ('{tip}', '{alert}', gen_random_uuid(), gen_random_uuid(), 'tip', 'nl', '+32470000001', 'Tip', 1, 'delivered', now(), now()),
              ('{joinCode}', '{application}', '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'joincode', 'nl', '+32470000002', 'Code 123456', 1, 'sent', now(), now()),
              ('{welcome}', '{application}', gen_random_uuid(), gen_random_uuid(), 'welcome', 'nl', '+32470000002', 'Welkom', 1, 'sent', now(), now()),
              ('{confirmation}', '00000000-0000-0000-0000-000000000000', gen_random_uuid(), '00000000-0000-0000-0000-000000000000', 'confirmation', 'nl', '+32470000003', 'Uitgeschreven', 1, 'queued', now(), now());
            INSERT INTO bin.bin_inbound (message_sid, from_number, body, received_at) VALUES ('SMold', '+32470000003', 'STOP', now());
            INSERT INTO bin.bin_join_code_hours (hour, codes) VALUES (date_trunc('hour', now()), 7);
            """);

        await using var app = new BinAppFactory(connectionString);
        app.StartServer();

        Assert.Equal(4L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM bin.bin_outbox"));
        Assert.Equal(alert, await ScalarAsync<Guid>(connectionString, "SELECT alert_id FROM bin.bin_outbox WHERE message_id = $1", tip));
        foreach (var id in new[] { joinCode, welcome })
        {
            Assert.Equal(application, await ScalarAsync<Guid>(connectionString, "SELECT application_id FROM bin.bin_outbox WHERE message_id = $1", id));
            Assert.True(await ScalarAsync<bool>(connectionString, "SELECT alert_id IS NULL FROM bin.bin_outbox WHERE message_id = $1", id));
        }
        Assert.True(await ScalarAsync<bool>(connectionString, "SELECT alert_id IS NULL AND application_id IS NULL FROM bin.bin_outbox WHERE message_id = $1", confirmation));
        Assert.Equal(1L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM bin.bin_inbound WHERE message_sid = 'SMold'"));
        Assert.Equal(7, await ScalarAsync<int>(connectionString, "SELECT codes FROM bin.bin_join_code_hours"));
        Assert.Equal(0L, await ScalarAsync<long>(connectionString, RetiredNotifyCount));
        await AssertNothingLeftToMigrateAsync(app);
    }

    /// <summary>Start-up applied everything: a second migration would change nothing (and so is not repeated at every start).</summary>
    private static async Task AssertNothingLeftToMigrateAsync(BinAppFactory app)
    {
        var migration = await app.Service<IDocumentStore>().Storage.Database.CreateMigrationAsync();
        var updates = new StringWriter();
        foreach (var delta in migration.Deltas.Where(d => d.Difference != SchemaPatchDifference.None))
            delta.WriteUpdate(new Weasel.Postgresql.PostgresqlMigrator(), updates);
        Assert.True(migration.Difference == SchemaPatchDifference.None, "Left to migrate:\n" + updates);
    }

    /// <summary>The outbox's notify trigger and its function, which nothing listened to: migration drops both.</summary>
    private const string RetiredNotifyCount = """
        SELECT (SELECT count(*) FROM pg_trigger WHERE tgname = 'bin_notify_outbox')
             + (SELECT count(*) FROM pg_proc WHERE proname = 'bin_notify_outbox')
        """;

    /// <summary>The tables as the dashboard created them by hand before Marten's migration did, with the outbox's notify trigger.</summary>
    private const string PreviousShape = """
        CREATE SCHEMA bin;
        CREATE TABLE bin.bin_outbox (
            message_id uuid PRIMARY KEY, alert_id uuid NOT NULL, member_id uuid NOT NULL, network_id uuid NOT NULL, kind text NOT NULL,
            language text NOT NULL, phone text, body text NOT NULL, segments int NOT NULL, status text NOT NULL,
            attempts int NOT NULL DEFAULT 0, next_attempt_at timestamptz NOT NULL, claimed_at timestamptz, provider_sid text, error text,
            created_at timestamptz NOT NULL, sent_at timestamptz, delivered_at timestamptz, failed_at timestamptz, acked_at timestamptz);
        CREATE INDEX bin_outbox_due ON bin.bin_outbox (next_attempt_at) WHERE status IN ('queued', 'sending');
        CREATE INDEX bin_outbox_alert ON bin.bin_outbox (alert_id);
        CREATE INDEX bin_outbox_member ON bin.bin_outbox (member_id, created_at DESC);
        CREATE INDEX bin_outbox_created ON bin.bin_outbox (created_at) INCLUDE (segments);
        CREATE UNIQUE INDEX bin_outbox_sid ON bin.bin_outbox (provider_sid) WHERE provider_sid IS NOT NULL;
        CREATE TABLE bin.bin_inbound (
            message_sid text PRIMARY KEY, from_number text, body text, received_at timestamptz NOT NULL, attempts int NOT NULL DEFAULT 0,
            error text, recorded_at timestamptz, member_id uuid, intent text);
        CREATE INDEX bin_inbound_pending ON bin.bin_inbound (received_at) WHERE recorded_at IS NULL;
        CREATE TABLE bin.bin_join_code_hours (hour timestamptz PRIMARY KEY, codes int NOT NULL);
        CREATE FUNCTION bin.bin_notify_outbox() RETURNS trigger AS $$ BEGIN PERFORM pg_notify('bin_outbox', ''); RETURN NULL; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER bin_notify_outbox AFTER INSERT OR UPDATE ON bin.bin_outbox FOR EACH STATEMENT EXECUTE FUNCTION bin.bin_notify_outbox();
        """;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
