using System.Globalization;

namespace Bin.Domain;

/// <summary>
/// One thing the domain can say to a user, with a stable <see cref="Key"/> and its text in the three interface
/// languages. Texts are composite formats (<c>{0}</c>, <c>{1:N0}</c>): the arguments are formatted in the reader's
/// culture, and an argument that is itself a <see cref="DomainText"/> (a status, a step) comes out in the same language.
/// </summary>
public sealed class DomainMessage(string key, string nl, string fr, string en) : IFormattable
{
    public string Key { get; } = key;
    public string Nl { get; } = nl;
    public string Fr { get; } = fr;
    public string En { get; } = en;

    /// <summary>The text of <paramref name="language"/> ("nl", "fr" or "en"); Dutch for any other.</summary>
    public string Template(string language) => language switch
    {
        "fr" => Fr,
        "en" => En,
        _ => Nl,
    };

    public DomainText With(params object?[] arguments) => new(this, arguments);

    public static implicit operator DomainText(DomainMessage message) => new(message, []);

    public override string ToString() => Key;

    // As an argument of another message it reads like that message: in the same language.
    string IFormattable.ToString(string? format, IFormatProvider? provider) => ((IFormattable)With()).ToString(format, provider);
}

/// <summary>A <see cref="DomainMessage"/> with its arguments; read it in a culture with <see cref="ToString(CultureInfo)"/>.</summary>
public sealed class DomainText(DomainMessage message, object?[] arguments) : IFormattable
{
    public DomainMessage Message { get; } = message;
    public IReadOnlyList<object?> Arguments { get; } = arguments;
    public string Key => Message.Key;

    public string ToString(CultureInfo culture)
    {
        var formatting = UiLanguages.FormattingCulture(culture);
        return string.Format(formatting, Message.Template(UiLanguages.Of(culture)), [.. Arguments]);
    }

    /// <summary>In the current UI culture: the language the user chose (Dutch by default).</summary>
    public override string ToString() => ToString(CultureInfo.CurrentUICulture);

    // string.Format hands its culture to each argument, so a nested text follows the outer one's language.
    string IFormattable.ToString(string? format, IFormatProvider? provider) =>
        ToString(provider as CultureInfo ?? CultureInfo.CurrentUICulture);
}

/// <summary>The interface languages: Dutch (the default), French and English.</summary>
public static class UiLanguages
{
    public const string Default = "nl";

    public static IReadOnlyList<string> All { get; } = ["nl", "fr", "en"];

    /// <summary>"nl", "fr" or "en" for a culture; Dutch for any other (the invariant culture included).</summary>
    public static string Of(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "fr" => "fr",
        "en" => "en",
        _ => Default,
    };

    /// <summary>
    /// The culture numbers and dates are written in: the reader's own when it is specific and in one of the
    /// languages, else the Belgian variant of the language (a neutral "fr" writes like fr-BE).
    /// </summary>
    public static CultureInfo FormattingCulture(CultureInfo culture)
    {
        var language = Of(culture);
        if (!culture.IsNeutralCulture && culture.TwoLetterISOLanguageName == language) return culture;
        return CultureInfo.GetCultureInfo(language + "-BE");
    }
}
