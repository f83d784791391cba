using Bin.Dashboard.Infrastructure.Localization;
using Npgsql;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>
/// The counting behind the caps, made atomic: transaction-scoped PostgreSQL advisory locks serialise the requests that
/// count the same thing (an account's alerts of the hour, an incident's recent alerts, the zone's segments of the day,
/// one approval), on every node, and the count is read after the lock, so the writer before has committed. Locks are
/// always taken in the order account → incident → budget → approval, so two requests never wait on each other in a ring.
/// </summary>
public static class AlertLocks
{
    public static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 5371))", connection, transaction);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static Task AccountAsync(NpgsqlConnection c, NpgsqlTransaction t, string account, CancellationToken ct) => LockAsync(c, t, "alert-account:" + account, ct);

    public static Task IncidentAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid incidentId, CancellationToken ct) => LockAsync(c, t, "alert-incident:" + incidentId, ct);

    public static Task BudgetAsync(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct) => LockAsync(c, t, "alert-budget", ct);

    public static Task ApprovalAsync(NpgsqlConnection c, NpgsqlTransaction t, Guid approvalId, CancellationToken ct) => LockAsync(c, t, "alert-approval:" + approvalId, ct);

    /// <summary>Midnight in the zone (Europe/Brussels) of the day <paramref name="now"/> falls in.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset now) => ZoneTime.FromLocal(ZoneTime.Local(now).Date).ToUniversalTime();
}
