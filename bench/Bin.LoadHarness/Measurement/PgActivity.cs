using Npgsql;

namespace Bin.LoadHarness.Measurement;

/// <summary>
/// The dashboard database's counters from <c>pg_stat_database</c>: committed transactions and rows read
/// (<c>tup_returned + tup_fetched</c>: rows scanned sequentially plus rows fetched through indexes). A backend (PostgreSQL
/// 15) reports them at the end of a transaction at most once a second, and an idle one that has more to report does so
/// 10 s later: a window is therefore only read after the work in it has been quiet for longer than that (the scenario's
/// settle time). Each reading is one transaction of its own (counted, the same in every phase).
/// </summary>
internal static class PgActivity
{
    public static async Task<PgSample> TakeAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT xact_commit, tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new PgSample(reader.GetInt64(0), reader.GetInt64(1));
    }
}

/// <summary>Committed transactions and rows read so far in the dashboard's database.</summary>
internal readonly record struct PgSample(long Transactions, long RowsRead)
{
    public PgSample Since(PgSample before) => new(Transactions - before.Transactions, RowsRead - before.RowsRead);
}
