using Bin.Domain.Incidents;

namespace Bin.Domain.Tests.Incidents;

/// <summary>
/// The story every incident test tells: <see cref="Given"/> a history of events, folded into the state the
/// decisions see; when a command is decided; then the event, or the refusal with the field at fault.
/// </summary>
internal static class IncidentHistory
{
    public static readonly Guid Id = Guid.Parse("5a1d3c7e-0000-4000-8000-000000000001");
    public static readonly Guid Kerkplein = Guid.Parse("b1000000-0000-4000-8000-000000000001");
    public static readonly Guid Slachthuis = Guid.Parse("b1000000-0000-4000-8000-000000000002");

    /// <summary>Kerkplein, the church square in the centre of Lommel.</summary>
    public const double KerkpleinLatitude = 51.2307;
    public const double KerkpleinLongitude = 5.3135;

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 21, 40, 0, TimeSpan.FromHours(1));

    /// <summary>Folded by the same <see cref="Incident.Fold"/> the dashboard's command pipeline uses.</summary>
    public static Incident? Given(params object[] history) => Incident.Fold(history);

    public static IncidentReported Reported() => new(
        Id, KerkpleinLatitude, KerkpleinLongitude, "burglary", "Man met rugzak aan de achterdeur van een woning.",
        ReporterKind.Member, [Kerkplein], Now.AddMinutes(-20));

    public static IncidentVerified Verified() => new(Id, Now.AddMinutes(-10));

    public static IncidentClosed Closed() => new(Id, IncidentOutcome.NothingFound, null, Now.AddMinutes(-5));

    /// <summary>Then the command is refused; returns the refusal to check its field and message.</summary>
    public static DomainException ThenRefused(Func<object> when) => Assert.Throws<DomainException>(when);
}
