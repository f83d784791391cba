using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Npgsql;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>
/// The maintained per-alert, per-network summary against the outbox it summarises, on a running dashboard whose sender
/// claims, sends and records the same rows meanwhile (through the simulator, which also reports deliveries).
/// </summary>
public class AlertProgressSummaryTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly Guid Leuken = Guid.Parse("0b5e3f2a-5371-4c01-9a01-000000000006");

    private OutboxDispatch Outbox => host.App.Service<OutboxDispatch>();
    private AlertProgressReader Progress => host.App.Service<AlertProgressReader>();

    /// <summary>Summary rows of the alert that differ from counting its tips in the outbox, read in one statement (one snapshot).</summary>
    private async Task<long> MismatchesAsync(Guid alertId)
    {
        await using var connection = new NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH counted AS (
                SELECT alert_id, network_id, count(*)::int AS recipients,
                       (count(*) FILTER (WHERE status IN ('queued', 'sending')))::int AS queued,
                       (count(*) FILTER (WHERE status IN ('sent', 'delivered')))::int AS sent,
                       (count(*) FILTER (WHERE status = 'delivered'))::int AS delivered,
                       (count(*) FILTER (WHERE status = 'failed'))::int AS failed,
                       (count(*) FILTER (WHERE acked_at IS NOT NULL))::int AS acknowledged
                FROM bin.bin_outbox WHERE alert_id = @alert AND kind = 'tip' GROUP BY alert_id, network_id),
            kept AS (SELECT alert_id, network_id, recipients, queued, sent, delivered, failed, acknowledged FROM bin.bin_alert_progress WHERE alert_id = @alert)
            SELECT count(*) FROM ((SELECT * FROM counted EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM counted)) d
            """, connection);
        command.Parameters.AddWithValue("alert", alertId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static OutboxMessage Tip(Guid alertId, Guid memberId, Guid networkId, int i, MessageKind kind = MessageKind.Tip) =>
        new(Guid.NewGuid(), alertId, memberId, networkId, kind, "nl", $"+3247955{i:D4}", "Doe de buitenverlichting aan.", 1);

    [Fact]
    public async Task The_summary_stays_exact_under_parallel_acknowledgements_while_the_sender_works_the_same_rows()
    {
        var alertId = Guid.NewGuid();
        var members = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();
        var messages = members.Select((m, i) => Tip(alertId, m, i % 3 == 0 ? Leuken : NetworkSeed.KerkpleinId, i)).ToList();
        // A join code of an application with the same id must not count: only tips make an alert's progress.
        messages.Add(Tip(alertId, Guid.NewGuid(), Leuken, 9999, MessageKind.JoinCode) with { AlertId = null, ApplicationId = alertId });
        await using (var connection = new NpgsqlConnection(host.App.ConnectionString))
        {
            await connection.OpenAsync();
            await host.App.Service<OutboxWriter>().InsertAsync(connection, messages, DateTimeOffset.UtcNow, default);
        }

        // Eight writers at once, each acknowledging every member of its slice and half of the next slice again, so rows
        // are acknowledged by two transactions at the same moment; the sender claims and records meanwhile.
        var slices = members.Chunk(members.Count / 8).ToList();
        await Task.WhenAll(slices.Select(async (slice, i) =>
        {
            var overlap = slices[(i + 1) % slices.Count].Take(slice.Length / 2);
            await using var connection = new NpgsqlConnection(host.App.ConnectionString);
            await connection.OpenAsync();
            foreach (var batch in slice.Concat(overlap).Chunk(10))
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await Outbox.AcknowledgeAsync(connection, transaction,
                    batch.Select(m => new OutboxDispatch.Acknowledgement(alertId, m, DateTimeOffset.UtcNow)).ToList(), default);
                await transaction.CommitAsync();
            }
        }));

        Assert.Equal(0, await MismatchesAsync(alertId));
        var rows = await Progress.ReadAsync([alertId], default);
        Assert.Equal(300, rows.Sum(r => r.Progress.Recipients));
        Assert.Equal(300, rows.Sum(r => r.Progress.Acknowledged));
        Assert.Equal(100, rows.Single(r => r.Progress.NetworkId == Leuken).Progress.Recipients);

        // Once the sender has handed everything over the summary still matches, now with nothing queued.
        await Eventually.HoldsAsync(async () => (await Progress.PerNetworkAsync([alertId], default)).Sum(p => p.Queued) == 0,
            TimeSpan.FromSeconds(30), "the sender never handed the alert's messages over");
        Assert.Equal(0, await MismatchesAsync(alertId));
    }

    [Fact]
    public async Task An_open_map_sees_a_new_alerts_acknowledgements_through_the_summary_and_its_notification()
    {
        var scenario = new AlertScenario(host.App);
        var numbers = await scenario.ImportMembersAsync(AlertScenario.Parelstrand, 3, "488");
        var state = host.App.Service<MapLiveState>();
        await state.CurrentAsync(default);

        var incident = await scenario.IncidentAsync(51.2470, 5.3450);
        var issued = await scenario.AlertAsync(incident, AlertScenario.Parelstrand);
        await scenario.WaitUntilHandedOverAsync(issued.AlertId);
        using (var response = await host.App.CreateClient().SendAsync(TwilioSigner.Inbound(numbers[0], "OK"))) response.EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(() => Task.FromResult(
                state.Current.Incidents.Any(i => i.Id == incident)
                && state.Current.Progress.TryGetValue(issued.AlertId, out var figures)
                && figures.Single(f => f.NetworkId == AlertScenario.Parelstrand).Acknowledged == 1),
            TimeSpan.FromSeconds(20), "the map state never showed the incident's alert with its acknowledgement");
        var badge = NetworkBadges.For(state.Current.Alerts, state.Current.Progress, new Bin.Dashboard.Infrastructure.Auth.NetworkScope(true, new HashSet<Guid>()));
        var recipients = state.Current.Progress[issued.AlertId].Single(f => f.NetworkId == AlertScenario.Parelstrand).Recipients;
        // "✓ 1/n", followed by "✗ k" when the simulator has reported failures meanwhile.
        Assert.StartsWith($"✓ 1/{recipients}", badge[AlertScenario.Parelstrand].Text);
    }
}
