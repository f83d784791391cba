using System.Collections.Frozen;

namespace Bin.Domain.Incidents;

/// <summary>How an incident ended.</summary>
public enum IncidentOutcome
{
    /// <summary>The police caught the suspect.</summary>
    SuspectCaught,
    /// <summary>The police went to look and found nothing.</summary>
    NothingFound,
    /// <summary>There was nothing wrong in the first place.</summary>
    FalseAlarm,
    /// <summary>Another service (fire brigade, another zone, the federal police) took it over.</summary>
    HandedOver,
    /// <summary>Dealt with otherwise.</summary>
    Resolved,
}

/// <summary>Labels for <see cref="IncidentOutcome"/> in nl, fr, de and en.</summary>
public static class IncidentOutcomes
{
    private static readonly FrozenDictionary<IncidentOutcome, IReadOnlyDictionary<string, string>> Labels =
        new Dictionary<IncidentOutcome, IReadOnlyDictionary<string, string>>
        {
            [IncidentOutcome.SuspectCaught] = Texts("Verdachte gevat", "Suspect interpellé", "Verdächtiger festgenommen", "Suspect caught"),
            [IncidentOutcome.NothingFound] = Texts("Niets vastgesteld", "Rien constaté", "Nichts festgestellt", "Nothing found"),
            [IncidentOutcome.FalseAlarm] = Texts("Vals alarm", "Fausse alerte", "Fehlalarm", "False alarm"),
            [IncidentOutcome.HandedOver] = Texts("Overgedragen aan een andere dienst", "Transmis à un autre service", "An einen anderen Dienst übergeben", "Handed over to another service"),
            [IncidentOutcome.Resolved] = Texts("Opgelost", "Résolu", "Erledigt", "Resolved"),
        }.ToFrozenDictionary();

    /// <summary>The label in <paramref name="language"/> ("fr", "fr-BE", …); Dutch when the language is not offered.</summary>
    public static string Label(this IncidentOutcome outcome, string? language) =>
        Labels.TryGetValue(outcome, out var texts)
            ? Translations.Pick(texts, language)
            : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an incident outcome.");

    private static IReadOnlyDictionary<string, string> Texts(string nl, string fr, string de, string en) =>
        new Dictionary<string, string> { ["nl"] = nl, ["fr"] = fr, ["de"] = de, ["en"] = en }.ToFrozenDictionary();
}
