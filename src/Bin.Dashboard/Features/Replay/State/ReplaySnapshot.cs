using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Replay.State;

/// <summary>An incident open at the moment of a snapshot, where it was then.</summary>
public sealed record ReplayIncident(
    Guid Id, double Latitude, double Longitude, string Category, IncidentStatus Status, IReadOnlyList<Guid> NetworkIds, DateTimeOffset ReportedAt);

/// <summary>Where an alert stood in one network: recipients, acknowledgements and replies so far.</summary>
public sealed record AlertNetworkProgress(Guid NetworkId, int Recipients, int Acknowledged, int Replies);

/// <summary>An alert in progress: issued, its incident still open and its acknowledgement window not yet over.</summary>
public sealed record ReplayAlert(Guid AlertId, Guid IncidentId, DateTimeOffset IssuedAt, DateTimeOffset ActiveUntil, IReadOnlyList<AlertNetworkProgress> Networks);

/// <summary>Feedback sent shortly before the moment (within <see cref="ReplayState.FeedbackShownFor"/>), to the alert's networks.</summary>
public sealed record RecentFeedback(Guid FeedbackId, Guid AlertId, IReadOnlyList<Guid> NetworkIds, DateTimeOffset SentAt, int Recipients);

/// <summary>The state as of <see cref="At"/>: open incidents, alerts in progress and recent feedback, in a stable order.</summary>
public sealed record ReplaySnapshot(DateTimeOffset At, IReadOnlyList<ReplayIncident> Incidents, IReadOnlyList<ReplayAlert> Alerts, IReadOnlyList<RecentFeedback> Feedback);
