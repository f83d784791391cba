namespace Bin.Domain.Incidents;

/// <summary>Picks the text for a language from a small table of nl/fr/de/en texts, falling back to Dutch.</summary>
internal static class Translations
{
    public const string DefaultLanguage = "nl";

    /// <summary>Accepts "fr", "FR", "fr-BE" or "fr_BE"; anything unknown or empty gets the Dutch text.</summary>
    public static string Pick(IReadOnlyDictionary<string, string> texts, string? language)
    {
        var code = (language ?? "").Trim();
        var separator = code.IndexOfAny(['-', '_']);
        if (separator >= 0)
            code = code[..separator];
        return texts.TryGetValue(code.ToLowerInvariant(), out var text) ? text : texts[DefaultLanguage];
    }
}
