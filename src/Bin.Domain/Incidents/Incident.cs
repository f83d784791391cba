namespace Bin.Domain.Incidents;

/// <summary>The state of one incident as its decisions need it, folded from its events.</summary>
public sealed record Incident(
    Guid Id,
    double Latitude,
    double Longitude,
    string Category,
    string Description,
    ReporterKind ReporterKind,
    IReadOnlyList<Guid> NetworkIds,
    IncidentStatus Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? ClosedAt,
    IncidentOutcome? Outcome)
{
    public static Incident Create(IncidentReported e) =>
        new(e.IncidentId, e.Latitude, e.Longitude, e.Category, e.Description, e.ReporterKind, e.NetworkIds,
            IncidentStatus.Reported, e.ReportedAt, VerifiedAt: null, ClosedAt: null, Outcome: null);

    public Incident Apply(IncidentVerified e) => this with { Status = IncidentStatus.Verified, VerifiedAt = e.VerifiedAt };

    public Incident Apply(IncidentUpdated e) => this with
    {
        Category = e.Category,
        Description = e.Description,
        Latitude = e.Latitude,
        Longitude = e.Longitude,
        NetworkIds = e.NetworkIds,
    };

    public Incident Apply(IncidentClosed e) => this with { Status = IncidentStatus.Closed, ClosedAt = e.ClosedAt, Outcome = e.Outcome };
}
