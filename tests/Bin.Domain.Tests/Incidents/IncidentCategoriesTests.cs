using System.Globalization;
using Bin.Domain.Incidents;

namespace Bin.Domain.Tests.Incidents;

public class IncidentCategoriesTests
{
    private static readonly string[] Languages = ["nl", "fr", "de", "en"];

    public static TheoryData<string> AllLanguages => new(Languages);

    [Fact]
    public void The_categories_are_the_fixed_list_of_api_ids()
    {
        Assert.Equal(
            ["burglary", "suspicious-person", "suspicious-vehicle", "theft", "vandalism", "fire", "co", "other"],
            IncidentCategories.All.Select(c => c.Id));
    }

    [Fact]
    public void A_category_is_found_by_its_id_ignoring_case_and_spaces()
    {
        Assert.True(IncidentCategories.TryGet(" Suspicious-Person ", out var category));
        Assert.Same(IncidentCategories.SuspiciousPerson, category);
        Assert.Same(IncidentCategories.Fire, IncidentCategories.Get("fire"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("brand")]
    [InlineData("suspicious")]
    public void An_unknown_id_is_not_a_category(string? id)
    {
        Assert.False(IncidentCategories.TryGet(id, out _));
    }

    [Fact]
    public void Getting_an_unknown_category_names_the_field_and_lists_the_valid_ids()
    {
        var ex = Assert.Throws<DomainException>(() => IncidentCategories.Get("robbery"));

        Assert.Equal("category", ex.Field);
        Assert.Contains("'robbery'", ex.Message);
        Assert.Contains("burglary, suspicious-person, suspicious-vehicle, theft, vandalism, fire, co, other", ex.Message);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Every_category_has_its_own_name_in_each_language(string language)
    {
        var names = IncidentCategories.All.Select(c => c.Name(language)).ToList();

        Assert.All(names, name => Assert.False(string.IsNullOrWhiteSpace(name)));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_dutch_french_and_german_names_are_translations_not_english()
    {
        Assert.All(IncidentCategories.All, c => Assert.All(
            Languages.Where(l => l != "en"),
            language => Assert.NotEqual(c.Name("en"), c.Name(language))));
    }

    [Fact]
    public void Names_are_the_ones_a_belgian_dispatcher_uses()
    {
        Assert.Equal("Inbraak", IncidentCategories.Burglary.Name("nl"));
        Assert.Equal("Verdacht voertuig", IncidentCategories.SuspiciousVehicle.Name("nl"));
        Assert.Equal("Cambriolage", IncidentCategories.Burglary.Name("fr"));
        Assert.Equal("Einbruch", IncidentCategories.Burglary.Name("de"));
        Assert.Equal("CO poisoning", IncidentCategories.CarbonMonoxide.Name("en"));
    }

    [Theory]
    [InlineData("fr-BE", "Personne suspecte")]
    [InlineData("DE", "Verdächtige Person")]
    [InlineData("nl_BE", "Verdachte persoon")]
    [InlineData("es", "Verdachte persoon")]
    [InlineData("", "Verdachte persoon")]
    [InlineData(null, "Verdachte persoon")]
    public void A_name_is_given_in_the_language_asked_or_else_in_dutch(string? language, string expected)
    {
        Assert.Equal(expected, IncidentCategories.SuspiciousPerson.Name(language));
    }

    [Fact]
    public void Every_category_has_its_own_marker_colour_and_glyph()
    {
        Assert.All(IncidentCategories.All, c => Assert.Matches("^#[0-9A-F]{6}$", c.Colour));
        Assert.All(IncidentCategories.All, c => Assert.InRange(c.Icon.Length, 1, 2));
        Assert.Equal(8, IncidentCategories.All.Select(c => c.Colour).Distinct().Count());
        Assert.Equal(8, IncidentCategories.All.Select(c => c.Icon).Distinct().Count());
    }

    [Fact]
    public void A_white_glyph_is_readable_on_every_marker_colour()
    {
        // WCAG 2 contrast ratio of white on the colour; 4.5:1 is the bar for normal text.
        Assert.All(IncidentCategories.All, c => Assert.True(ContrastWithWhite(c.Colour) >= 4.5,
            $"{c.Id} {c.Colour}: {ContrastWithWhite(c.Colour):0.00}:1"));
    }

    private static double ContrastWithWhite(string hex)
    {
        static double Linear(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Linear(hex, 1) + 0.7152 * Linear(hex, 3) + 0.0722 * Linear(hex, 5);
        return 1.05 / (luminance + 0.05);
    }
}
