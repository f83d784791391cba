namespace Bin.Domain.Incidents;

/// <summary>Who told the police: a member of a network, someone else (a passer-by, a caller), or a patrol.</summary>
public enum ReporterKind
{
    Member,
    Other,
    Patrol,
}

/// <summary>Where an incident stands: reported, verified by the police, or closed with an outcome.</summary>
public enum IncidentStatus
{
    Reported,
    Verified,
    Closed,
}

// Events carry no names or phone numbers of people: the reporter is only a kind, and the description is the
// dispatcher's own account of what was seen.

/// <summary>An incident (melding) was recorded at a location. <paramref name="NetworkIds"/> are the networks
/// whose area contained it when it was reported; it may be none. <paramref name="Category"/> is a category id.
/// <paramref name="Address"/> is the address the dispatcher picked for the point (null when the point was clicked or
/// typed; events recorded before addresses existed have none).</summary>
public sealed record IncidentReported(
    Guid IncidentId,
    double Latitude,
    double Longitude,
    string Category,
    string Description,
    ReporterKind ReporterKind,
    IReadOnlyList<Guid> NetworkIds,
    DateTimeOffset ReportedAt,
    string? Address = null);

/// <summary>The police confirmed that the incident is real, which allows alerting members.</summary>
public sealed record IncidentVerified(
    Guid IncidentId,
    DateTimeOffset VerifiedAt);

/// <summary>The incident's category, description or location was corrected; <paramref name="NetworkIds"/> are the
/// networks that contain the (possibly moved) location. <paramref name="Address"/> is the address picked for that
/// location, if one was (events recorded before it existed have none).</summary>
public sealed record IncidentUpdated(
    Guid IncidentId,
    string Category,
    string Description,
    double Latitude,
    double Longitude,
    IReadOnlyList<Guid> NetworkIds,
    DateTimeOffset UpdatedAt,
    string? Address = null);

/// <summary>The police closed the incident with an outcome and an optional note.</summary>
public sealed record IncidentClosed(
    Guid IncidentId,
    IncidentOutcome Outcome,
    string? Note,
    DateTimeOffset ClosedAt);
