using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.DemoData;
using Bin.Domain.Tips;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Tests.Replay;

[Collection(ReplayCollection.Name)]
public class DemoHistoryTests(ReplayFixture fixture)
{
    [Fact]
    public async Task The_demo_history_is_written_once()
    {
        await using var session = fixture.App.Service<IDocumentStore>().QuerySession();
        var incidents = await session.Query<IncidentView>().CountAsync();

        var again = await fixture.App.Service<HistoryGenerator>().GenerateAsync(HistoryProfile.Demo(30, DateTimeOffset.UtcNow), default);

        Assert.False(again.Generated);
        Assert.Equal(fixture.Run.Incidents, again.Run.Incidents);
        Assert.Equal(incidents, await session.Query<IncidentView>().CountAsync());
    }

    [Fact]
    public async Task The_generated_history_looks_like_a_zone_at_work_and_its_events_carry_their_business_time()
    {
        var run = fixture.Run;
        // Three days at about 40 a day.
        Assert.InRange(run.Incidents, 90, 150);
        Assert.InRange(run.Alerts, 6, 60);
        Assert.True(run.Acknowledgements > 20 * run.Alerts, $"{run.Acknowledgements} acknowledgements for {run.Alerts} alerts");
        Assert.InRange(run.Replies, 1, run.Acknowledgements / 5);
        Assert.True(run.Joiners > 0);
        Assert.InRange(run.FeedbackSent, 1, run.Alerts);

        await using var session = fixture.App.Service<IDocumentStore>().QuerySession();
        var incidents = await session.Query<IncidentView>().Where(i => i.ReportedAt >= run.From && i.ReportedAt < run.To).ToListAsync();
        var byCategory = incidents.GroupBy(i => i.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byCategory.GetValueOrDefault("suspicious-person") + byCategory.GetValueOrDefault("burglary") > byCategory.GetValueOrDefault("fire") + byCategory.GetValueOrDefault("co"));
        // Fewer in the small hours than in the evening.
        Assert.True(incidents.Count(i => Hour(i.ReportedAt) is >= 2 and < 6) < incidents.Count(i => Hour(i.ReportedAt) is >= 17 and < 21));

        var alerts = await session.Query<AlertView>().Where(a => a.IssuedAt >= run.From && a.IssuedAt < run.To).ToListAsync();
        Assert.Equal(run.Alerts, alerts.Count);
        var alerted = incidents.Where(i => alerts.Any(a => a.IncidentId == i.Id)).ToList();
        Assert.All(alerted, i => Assert.NotEmpty(i.NetworkIds));
        Assert.All(alerted, i => Assert.NotNull(i.VerifiedAt));
        Assert.All(alerts, a => Assert.True(a.TipTemplateId is null || TipLibrary.All.Any(t => t.Id == a.TipTemplateId)));
        Assert.All(alerts, a => Assert.False(string.IsNullOrEmpty(a.IssuedBy)));

        var schema = fixture.App.Service<IOptions<EventStoreOptions>>().Value.Schema;
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT count(*) FILTER (WHERE business IS NULL OR timestamp <> business),
                   (SELECT count(*) FROM {schema}.bin_outbox o WHERE o.alert_id = ANY(@alerts) AND o.kind = 'tip')
            FROM (SELECT timestamp, CASE type WHEN 'incident_reported' THEN data->>'ReportedAt' WHEN 'tip_acknowledged' THEN data->>'AcknowledgedAt'
                                              WHEN 'alert_issued' THEN data->>'IssuedAt' END::timestamptz AS business
                  FROM {schema}.mt_events WHERE type IN ('incident_reported', 'tip_acknowledged', 'alert_issued')) e
            -- The generated period only: what tests record live is stamped by the server's clock, a moment apart.
            WHERE e.business >= @from AND e.business < @to
            """, connection);
        command.Parameters.AddWithValue("from", run.From);
        command.Parameters.AddWithValue("to", run.To);
        command.Parameters.AddWithValue("alerts", alerts.Select(a => a.Id).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(0, reader.GetInt64(0));
        // One tip per recipient in the outbox, delivered or failed as the gateway would have it.
        Assert.Equal(alerts.Sum(a => a.Recipients), reader.GetInt64(1));
    }

    private static int Hour(DateTimeOffset at) => Bin.Dashboard.Infrastructure.Localization.ZoneTime.Local(at).Hour;
}
