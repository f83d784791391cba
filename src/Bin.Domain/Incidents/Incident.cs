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
    IncidentOutcome? Outcome) : IFolded<Incident>
{
    public static string Subject => "incident";

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

    /// <summary>Folds an incident's stream, oldest first; null for an empty stream. Events that cannot follow the
    /// history so far (a verification before the report) are skipped, as a replay of a damaged stream must.</summary>
    public static Incident? Fold(IEnumerable<object> events)
    {
        Incident? state = null;
        foreach (var e in events)
        {
            state = (state, e) switch
            {
                (null, IncidentReported r) => Create(r),
                (not null, IncidentVerified v) => state.Apply(v),
                (not null, IncidentUpdated u) => state.Apply(u),
                (not null, IncidentClosed c) => state.Apply(c),
                _ => state,
            };
        }
        return state;
    }
}
