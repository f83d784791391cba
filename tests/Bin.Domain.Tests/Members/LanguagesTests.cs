using Bin.Domain;
using Bin.Domain.Members;

namespace Bin.Domain.Tests.Members;

public class LanguagesTests
{
    [Fact]
    public void Members_can_get_tips_in_dutch_french_german_and_english_with_dutch_first()
    {
        Assert.Equal([Language.Nl, Language.Fr, Language.De, Language.En], Languages.All);
        Assert.Equal(Language.Nl, Languages.Default);
        Assert.Equal(["nl", "fr", "de", "en"], Languages.All.Select(l => l.Code()));
    }

    [Theory]
    [InlineData("nl", Language.Nl)]
    [InlineData("nl-BE", Language.Nl)]
    [InlineData("NL", Language.Nl)]
    [InlineData("FR", Language.Fr)]
    [InlineData("fr-be", Language.Fr)]
    [InlineData("de_BE", Language.De)]
    [InlineData(" en-GB ", Language.En)]
    public void Codes_are_read_regardless_of_case_and_region(string value, Language expected)
    {
        Assert.Equal(expected, Languages.Parse(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_language_means_dutch(string? value)
    {
        Assert.Equal(Language.Nl, Languages.Parse(value));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("nederlands")]
    [InlineData("-BE")]
    public void Other_languages_are_refused_with_the_choices(string value)
    {
        var ex = Assert.Throws<DomainException>(() => Languages.Parse(value));

        Assert.Equal("language", ex.Field);
        Assert.Contains("choose nl, fr, de or en", ex.Message);
    }
}
