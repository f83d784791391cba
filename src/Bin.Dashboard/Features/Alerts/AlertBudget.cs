using Bin.Dashboard.Infrastructure.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>Today's use of the zone's SMS segment budget, as the dashboard shows it.</summary>
public sealed record BudgetUse(DateTimeOffset Since, int Used, int Budget, int PendingApprovals);

/// <summary>
/// The zone's daily SMS segment budget (<see cref="AlertOptions.DailySegmentBudget"/>). Use is every segment queued in
/// the outbox since midnight in the zone — tips, reminders, feedback, confirmations alike: they all cost.
/// </summary>
public sealed class AlertBudget(NpgsqlDataSource dataSource, IOptions<EventStoreOptions> eventStore, IOptions<AlertOptions> options, Marten.IDocumentStore store, TimeProvider clock)
{
    public async Task<int> UsedSinceAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT coalesce(sum(segments), 0)::int FROM {eventStore.Value.Schema}.bin_outbox WHERE created_at >= @since", connection, transaction);
        command.Parameters.AddWithValue("since", since);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<BudgetUse> TodayAsync(CancellationToken ct)
    {
        var since = AlertLocks.StartOfDay(clock.GetUtcNow());
        await using var connection = dataSource.CreateConnection();
        await connection.OpenAsync(ct);
        var used = await UsedSinceAsync(connection, null, since, ct);
        await using var session = store.QuerySession();
        var pending = await Marten.QueryableExtensions.CountAsync(session.Query<AlertApproval>().Where(a => a.Status == AlertApprovalStatus.Pending), ct);
        return new BudgetUse(since, used, options.Value.DailySegmentBudget, pending);
    }
}
