using Bin.Dashboard.Infrastructure.Localization;
using System.Threading.Channels;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Alerts;
using Bin.Domain.Incidents;
using Marten;

namespace Bin.Dashboard.Features.Map;

/// <summary>
/// What every open map of this node shows, kept once per node and updated from the events themselves: the open
/// incidents (newest first), the alerts of those incidents and their progress per network. An incident event re-reads
/// only that incident, an <see cref="AlertIssued"/> adds the alert from the event (its figures come with the next
/// progress read), and a progress notification re-reads only the named alerts' summary rows
/// (<see cref="AlertProgressTable"/>). The cost of an event is therefore the same with one map open or fifty; each
/// circuit only filters the snapshot for its user and renders.
/// Everything is applied by one worker in the order it arrives; a snapshot is immutable and shared by every circuit.
/// </summary>
public sealed class MapLiveState : IDisposable
{
    /// <summary>Recently closed incidents are kept so a map that has one selected shows it closed without a read.</summary>
    private const int ClosedKept = 200;

    /// <summary>
    /// Progress notifications come by the hundred during a big alert. A burst is gathered for a moment, and the summary is
    /// re-read at most once a second: as often as a person can follow a changing count, and each re-read that changes a
    /// badge is a message to every open map.
    /// </summary>
    private static readonly TimeSpan ProgressGathering = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private readonly IMapLiveStore _store;
    private readonly LiveFeed _feed;
    private readonly ILogger<MapLiveState> _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new() { SingleReader = true });
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _pendingProgress = [];
    private bool _pendingAll;
    private bool _progressScheduled;

    /// <summary>Counts progress reads: a scheduled tick finding a higher count was overtaken by a read and does nothing.</summary>
    private long _progressReads;
    private long? _lastProgressRead;
    private IDisposable? _subscription;
    private int _started;

    public MapLiveState(IMapLiveStore store, LiveFeed feed, ILogger<MapLiveState> logger, TimeProvider time)
    {
        _store = store;
        _feed = feed;
        _logger = logger;
        _time = time;
    }

    /// <summary>
    /// The latest snapshot, after each change. Raised on the worker, but each handler runs in the context it subscribed
    /// from (its circuit's language), see CircuitCulture.cs; subscribers still marshal to their circuit.
    /// </summary>
    public event Action<MapSnapshot>? Changed { add => _changed.Add(value); remove => _changed.Remove(value); }

    private readonly SubscriberContextEvent<Action<MapSnapshot>> _changed = new();

    public MapSnapshot Current { get; private set; } = MapSnapshot.Empty;

    /// <summary>The snapshot the subscribers last had; <see cref="Current"/> may be ahead by alerts waiting for the tick.</summary>
    private MapSnapshot _raised = MapSnapshot.Empty;

    /// <summary>The current snapshot, loading it first if this is the first map of the node.</summary>
    public async Task<MapSnapshot> CurrentAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // Subscribe before loading: whatever happens during the load is applied after it (re-reads are idempotent).
            _subscription = _feed.Subscribe(e => e.Data is IncidentReported or IncidentVerified or IncidentUpdated or IncidentClosed or AlertIssued,
                batch => { _work.Writer.TryWrite(new Work(batch, false)); return Task.CompletedTask; });
            _feed.ProgressChanged += OnProgressChanged;
            // The worker serves every map of the node: it must not carry the first circuit's context (its language).
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(RunAsync, CancellationToken.None);
        }
        await _loaded.Task.WaitAsync(ct);
        return Current;
    }

    private void OnProgressChanged(IReadOnlyList<Guid>? alertIds)
    {
        TimeSpan delay;
        long reads;
        lock (_gate)
        {
            if (alertIds is null) _pendingAll = true;
            else _pendingProgress.UnionWith(alertIds);
            if (_progressScheduled) return;
            _progressScheduled = true;
            var untilInterval = _lastProgressRead is { } last ? ProgressInterval - _time.GetElapsedTime(last) : TimeSpan.Zero;
            delay = untilInterval > ProgressGathering ? untilInterval : ProgressGathering;
            reads = _progressReads;
        }
        _ = Task.Delay(delay, _time).ContinueWith(_ => _work.Writer.TryWrite(new Work(null, true, reads)), TaskScheduler.Default);
    }

    private bool ProgressPending
    {
        get { lock (_gate) return _progressScheduled; }
    }

    private async Task RunAsync()
    {
        while (!_loaded.Task.IsCompleted)
        {
            try
            {
                Current = _raised = await LoadAsync(CancellationToken.None);
                _loaded.TrySetResult();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The first map waits; the database may be starting.
                _logger.LogWarning(ex, "Loading the live map state failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), _time);
            }
        }
        await foreach (var work in _work.Reader.ReadAllAsync())
        {
            try
            {
                if (work.Events is null && work.Reads != Interlocked.Read(ref _progressReads)) continue;
                var next = work.Events is { } batch ? await ApplyAsync(Current, batch, CancellationToken.None) : await RefreshProgressAsync(Current, CancellationToken.None);
                Current = next;
                if (ReferenceEquals(next, _raised)) continue;
                // Incidents are shown at once (a marker within a moment of the report). Alerts, like their progress, change
                // only badges: they wait for the progress tick, so badges change at most about once a second, and a new
                // alert is one message to every open map less. An incident shown takes the waiting progress along: the
                // maps get both in one render, and the tick that would have followed has nothing left to do.
                var incidentsChanged = !ReferenceEquals(next.Incidents, _raised.Incidents) || !ReferenceEquals(next.Closed, _raised.Closed);
                if (incidentsChanged && !work.Progress && ProgressPending) Current = next = await RefreshProgressAsync(next, CancellationToken.None);
                if (work.Progress || incidentsChanged)
                {
                    _raised = next;
                    _changed.Raise(h => h(next), ex => _logger.LogWarning(ex, "A map subscriber failed"));
                }
                else OnProgressChanged([]);
            }
            catch (Exception ex)
            {
                // A failed read leaves the last good snapshot; the next event or notification brings it up to date.
                _logger.LogWarning(ex, "Applying live updates to the map state failed");
            }
        }
    }

    private async Task<MapSnapshot> LoadAsync(CancellationToken ct)
    {
        var incidents = await _store.OpenIncidentsAsync(GetIncidents.MaxLimit, ct);
        var alerts = await _store.AlertsOfAsync(incidents.Select(i => i.Id).ToList(), ct);
        var progress = await ProgressOfAsync(alerts.Select(a => a.AlertId).ToList(), ct);
        return new MapSnapshot(incidents, new Dictionary<Guid, IncidentView>(), alerts, progress);
    }

    /// <summary>Applies one batch of events: re-reads the incidents it names, adds the alerts it issues.</summary>
    internal async Task<MapSnapshot> ApplyAsync(MapSnapshot state, IReadOnlyList<LiveEvent> batch, CancellationToken ct)
    {
        var changedIncidents = batch.Select(e => e.Data switch
        {
            IncidentReported r => r.IncidentId,
            IncidentVerified v => v.IncidentId,
            IncidentUpdated u => u.IncidentId,
            IncidentClosed c => c.IncidentId,
            _ => Guid.Empty,
        }).Where(id => id != Guid.Empty).Distinct().ToList();
        var issued = batch.Select(e => e.Data).OfType<AlertIssued>().ToList();
        if (changedIncidents.Count == 0 && issued.Count == 0) return state;

        var incidents = state.Incidents;
        var closed = state.Closed;
        var alerts = state.Alerts;
        var progress = state.Progress;
        if (changedIncidents.Count > 0)
        {
            var views = await _store.IncidentsAsync(changedIncidents, ct);
            var byId = views.ToDictionary(v => v.Id);
            var open = incidents.Where(i => !byId.ContainsKey(i.Id)).Concat(views.Where(v => v.Status != IncidentStatus.Closed));
            incidents = open.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id).ToList();
            var nowClosed = views.Where(v => v.Status == IncidentStatus.Closed).ToList();
            if (nowClosed.Count > 0)
            {
                var gone = nowClosed.Select(v => v.Id).ToHashSet();
                closed = closed.Values.Where(c => !gone.Contains(c.Id)).Concat(nowClosed)
                    .OrderByDescending(c => c.ClosedAt).Take(ClosedKept).ToDictionary(c => c.Id);
                var dropped = alerts.Where(a => gone.Contains(a.IncidentId)).Select(a => a.AlertId).ToHashSet();
                if (dropped.Count > 0)
                {
                    alerts = alerts.Where(a => !dropped.Contains(a.AlertId)).ToList();
                    progress = progress.Where(p => !dropped.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
                }
            }
        }

        var openIds = incidents.Select(i => i.Id).ToHashSet();
        var known = alerts.Select(a => a.AlertId).ToHashSet();
        var added = issued.Where(a => openIds.Contains(a.IncidentId) && !known.Contains(a.AlertId))
            .Select(a => new OpenAlert(a.AlertId, a.IncidentId, a.IssuedAt, a.NetworkIds)).ToList();
        if (added.Count > 0)
        {
            alerts = [.. alerts, .. added];
            // A new alert reaches the maps with the next progress tick (or the next incident), which reads what the alert
            // has sent by then: read now, its figures would be read again by that tick, as its first messages go out.
            OnProgressChanged(added.Select(a => a.AlertId).ToList());
        }
        return new MapSnapshot(incidents, closed, alerts, progress);
    }

    /// <summary>Re-reads the summary rows of the shown alerts that a notification named (all shown alerts for "many").</summary>
    internal async Task<MapSnapshot> RefreshProgressAsync(MapSnapshot state, CancellationToken ct)
    {
        HashSet<Guid> named;
        bool all;
        lock (_gate)
        {
            named = [.. _pendingProgress];
            all = _pendingAll;
            _pendingProgress.Clear();
            _pendingAll = false;
            _progressScheduled = false;
            _lastProgressRead = _time.GetTimestamp();
            _progressReads++;
        }
        var wanted = state.Alerts.Select(a => a.AlertId).Where(id => all || named.Contains(id)).ToList();
        if (wanted.Count == 0) return state;
        var fresh = await ProgressOfAsync(wanted, ct);
        var progress = state.Progress.Where(p => !wanted.Contains(p.Key)).Concat(fresh).ToDictionary(p => p.Key, p => p.Value);
        return state with { Progress = progress };
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<NetworkProgress>>> ProgressOfAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct) =>
        (await _store.ProgressAsync(alertIds, ct)).GroupBy(r => r.AlertId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<NetworkProgress>)g.Select(r => r.Progress).ToList());

    public void Dispose()
    {
        _feed.ProgressChanged -= OnProgressChanged;
        _subscription?.Dispose();
        _work.Writer.TryComplete();
    }

    /// <summary>
    /// An event batch to apply, or (<paramref name="Progress"/>) the coalesced progress notifications to read, scheduled
    /// when <paramref name="Reads"/> progress reads had been made.
    /// </summary>
    private sealed record Work(IReadOnlyList<LiveEvent>? Events, bool Progress, long Reads = 0);
}

