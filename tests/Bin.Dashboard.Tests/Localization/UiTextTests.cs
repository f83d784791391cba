using System.Globalization;
using System.Text.RegularExpressions;
using Bin.Dashboard.Features.Accounts;
using Bin.Dashboard.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Bin.Dashboard.Tests.Localization;

/// <summary>Every interface text exists in nl, fr and en, and reaches components and services in the current culture.</summary>
public partial class UiTextTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        GC.SuppressFinalize(this);
    }

    /// <summary>Every store: the shared table with every feature's part, and the account pages' table.</summary>
    public static IEnumerable<(string Store, string Key, string Nl, string Fr, string En)> AllTexts() =>
        UiText.Entries.Select(e => ("UiText", e.Key, e.Nl, e.Fr, e.En))
            .Concat(AccountText.Entries.Select(e => ("AccountText", e.Key, e.Nl, e.Fr, e.En)));

    [Fact]
    public void No_key_misses_a_text_in_any_language()
    {
        var missing = AllTexts()
            .SelectMany(t => new[] { ("nl", t.Nl), ("fr", t.Fr), ("en", t.En) }
                .Where(l => string.IsNullOrWhiteSpace(l.Item2))
                .Select(l => $"{t.Store} {t.Key}: no {l.Item1} text"))
            .ToList();

        Assert.True(AllTexts().Count() > 500, "the stores should hold the dashboard's texts");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_language_of_a_text_has_the_same_placeholders_and_markup()
    {
        static string Shape(string text) => string.Join(" ", Placeholders().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));
        var different = AllTexts()
            .Where(t => Shape(t.Nl) != Shape(t.Fr) || Shape(t.Nl) != Shape(t.En))
            .Select(t => $"{t.Store} {t.Key}: nl [{Shape(t.Nl)}], fr [{Shape(t.Fr)}], en [{Shape(t.En)}]")
            .ToList();

        Assert.True(different.Count == 0, string.Join("\n", different));
    }

    [Fact]
    public void French_texts_are_written_in_French_not_copied_from_Dutch_or_English()
    {
        // Short labels may rightly be the same word ("Code", "Audit", "PostgreSQL"); a sentence never is.
        var copied = AllTexts()
            .Where(t => t.Fr.Split(' ').Count(w => w.Count(char.IsLetter) >= 2) >= 3 && (t.Fr == t.Nl || t.Fr == t.En))
            .Select(t => $"{t.Store} {t.Key}: \"{t.Fr}\"")
            .ToList();

        Assert.True(copied.Count == 0, string.Join("\n", copied));
    }

    [Theory]
    [InlineData("nl-BE", "Open meldingen")]
    [InlineData("fr-BE", "Incidents ouverts")]
    [InlineData("fr-FR", "Incidents ouverts")]
    [InlineData("en", "Open incidents")]
    [InlineData("de-DE", "Open meldingen")]
    public void A_component_s_text_follows_the_current_ui_culture_with_Dutch_for_any_other(string culture, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        Assert.Equal(expected, UiText.T("board.title"));
    }

    [Fact]
    public void Account_texts_follow_the_current_ui_culture()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-BE");

        Assert.Equal("Mon compte", AccountText.T("account.title"));
    }

    [Fact]
    public void Services_get_the_same_texts_through_IStringLocalizer()
    {
        using var services = new ServiceCollection().AddLogging().AddBinLocalization().BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer>();
        var typed = services.GetRequiredService<IStringLocalizer<UiTextTests>>();

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-BE");
        Assert.Equal("Incidents ouverts", localizer["board.title"].Value);
        Assert.Equal("Importé : 1 nouveaux, 2 modifiés, 3 inchangés.", typed["import.done", 1, 2, 3].Value);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Assert.Equal("Open incidents", typed["board.title"].Value);
        Assert.Contains(localizer.GetAllStrings(false), s => s.Name == "board.title" && s.Value == "Open incidents");

        var missing = localizer["no.such.key"];
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("no.such.key", missing.Value);
    }

    [Theory]
    [InlineData("nl-BE", "€ 19,52")]
    [InlineData("fr-BE", "€ 19,52")]
    [InlineData("en", "€19.52")]
    public void Amounts_are_written_in_the_user_s_culture(string culture, string expected)
    {
        Assert.Equal(expected, Money.Euro(19.52m, CultureInfo.GetCultureInfo(culture)).Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Theory]
    [InlineData("fr-BE", "fr")]
    [InlineData("FR", "fr")]
    [InlineData("nl", "nl")]
    [InlineData("en-GB", "en")]
    [InlineData("de", null)]
    [InlineData("", null)]
    public void A_language_is_recognised_by_its_code_or_culture_name(string given, string? expected)
    {
        Assert.Equal(expected, UiCultures.Recognise(given));
    }

    [GeneratedRegex(@"\{\d+\}|</?[a-z]+>")]
    private static partial Regex Placeholders();
}
