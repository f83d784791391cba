using Microsoft.Extensions.Localization;

namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>
/// <see cref="IStringLocalizer"/> over the dashboard's own store (<see cref="UiText"/>): services and components
/// can inject <c>IStringLocalizer</c> (or <c>IStringLocalizer&lt;T&gt;</c>) and get the same texts <c>T("key")</c>
/// gives, in the current UI culture. A key without a text comes back as itself, marked <c>ResourceNotFound</c>.
/// </summary>
public sealed class UiTextLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => Find(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = Find(name);
            return new LocalizedString(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var language = UiText.Language;
        return UiText.Entries.Select(e => new LocalizedString(e.Key, language switch { "fr" => e.Fr, "en" => e.En, _ => e.Nl }));
    }

    private static LocalizedString Find(string name) =>
        UiText.Find(name, UiText.Language) is { } text ? new LocalizedString(name, text) : new LocalizedString(name, name, resourceNotFound: true);
}

/// <summary>Every localizer, whatever its type or base name, reads the one store: the dashboard keeps no .resx files.</summary>
public sealed class UiTextLocalizerFactory : IStringLocalizerFactory
{
    private static readonly UiTextLocalizer Localizer = new();

    public IStringLocalizer Create(Type resourceSource) => Localizer;

    public IStringLocalizer Create(string baseName, string location) => Localizer;
}
