using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Features.Replay.Timeline;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Replay.State;

/// <summary>
/// The replay's fold: history entries in, open incidents and alerts in progress out. The server builds the state as
/// of a moment with it from the timeline (<see cref="StateQuery"/>); the replay page starts from such a state and
/// applies the entries that follow while it plays, so playing and scrubbing agree. An alert is in progress from
/// its issue until its incident closes or its acknowledgement window ends; sent feedback shows for
/// <see cref="FeedbackShownFor"/>.
/// </summary>
public sealed class ReplayState(TimeSpan alertWindow)
{
    private readonly Dictionary<Guid, ReplayIncident> _incidents = [];
    private readonly Dictionary<Guid, AlertProgress> _alerts = [];
    private readonly Dictionary<Guid, RecentFeedback> _feedback = [];

    /// <summary>How long sent feedback shows on the map.</summary>
    public static readonly TimeSpan FeedbackShownFor = TimeSpan.FromMinutes(30);

    /// <summary>The moment the state stands at.</summary>
    public DateTimeOffset At { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Changes whenever something visible changes (a marker, a pulse, a count).</summary>
    public int Version { get; private set; }

    public static ReplayState From(ReplaySnapshot snapshot, TimeSpan alertWindow)
    {
        var state = new ReplayState(alertWindow) { At = snapshot.At };
        foreach (var incident in snapshot.Incidents) state._incidents[incident.Id] = incident;
        foreach (var alert in snapshot.Alerts)
            state._alerts[alert.AlertId] = new AlertProgress(alert.AlertId, alert.IncidentId, alert.IssuedAt, alert.ActiveUntil,
                alert.Networks.Select(n => new NetworkCount(n.NetworkId, n.Recipients) { Acknowledged = n.Acknowledged, Replies = n.Replies }).ToList());
        foreach (var feedback in snapshot.Feedback) state._feedback[feedback.FeedbackId] = feedback;
        return state;
    }

    /// <summary>Applies one history entry (in time order).</summary>
    public void Apply(HistoryItem item)
    {
        Expire(item.At);
        if (item.At > At) At = item.At;
        switch (item.Type)
        {
            case TimelineKinds.IncidentReported when item.IncidentId is { } id:
                _incidents[id] = new ReplayIncident(id, item.Latitude ?? 0, item.Longitude ?? 0, item.Category ?? "", IncidentStatus.Reported, item.NetworkIds, item.At);
                break;
            case TimelineKinds.IncidentUpdated when item.IncidentId is { } id:
                _incidents[id] = _incidents.TryGetValue(id, out var before)
                    ? before with { Latitude = item.Latitude ?? before.Latitude, Longitude = item.Longitude ?? before.Longitude, Category = item.Category ?? before.Category, NetworkIds = item.NetworkIds }
                    : new ReplayIncident(id, item.Latitude ?? 0, item.Longitude ?? 0, item.Category ?? "", IncidentStatus.Reported, item.NetworkIds, item.At);
                break;
            case TimelineKinds.IncidentVerified when item.IncidentId is { } id && _incidents.TryGetValue(id, out var reported):
                _incidents[id] = reported with { Status = IncidentStatus.Verified };
                break;
            case TimelineKinds.IncidentClosed when item.IncidentId is { } id:
                _incidents.Remove(id);
                foreach (var alert in _alerts.Values.Where(a => a.IncidentId == id).ToList()) _alerts.Remove(alert.AlertId);
                break;
            case TimelineKinds.AlertIssued when item.AlertId is { } alertId && item.IncidentId is { } incidentId:
                _alerts[alertId] = new AlertProgress(alertId, incidentId, item.At, item.At + alertWindow,
                    item.NetworkIds.Select(n => new NetworkCount(n, item.Recipients?.GetValueOrDefault(n) ?? 0)).ToList());
                break;
            case TimelineKinds.Acknowledgements or TimelineKinds.TipAcknowledged when Find(item) is { } network:
                network.Acknowledged += item.Count ?? 1;
                break;
            case TimelineKinds.ReplyReceived when Find(item) is { } network:
                network.Replies++;
                break;
            case TimelineKinds.FeedbackSent when item.FeedbackId is { } feedbackId && item.AlertId is { } alertId:
                _feedback[feedbackId] = new RecentFeedback(feedbackId, alertId, item.NetworkIds, item.At, item.Count ?? 0);
                break;
            default:
                return;
        }
        Version++;
    }

    /// <summary>Moves the state to <paramref name="at"/>: alerts whose window ended by then are no longer in progress.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        Expire(at);
        At = at;
    }

    public ReplaySnapshot Snapshot() => new(
        At,
        _incidents.Values.OrderBy(i => i.ReportedAt).ThenBy(i => i.Id).ToList(),
        _alerts.Values.OrderBy(a => a.IssuedAt).ThenBy(a => a.AlertId)
            .Select(a => new ReplayAlert(a.AlertId, a.IncidentId, a.IssuedAt, a.ActiveUntil,
                a.Networks.Select(n => new AlertNetworkProgress(n.NetworkId, n.Recipients, n.Acknowledged, n.Replies)).ToList()))
            .ToList(),
        _feedback.Values.OrderBy(f => f.SentAt).ThenBy(f => f.FeedbackId).ToList());

    public IReadOnlyCollection<ReplayIncident> Incidents => _incidents.Values;

    /// <summary>Networks that were sent feedback within <see cref="FeedbackShownFor"/>.</summary>
    public IReadOnlySet<Guid> NetworksWithFeedback => _feedback.Values.SelectMany(f => f.NetworkIds).ToHashSet();

    /// <summary>Networks with an alert in progress, with their figures summed over those alerts.</summary>
    public IReadOnlyDictionary<Guid, AlertNetworkProgress> AlertedNetworks =>
        _alerts.Values.SelectMany(a => a.Networks)
            .GroupBy(n => n.NetworkId)
            .ToDictionary(g => g.Key, g => new AlertNetworkProgress(g.Key, g.Sum(n => n.Recipients), g.Sum(n => n.Acknowledged), g.Sum(n => n.Replies)));

    private NetworkCount? Find(HistoryItem item) =>
        item.AlertId is { } alertId && _alerts.TryGetValue(alertId, out var alert) && item.NetworkIds.Count > 0
            ? alert.Networks.FirstOrDefault(n => n.NetworkId == item.NetworkIds[0])
            : null;

    private void Expire(DateTimeOffset at)
    {
        foreach (var alert in _alerts.Values.Where(a => a.ActiveUntil <= at).ToList())
        {
            _alerts.Remove(alert.AlertId);
            Version++;
        }
        foreach (var feedback in _feedback.Values.Where(f => f.SentAt + FeedbackShownFor <= at).ToList())
        {
            _feedback.Remove(feedback.FeedbackId);
            Version++;
        }
    }

    private sealed record AlertProgress(Guid AlertId, Guid IncidentId, DateTimeOffset IssuedAt, DateTimeOffset ActiveUntil, List<NetworkCount> Networks);

    private sealed class NetworkCount(Guid networkId, int recipients)
    {
        public Guid NetworkId { get; } = networkId;
        public int Recipients { get; } = recipients;
        public int Acknowledged { get; set; }
        public int Replies { get; set; }
    }
}
