using System.Globalization;

namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>
/// The dashboard's UI languages and the cultures that format in them: Dutch as in Belgium (nl-BE, the default),
/// French as in Belgium (fr-BE) and English. Belgian cultures write "€ 19,52" and "04/12/2026"; English keeps
/// its own number and date habits.
/// </summary>
public static class UiCultures
{
    public const string DefaultLanguage = "nl";

    /// <summary>The culture names offered, default first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["nl-BE", "fr-BE", "en"];

    /// <summary>"nl", "fr" or "en" for a language code or culture name ("fr-BE", "FR", "en-GB"); null when it is none of them.</summary>
    public static string? Recognise(string? language)
    {
        var code = (language ?? "").Trim().Split('-', '_')[0].ToLowerInvariant();
        return UiText.Languages.Contains(code) ? code : null;
    }

    /// <summary>The UI language a culture stands for; anything not offered counts as the default, Dutch.</summary>
    public static string LanguageOf(CultureInfo culture) => culture.Name switch
    {
        // The cultures the dashboard sets, without parsing: every text on every render asks.
        "nl-BE" => "nl",
        "fr-BE" => "fr",
        "en" => "en",
        var name => Recognise(name) ?? DefaultLanguage,
    };

    /// <summary>The culture that formats a UI language ("nl" → nl-BE, "fr" → fr-BE, "en" → en).</summary>
    public static CultureInfo CultureOf(string? language) => CultureInfo.GetCultureInfo(Recognise(language) switch
    {
        "fr" => "fr-BE",
        "en" => "en",
        _ => "nl-BE",
    });

    /// <summary>Makes <paramref name="language"/> the current culture and UI culture of this execution context.</summary>
    public static void Apply(string? language)
    {
        var culture = CultureOf(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