/// <summary>
/// The map's state at one moment. <paramref name="Incidents"/>: the open incidents, newest first;
/// <paramref name="Closed"/>: incidents closed recently; <paramref name="Alerts"/>: the alerts of the open incidents;
/// <paramref name="Progress"/>: per alert, its figures per network.
/// </summary>
public sealed record MapSnapshot(
    IReadOnlyList<IncidentView> Incidents,
    IReadOnlyDictionary<Guid, IncidentView> Closed,
    IReadOnlyList<OpenAlert> Alerts,
    IReadOnlyDictionary<Guid, IReadOnlyList<NetworkProgress>> Progress)
{
    public static readonly MapSnapshot Empty = new([], new Dictionary<Guid, IncidentView>(), [], new Dictionary<Guid, IReadOnlyList<NetworkProgress>>());

    /// <summary>The whole zone's badges and markers per UI language, made by the first map that asks and shared by all others.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MapBadges> _zoneBadges = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<MapIncident>> _zoneMarkers = new();

    /// <summary>A changed copy (<c>with</c>) starts without the badges, markers and lists of the snapshot it was made from.</summary>
    private MapSnapshot(MapSnapshot original)
    {
        Incidents = original.Incidents;
        Closed = original.Closed;
        Alerts = original.Alerts;
        Progress = original.Progress;
        _zoneBadges = new();
        _zoneMarkers = new();
        _incidentIds = null;
        _activeNetworks = null;
    }

    /// <summary>
    /// The badges <paramref name="scope"/> may see, in the current UI language. Every map that sees the whole zone
    /// (dispatchers, officers, chiefs, administrators) shares one set per snapshot and language, made once; a
    /// coordinator's are made for that map.
    /// </summary>
    public MapBadges BadgesFor(NetworkScope scope) =>
        scope.WholeZone ? _zoneBadges.GetOrAdd(UiText.Language, _ => MapBadges.Of(NetworkBadges.For(Alerts, Progress, scope))) : MapBadges.Of(NetworkBadges.For(Alerts, Progress, scope));

    /// <summary>
    /// The markers of the incidents <paramref name="incidents"/> (this snapshot's, filtered for the map's user), in the
    /// current UI language. Maps of the whole zone share one list per snapshot and language, and so its serialised form
    /// (see LiveMap); a coordinator's are made for that map.
    /// </summary>
    public IReadOnlyList<MapIncident> MarkersFor(NetworkScope scope, IReadOnlyList<IncidentView> incidents) =>
        scope.WholeZone && ReferenceEquals(incidents, Incidents)
            ? _zoneMarkers.GetOrAdd(UiText.Language, language => MarkersOf(Incidents, language))
            : MarkersOf(incidents, UiText.Language);

    /// <summary>
    /// The markers made so far, per language and incident view: a view is replaced when its incident changes, so while it
    /// is the same instance its marker is too. A new incident then makes one marker, not one for every open incident, and
    /// the maps find every other marker already serialised (see LiveMap). Entries go with their views.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Runtime.CompilerServices.ConditionalWeakTable<IncidentView, MapIncident>> Markers = new();

    private static List<MapIncident> MarkersOf(IReadOnlyList<IncidentView> incidents, string language)
    {
        var made = Markers.GetOrAdd(language, _ => []);
        return incidents.Select(i => made.GetValue(i, view => MapIncident.Of(view, language))).ToList();
    }

    /// <summary>The ids of the open incidents, made once per snapshot for the maps of the whole zone.</summary>
    public IReadOnlySet<Guid> IncidentIds => _incidentIds ??= Incidents.Select(i => i.Id).ToHashSet();

    private IReadOnlySet<Guid>? _incidentIds;

    /// <summary>The networks with an open incident, in the order they first appear (newest first), made once per snapshot.</summary>
    public IReadOnlyList<Guid> ActiveNetworks => _activeNetworks ??= NetworksOf(Incidents);

    private IReadOnlyList<Guid>? _activeNetworks;

    public static IReadOnlyList<Guid> NetworksOf(IEnumerable<IncidentView> incidents) => incidents.SelectMany(i => i.NetworkIds).Distinct().ToList();

    /// <summary>An incident shown on the map or closed recently; null when neither.</summary>
    public IncidentView? Find(Guid id) => Incidents.FirstOrDefault(i => i.Id == id) ?? Closed.GetValueOrDefault(id);
}

