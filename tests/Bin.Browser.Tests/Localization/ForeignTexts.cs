using System.Text.RegularExpressions;
using Bin.Dashboard.Features.Accounts;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain.Incidents;

namespace Bin.Browser.Tests.Localization;

/// <summary>
/// The texts that exist only in languages other than the one a page is shown in, taken from the dashboard's own
/// stores (UiText with every part, AccountText, the incident categories and outcomes): a page in French that shows
/// "Open meldingen" or "Open incidents" has a part left in another language.
/// </summary>
public static partial class ForeignTexts
{
    /// <summary>Every text of the stores, per UI language.</summary>
    private static IEnumerable<(string Nl, string Fr, string En)> Texts() =>
        UiText.Entries.Select(e => (e.Nl, e.Fr, e.En))
            .Concat(AccountText.Entries.Select(e => (e.Nl, e.Fr, e.En)))
            .Concat(IncidentCategories.All.Select(c => (c.Name("nl"), c.Name("fr"), c.Name("en"))))
            .Concat(Enum.GetValues<IncidentOutcome>().Select(o => (o.Label("nl"), o.Label("fr"), o.Label("en"))));

    private static string In((string Nl, string Fr, string En) text, string language) =>
        language switch { "fr" => text.Fr, "en" => text.En, _ => text.Nl };

    /// <summary>
    /// The fragments (text between placeholders and markup, at least four characters with a letter) that the other
    /// languages have and <paramref name="language"/> never uses, longest first.
    /// </summary>
    public static IReadOnlyList<string> For(string language)
    {
        var texts = Texts().ToList();
        // A fragment that is a word or phrase of this language too ("over" in "over time") is not foreign.
        var own = string.Join("\n", texts.Select(t => In(t, language)));
        return texts
            .SelectMany(t => UiText.Languages.Where(l => l != language).SelectMany(l => Fragments(In(t, l))))
            .Where(f => !Contains(own, f))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(f => f.Length)
            .ToList();
    }

    /// <summary>The fragments of <paramref name="foreign"/> that occur in <paramref name="pageText"/> as whole words.</summary>
    public static IReadOnlyList<string> FoundIn(string pageText, IEnumerable<string> foreign) =>
        foreign.Where(f => Contains(pageText, f)).ToList();

    private static bool Contains(string text, string phrase) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase)}(?![\p{{L}}\p{{N}}])");

    private static IEnumerable<string> Fragments(string text) =>
        Separators().Split(text)
            .Select(f => f.Trim(' ', '\u00A0', '.', ',', ':', ';', '!', '?', '(', ')', '\'', '"', '«', '»', '—', '-', '…', '→', '·', '/', '=', '|'))
            .Where(f => f.Length >= 4 && f.Any(char.IsLetter));

    /// <summary>Placeholders ({0}), markup and the separators between sentences and clauses.</summary>
    [GeneratedRegex(@"\{\d+\}|<[^>]+>|[:;.?!()«»""]\s|\s[—→·]\s|\n")]
    private static partial Regex Separators();
}
