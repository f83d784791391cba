namespace Bin.Domain.Alerts;

/// <summary>
/// The officer confirmed that a tip carries personal data on purpose (say, a wanted vehicle's plate). Appended to the
/// alert's stream with <see cref="AlertIssued"/>, so the audit shows who let what through. Only the kinds are kept: the
/// values are in the tip's text already, and the event log should not hold them twice.
/// </summary>
public sealed record PersonalDataConfirmed(Guid AlertId, IReadOnlyList<string> Kinds, int Findings, DateTimeOffset ConfirmedAt);

/// <summary>A tip holds personal data and the officer has not confirmed it: the findings say what and where.</summary>
public sealed class PersonalDataFound(IReadOnlyList<PersonalDataFinding> findings)
    : DomainException(DomainMessages.PersonalData.With(string.Join(", ", findings.Select(f => PersonalDataCheck.Code(f.Kind)).Distinct())), "tip")
{
    public IReadOnlyList<PersonalDataFinding> Findings { get; } = findings;
}

public static class PersonalDataDecisions
{
    /// <summary>
    /// Checks an officer's own text before it is sent: nothing found → null; found and not confirmed → refused with the
    /// findings; found and confirmed → the confirmation to record. Library tips are written without personal data and
    /// are not checked.
    /// </summary>
    /// <exception cref="PersonalDataFound">Personal data found and <paramref name="confirmed"/> is false.</exception>
    public static PersonalDataConfirmed? Check(AlertIssued issued, bool confirmed, DateTimeOffset now)
    {
        if (issued.TipTemplateId is not null) return null;
        var findings = issued.Texts.Values.Distinct(StringComparer.Ordinal).SelectMany(PersonalDataCheck.Find).ToList();
        if (findings.Count == 0) return null;
        if (!confirmed) throw new PersonalDataFound(findings);
        return new PersonalDataConfirmed(issued.AlertId, findings.Select(f => PersonalDataCheck.Code(f.Kind)).Distinct().ToList(), findings.Count, now);
    }
}