/// <summary>The badges as the map takes them: the short text per network, and the text shown on hover.</summary>
public sealed record MapBadges(IReadOnlyDictionary<Guid, string> Texts, IReadOnlyDictionary<Guid, string> Details)
{
    public static readonly MapBadges None = new(new Dictionary<Guid, string>(), new Dictionary<Guid, string>());

    public static MapBadges Of(IReadOnlyDictionary<Guid, NetworkBadge> badges) =>
        new(badges.ToDictionary(b => b.Key, b => b.Value.Text), badges.ToDictionary(b => b.Key, b => b.Value.Detail));
}

/// <summary>The reads <see cref="MapLiveState"/> makes: the whole open set once per node, then only what an event names.</summary>
public interface IMapLiveStore
{
    Task<IReadOnlyList<IncidentView>> OpenIncidentsAsync(int limit, CancellationToken ct);

    Task<IReadOnlyList<IncidentView>> IncidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    Task<IReadOnlyList<OpenAlert>> AlertsOfAsync(IReadOnlyCollection<Guid> incidentIds, CancellationToken ct);

    Task<IReadOnlyList<AlertProgressReader.Row>> ProgressAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct);
}

internal sealed class MartenMapLiveStore(IDocumentStore store, AlertProgressReader progress) : IMapLiveStore
{
    public async Task<IReadOnlyList<IncidentView>> OpenIncidentsAsync(int limit, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await GetIncidents.QueryAsync(session, new GetIncidents.Filter(null, null, null, null, OpenOnly: true, limit),
            new Infrastructure.Auth.NetworkScope(true, new HashSet<Guid>()), ct);
    }

    public async Task<IReadOnlyList<IncidentView>> IncidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadManyAsync<IncidentView>(ct, ids);
    }

    public async Task<IReadOnlyList<OpenAlert>> AlertsOfAsync(IReadOnlyCollection<Guid> incidentIds, CancellationToken ct)
    {
        if (incidentIds.Count == 0) return [];
        await using var session = store.QuerySession();
        var ids = incidentIds.ToArray();
        var alerts = await session.Query<AlertView>().Where(a => ids.Contains(a.IncidentId)).ToListAsync(ct);
        return alerts.Select(a => new OpenAlert(a.Id, a.IncidentId, a.IssuedAt, a.NetworkIds)).ToList();
    }

    public Task<IReadOnlyList<AlertProgressReader.Row>> ProgressAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct) =>
        progress.ReadAsync(alertIds, ct);
}
