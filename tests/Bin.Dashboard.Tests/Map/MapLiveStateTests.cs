using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Alerts;
using Bin.Domain.Incidents;
using Bin.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bin.Dashboard.Tests.Map;

/// <summary>
/// The node's map state applies each event by reading only what the event names. A store that counts its reads stands in
/// for the database, so each test can say which reads an event caused.
/// </summary>
public class MapLiveStateTests
{
    private static readonly Guid Kerkplein = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_incident_reported_while_an_acknowledgement_waits_for_the_tick_reaches_the_maps_together_with_it_in_one_change()
    {
        var store = new CountingStore();
        var incident = store.Add();
        var alertId = Guid.NewGuid();
        store.Alerts.Add(new OpenAlert(alertId, incident.Id, Now, [Kerkplein]));
        store.Progress[alertId] = [new AlertProgressReader.Row(alertId, Now, new NetworkProgress(Kerkplein, 12, 12, 0, 12, 0, 0))];
        var (state, feed) = await StartedAsync(store);
        var withIncident = new TaskCompletionSource<MapSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = store.Add(at: Now.AddMinutes(1));
        state.Changed += s =>
        {
            if (s.Incidents.Any(i => i.Id == next.Id)) withIncident.TrySetResult(s);
        };

        // An acknowledgement waits for the progress tick; an incident reported meanwhile does not wait.
        store.Progress[alertId] = [new AlertProgressReader.Row(alertId, Now, new NetworkProgress(Kerkplein, 12, 12, 0, 12, 0, 1))];
        feed.RaiseProgressChanged([alertId]);
        feed.Publish([new LiveEvent(11, nameof(IncidentReported), next.Id, Now, [Kerkplein],
            new IncidentReported(next.Id, 51.23, 5.31, "burglary", "", ReporterKind.Member, [Kerkplein], Now.AddMinutes(1)))]);

        // The change that shows the incident carries the acknowledgement too: one message to every map, not two.
        var shown = await withIncident.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, shown.Progress[alertId].Sum(p => p.Acknowledged));
    }

    private sealed class CountingStore : IMapLiveStore
    {
        public readonly Dictionary<Guid, IncidentView> Incidents = [];
        public readonly List<OpenAlert> Alerts = [];
        // Replaced by a test while the state's worker reads it.
        public readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, List<AlertProgressReader.Row>> Progress = [];
        public int OpenListReads;
        public readonly List<Guid[]> IncidentReads = [];
        public readonly List<Guid[]> ProgressReads = [];

        public Task<IReadOnlyList<IncidentView>> OpenIncidentsAsync(int limit, CancellationToken ct)
        {
            OpenListReads++;
            return Task.FromResult<IReadOnlyList<IncidentView>>(Incidents.Values.Where(i => i.Status != IncidentStatus.Closed).ToList());
        }

        public Task<IReadOnlyList<IncidentView>> IncidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        {
            IncidentReads.Add([.. ids]);
            return Task.FromResult<IReadOnlyList<IncidentView>>(ids.Where(Incidents.ContainsKey).Select(id => Incidents[id]).ToList());
        }

        public Task<IReadOnlyList<OpenAlert>> AlertsOfAsync(IReadOnlyCollection<Guid> incidentIds, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<OpenAlert>>(Alerts.Where(a => incidentIds.Contains(a.IncidentId)).ToList());

        public Task<IReadOnlyList<AlertProgressReader.Row>> ProgressAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct)
        {
            ProgressReads.Add([.. alertIds]);
            return Task.FromResult<IReadOnlyList<AlertProgressReader.Row>>(alertIds.SelectMany(id => Progress.GetValueOrDefault(id, [])).ToList());
        }

        public IncidentView Add(IncidentStatus status = IncidentStatus.Reported, DateTimeOffset? at = null)
        {
            var view = new IncidentView { Id = Guid.NewGuid(), Category = "burglary", Status = status, ReportedAt = at ?? Now, NetworkIds = [Kerkplein] };
            Incidents[view.Id] = view;
            return view;
        }
    }

    private static async Task<(MapLiveState State, LiveFeed Feed)> StartedAsync(CountingStore store, TimeProvider? time = null)
    {
        var feed = new LiveFeed(NullLogger<LiveFeed>.Instance);
        var state = new MapLiveState(store, feed, NullLogger<MapLiveState>.Instance, time ?? TimeProvider.System);
        await state.CurrentAsync(default);
        return (state, feed);
    }

    /// <summary>Publishes events as the tail does and returns the snapshot they produced.</summary>
    private static async Task<MapSnapshot> AfterAsync(MapLiveState state, LiveFeed feed, params object[] events)
    {
        var changed = new TaskCompletionSource<MapSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        state.Changed += s => changed.TrySetResult(s);
        feed.Publish(events.Select((e, i) => new LiveEvent(i + 1, e.GetType().Name, Guid.NewGuid(), Now, [Kerkplein], e)).ToList());
        return await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_reported_incident_is_added_by_reading_that_incident_alone_not_the_list_of_open_incidents()
    {
        var store = new CountingStore();
        store.Add(at: Now.AddHours(-1));
        var (state, feed) = await StartedAsync(store);
        var reported = store.Add();

        var snapshot = await AfterAsync(state, feed, new IncidentReported(reported.Id, 51.23, 5.31, "burglary", "", ReporterKind.Member, [Kerkplein], Now));

        Assert.Equal(1, store.OpenListReads);
        Assert.Equal([reported.Id], Assert.Single(store.IncidentReads));
        Assert.Equal(reported.Id, snapshot.Incidents[0].Id);
        Assert.Equal(2, snapshot.Incidents.Count);
    }

    [Fact]
    public async Task An_alert_comes_from_its_event_and_only_its_own_progress_is_read_once_with_the_tick_that_shows_it()
    {
        var store = new CountingStore();
        var incident = store.Add();
        var (state, feed) = await StartedAsync(store);
        var alertId = Guid.NewGuid();
        store.Progress[alertId] = [new AlertProgressReader.Row(alertId, Now, new NetworkProgress(Kerkplein, 122, 122, 0, 0, 0, 0))];
        store.ProgressReads.Clear();

        var snapshot = await AfterAsync(state, feed, new AlertIssued(alertId, incident.Id, [Kerkplein], "burglary-lights",
            new Dictionary<string, string>(), new Dictionary<Guid, int> { [Kerkplein] = 122 }, 122, 1, Now));

        Assert.Empty(store.IncidentReads);
        Assert.Equal([alertId], Assert.Single(store.ProgressReads));
        Assert.Equal(alertId, Assert.Single(snapshot.Alerts).AlertId);
        Assert.Equal(122, snapshot.Progress[alertId][0].Recipients);
    }

    [Fact]
    public async Task A_progress_notification_re_reads_only_the_alerts_it_names_that_the_map_shows()
    {
        var store = new CountingStore();
        var incident = store.Add();
        var shown = new OpenAlert(Guid.NewGuid(), incident.Id, Now, [Kerkplein]);
        var other = new OpenAlert(Guid.NewGuid(), incident.Id, Now.AddMinutes(-5), [Kerkplein]);
        store.Alerts.AddRange([shown, other]);
        store.Progress[shown.AlertId] = [new AlertProgressReader.Row(shown.AlertId, Now, new NetworkProgress(Kerkplein, 10, 0, 10, 0, 0, 0))];
        var (state, feed) = await StartedAsync(store);
        store.ProgressReads.Clear();
        store.Progress[shown.AlertId] = [new AlertProgressReader.Row(shown.AlertId, Now, new NetworkProgress(Kerkplein, 10, 0, 10, 0, 0, 7))];
        var changed = new TaskCompletionSource<MapSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        state.Changed += s => changed.TrySetResult(s);

        feed.RaiseProgressChanged([shown.AlertId, Guid.NewGuid()]);
        var snapshot = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([shown.AlertId], Assert.Single(store.ProgressReads));
        Assert.Equal(7, snapshot.Progress[shown.AlertId][0].Acknowledged);
    }

    [Fact]
    public async Task Alerts_issued_one_after_another_reach_the_maps_together_with_the_next_progress_tick_not_one_by_one()
    {
        var store = new CountingStore();
        var incident = store.Add();
        // The gathering moment ends when the test says: however long this machine takes to apply the three.
        var time = new FakeTimeProvider(Now);
        var (state, feed) = await StartedAsync(store, time);
        store.ProgressReads.Clear();
        var raised = new List<MapSnapshot>();
        var allThree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        state.Changed += s =>
        {
            lock (raised) raised.Add(s);
            if (s.Alerts.Count == 3) allThree.TrySetResult();
        };

        for (var i = 0; i < 3; i++)
        {
            var alertId = Guid.NewGuid();
            store.Progress[alertId] = [new AlertProgressReader.Row(alertId, Now, new NetworkProgress(Kerkplein, 12, 12, 0, 0, 0, 0))];
            feed.Publish([new LiveEvent(10 + i, nameof(AlertIssued), alertId, Now, [Kerkplein], new AlertIssued(alertId, incident.Id, [Kerkplein], "burglary-lights",
                new Dictionary<string, string>(), new Dictionary<Guid, int> { [Kerkplein] = 12 }, 12, 1, Now))]);
        }
        await Eventually.HoldsAsync(() => Task.FromResult(state.Current.Alerts.Count == 3), TimeSpan.FromSeconds(10), "the three alerts applied");
        Assert.Empty(store.ProgressReads);
        lock (raised) Assert.Empty(raised);

        time.Advance(TimeSpan.FromMilliseconds(100));
        await allThree.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Applied one by one, their figures read together and raised once, when the gathering moment ended.
        Assert.Equal(3, Assert.Single(store.ProgressReads).Length);
        lock (raised) Assert.Single(raised);
    }

    [Fact]
    public async Task Acknowledgements_coming_in_one_by_one_are_read_at_most_about_once_a_second()
    {
        var store = new CountingStore();
        var incident = store.Add();
        var alert = new OpenAlert(Guid.NewGuid(), incident.Id, Now, [Kerkplein]);
        store.Alerts.Add(alert);
        var (state, feed) = await StartedAsync(store);
        const int answers = 40;
        var allShown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        state.Changed += s =>
        {
            if (s.Progress.TryGetValue(alert.AlertId, out var p) && p[0].Acknowledged == answers) allShown.TrySetResult();
        };
        store.ProgressReads.Clear();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Members answering one after another for two seconds, each answer notified on its own.
        for (var acknowledged = 1; acknowledged <= answers; acknowledged++)
        {
            store.Progress[alert.AlertId] = [new AlertProgressReader.Row(alert.AlertId, Now, new NetworkProgress(Kerkplein, answers, 0, answers, 0, 0, acknowledged))];
            feed.RaiseProgressChanged([alert.AlertId]);
            await Task.Delay(50);
        }
        await allShown.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The first read comes after a moment's gathering, then at most one a second (re-reading every 250 ms, as
        // before, read four a second), and the last answer is shown.
        Assert.InRange(store.ProgressReads.Count, 1, (int)Math.Ceiling(clock.Elapsed.TotalSeconds) + 1);
    }

    [Fact]
    public async Task Closing_an_incident_takes_it_and_its_alerts_off_the_map_and_keeps_it_findable_as_closed()
    {
        var store = new CountingStore();
        var incident = store.Add();
        var alert = new OpenAlert(Guid.NewGuid(), incident.Id, Now, [Kerkplein]);
        store.Alerts.Add(alert);
        var (state, feed) = await StartedAsync(store);
        store.Incidents[incident.Id] = new IncidentView { Id = incident.Id, Category = "burglary", Status = IncidentStatus.Closed, ReportedAt = Now, ClosedAt = Now, NetworkIds = [Kerkplein] };

        var snapshot = await AfterAsync(state, feed, new IncidentClosed(incident.Id, IncidentOutcome.NothingFound, null, Now));

        Assert.Empty(snapshot.Incidents);
        Assert.Empty(snapshot.Alerts);
        Assert.Equal(IncidentStatus.Closed, snapshot.Find(incident.Id)?.Status);
        Assert.Equal(1, store.OpenListReads);
    }
}
