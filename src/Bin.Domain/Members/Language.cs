namespace Bin.Domain.Members;

/// <summary>A language a member gets tips in. Dutch first: it is the default (nl-BE).</summary>
public enum Language
{
    Nl,
    Fr,
    De,
    En,
}

public static class Languages
{
    public const Language Default = Language.Nl;

    public static IReadOnlyList<Language> All { get; } = [Language.Nl, Language.Fr, Language.De, Language.En];

    /// <summary>The ISO 639-1 code: "nl", "fr", "de", "en".</summary>
    public static string Code(this Language language) => language switch
    {
        Language.Nl => "nl",
        Language.Fr => "fr",
        Language.De => "de",
        Language.En => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <summary>
    /// Reads a language code, tolerant of case and of a region or script ("nl-BE", "FR", "de_BE").
    /// No value at all means the default, Dutch.
    /// </summary>
    public static Language Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return Default;

        var primary = value.Trim().Split('-', '_')[0].ToLowerInvariant();
        foreach (var language in All)
        {
            if (language.Code() == primary)
                return language;
        }
        throw new DomainException(
            DomainMessages.LanguageUnknown.With(value.Trim(), string.Join(", ", All.Take(All.Count - 1).Select(Code)), All[^1].Code()),
            "language");
    }
}
