using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Replay;
using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Features.Replay.State;
using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using Bin.Domain.Incidents;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Tests.Replay;

/// <summary>The state as of a moment, computed by the server from the timeline, is what the events up to that moment say.</summary>
[Collection(ReplayCollection.Name)]
public class StateAsOfTests(ReplayFixture fixture)
{
    private sealed record ExpectedAlert(Guid AlertId, Guid IncidentId, (Guid Network, int Recipients, int Acknowledged, int Replies)[] Networks);

    [Fact]
    public async Task The_state_as_of_several_moments_equals_the_events_up_to_then_folded_by_time_travel()
    {
        var moments = await MomentsAsync();
        var states = fixture.App.Service<StateQuery>();
        var checkedAlerts = 0;
        var checkedFeedback = 0;

        foreach (var at in moments)
        {
            var state = await states.AtAsync(at, HistoryFilter.None, default);
            var (incidents, alerts, feedback) = await FoldEventsAsync(at);

            Assert.Equal(incidents.Select(i => (i.Id, i.Status, i.Category, i.Latitude, i.Longitude)).Order(),
                state.Incidents.Select(i => (i.Id, i.Status, i.Category, i.Latitude, i.Longitude)).Order());
            Assert.Equal(alerts.Select(Describe).Order(), state.Alerts.Select(a => Describe(new ExpectedAlert(a.AlertId, a.IncidentId,
                a.Networks.Select(n => (n.NetworkId, n.Recipients, n.Acknowledged, n.Replies)).ToArray()))).Order());
            Assert.Equal(feedback.Order(), state.Feedback.Select(f => $"{f.FeedbackId} {f.AlertId} {f.SentAt:O} {f.Recipients} {string.Join(",", f.NetworkIds.Order())}").Order());
            checkedAlerts += alerts.Count;
            checkedFeedback += feedback.Count;
        }
        // The moments were chosen so that alerts in progress, with acknowledgements coming in, are among them.
        Assert.True(checkedAlerts >= 4, $"only {checkedAlerts} alerts in progress at the chosen moments");
        Assert.True(checkedFeedback >= 1, "no feedback had just been sent at the chosen moments");
    }

    [Fact]
    public async Task Playing_the_history_from_the_start_of_a_period_arrives_at_the_servers_state_on_every_whole_minute()
    {
        var states = fixture.App.Service<StateQuery>();
        var period = new Period(fixture.Run.From, fixture.Run.To);
        var items = await fixture.App.Service<HistoryQuery>().LoadAsync(period, HistoryFilter.None, default);
        var playing = ReplayState.From(await states.AtAsync(period.From, HistoryFilter.None, default), states.AlertWindow);
        var next = items.Count(i => i.At <= period.From);

        foreach (var at in (await MomentsAsync()).Select(WholeMinute).Where(period.Contains).Order())
        {
            while (next < items.Count && items[next].At <= at) playing.Apply(items[next++]);
            playing.AdvanceTo(at);

            // Acknowledgements come summed per minute and stamped with the minute's last one: exact on whole minutes.
            Assert.Equivalent(await states.AtAsync(at, HistoryFilter.None, default), playing.Snapshot(), strict: true);
        }
    }

    [Fact]
    public async Task Time_travel_on_one_incident_stream_agrees_with_the_timeline_row_by_row()
    {
        await using var session = fixture.App.Service<IDocumentStore>().QuerySession();
        var alert = await session.Query<AlertView>().Where(a => a.IssuedAt >= fixture.Run.From && a.IssuedAt < fixture.Run.To).OrderBy(a => a.IssuedAt).FirstAsync();
        var incident = await session.LoadAsync<IncidentView>(alert.IncidentId);
        var history = await fixture.App.Service<HistoryQuery>().LoadAsync(new Period(fixture.Run.From, fixture.Run.To), HistoryFilter.None, default);

        foreach (var row in history.Where(i => i.IncidentId == incident!.Id && i.Type.StartsWith("incident-", StringComparison.Ordinal)))
        {
            var before = Incident.Fold((await session.Events.FetchStreamAsync(incident!.Id, timestamp: row.At.AddTicks(-10))).Select(e => e.Data));
            var after = Incident.Fold((await session.Events.FetchStreamAsync(incident.Id, timestamp: row.At)).Select(e => e.Data))!;
            switch (row.Type)
            {
                case "incident-reported":
                    Assert.Null(before);
                    Assert.Equal(IncidentStatus.Reported, after.Status);
                    break;
                case "incident-verified":
                    Assert.Equal(IncidentStatus.Reported, before!.Status);
                    Assert.Equal(IncidentStatus.Verified, after.Status);
                    break;
                case "incident-closed":
                    Assert.NotEqual(IncidentStatus.Closed, before!.Status);
                    Assert.Equal(IncidentStatus.Closed, after.Status);
                    break;
            }
            // The row carries the incident's category and location as they were at that moment.
            Assert.Equal((after.Latitude, after.Longitude, after.Category), (row.Latitude!.Value, row.Longitude!.Value, row.Category));
        }
    }

