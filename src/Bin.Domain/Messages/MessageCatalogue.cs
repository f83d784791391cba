using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Bin.Domain;

/// <summary>
/// What makes a catalogue of messages complete: every message has its text in nl, fr and en, keys are unique, and the
/// three texts use the same placeholders (a missing "{1}" in one language would silently drop an argument).
/// </summary>
public static partial class MessageCatalogue
{
    /// <summary>The messages a catalogue class declares as public static fields.</summary>
    public static IReadOnlyList<DomainMessage> Of(Type catalogue) =>
        [.. catalogue.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DomainMessage))
            .Select(f => (DomainMessage)f.GetValue(null)!)];

    /// <summary>Every way <paramref name="messages"/> fall short, one line each; empty when complete.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<DomainMessage> messages)
    {
        var problems = new List<string>();
        var all = messages.ToList();
        foreach (var duplicate in all.GroupBy(m => m.Key).Where(g => g.Count() > 1))
            problems.Add($"{duplicate.Key}: key used {duplicate.Count()} times");
        foreach (var m in all)
        {
            foreach (var language in UiLanguages.All)
            {
                var text = m.Template(language);
                if (string.IsNullOrWhiteSpace(text))
                    problems.Add($"{m.Key}: no {language} text");
            }
            var placeholders = UiLanguages.All.Select(l => string.Join(",", Placeholders(m.Template(l)))).Distinct().ToList();
            if (placeholders.Count > 1)
                problems.Add($"{m.Key}: the languages use different placeholders ({string.Join(" / ", placeholders)})");
            foreach (var language in UiLanguages.All)
            {
                try
                {
                    var arguments = Enumerable.Repeat<object?>(1, Placeholders(m.Template(language)).DefaultIfEmpty(-1).Max() + 1).ToArray();
                    _ = string.Format(CultureInfo.InvariantCulture, m.Template(language), arguments);
                }
                catch (FormatException)
                {
                    problems.Add($"{m.Key}: the {language} text is not a valid format");
                }
            }
        }
        return problems;
    }

    private static IEnumerable<int> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(x => int.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order();

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