    /// <summary>Moments worth checking: just after alerts (acknowledgements arriving), an hour later, the start, the end.</summary>
    private async Task<List<DateTimeOffset>> MomentsAsync()
    {
        await using var session = fixture.App.Service<IDocumentStore>().QuerySession();
        var run = fixture.Run;
        var alerts = await session.Query<AlertView>().Where(a => a.IssuedAt >= run.From && a.IssuedAt < run.To).OrderBy(a => a.IssuedAt).ToListAsync();
        Assert.True(alerts.Count >= 4, $"the generated history has only {alerts.Count} alerts");
        var moments = new List<DateTimeOffset> { run.From.AddMinutes(1), run.To.AddMinutes(-1) };
        foreach (var alert in new[] { alerts[0], alerts[alerts.Count / 3], alerts[2 * alerts.Count / 3], alerts[^1] })
            moments.AddRange([alert.IssuedAt.AddSeconds(90), alert.IssuedAt.AddMinutes(7), alert.IssuedAt.AddMinutes(75)]);
        // Just after some feedback went out, and while it still shows.
        var sent = await session.Query<Bin.Dashboard.Features.Feedback.FeedbackView>()
            .Where(f => f.SentAt != null && f.SentAt >= run.From && f.SentAt < run.To).OrderBy(f => f.SentAt).ToListAsync();
        foreach (var feedback in sent.Take(2)) moments.AddRange([feedback.SentAt!.Value.AddMinutes(1), feedback.SentAt.Value.AddMinutes(31)]);
        return moments.Where(m => m < run.To).ToList();
    }

    /// <summary>Folds every event stamped at or before <paramref name="at"/> with the domain's own folds.</summary>
    private async Task<(List<Incident> Incidents, List<ExpectedAlert> Alerts, List<string> Feedback)> FoldEventsAsync(DateTimeOffset at)
    {
        await using var session = fixture.App.Service<IDocumentStore>().QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Timestamp <= at).OrderBy(e => e.Sequence).ToListAsync();
        var incidents = events.Where(e => e.Data is IncidentReported or IncidentVerified or IncidentUpdated or IncidentClosed)
            .GroupBy(e => e.StreamId)
            .Select(g => Incident.Fold(g.Select(e => e.Data))!)
            .ToDictionary(i => i.Id);
        var window = fixture.App.Service<IOptions<AlertOptions>>().Value.AcknowledgementWindow;
        var acks = events.Select(e => e.Data).OfType<TipAcknowledged>().GroupBy(a => (a.AlertId, a.NetworkId)).ToDictionary(g => g.Key, g => g.Count());
        var replies = events.Select(e => e.Data).OfType<ReplyReceived>().Where(r => r.AlertId is not null)
            .GroupBy(r => (r.AlertId!.Value, r.NetworkId!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var alerts = events.Select(e => e.Data).OfType<AlertIssued>()
            .Where(a => at < a.IssuedAt + window && incidents.TryGetValue(a.IncidentId, out var i) && i.Status != IncidentStatus.Closed)
            .Select(a => new ExpectedAlert(a.AlertId, a.IncidentId, a.NetworkIds
                .Select(n => (n, a.RecipientsPerNetwork.GetValueOrDefault(n), acks.GetValueOrDefault((a.AlertId, n)), replies.GetValueOrDefault((a.AlertId, n)))).ToArray()))
            .ToList();
        var issued = events.Select(e => e.Data).OfType<AlertIssued>().ToDictionary(a => a.AlertId);
        var feedback = events.Select(e => e.Data).OfType<FeedbackSent>().Where(f => f.SentAt > at - ReplayState.FeedbackShownFor)
            .Select(f => $"{f.FeedbackId} {f.AlertId} {f.SentAt:O} {f.Recipients} {string.Join(",", issued[f.AlertId].NetworkIds.Order())}").ToList();
        return (incidents.Values.Where(i => i.Status != IncidentStatus.Closed).ToList(), alerts, feedback);
    }

    private static string Describe(ExpectedAlert a) =>
        $"{a.AlertId} {a.IncidentId} " + string.Join(" ", a.Networks.Select(n => $"{n.Network}:{n.Recipients}/{n.Acknowledged}/{n.Replies}"));

    private static DateTimeOffset WholeMinute(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
