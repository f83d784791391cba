using Bin.Domain.Sms;

namespace Bin.Domain.Tests.Sms;

public class SmsEncodingTests
{
    [Theory]
    [InlineData(1, 1, 159)]
    [InlineData(160, 1, 0)]
    [InlineData(161, 2, 145)]
    [InlineData(306, 2, 0)]
    [InlineData(307, 3, 152)]
    [InlineData(459, 3, 0)]
    [InlineData(460, 4, 152)]
    public void Plain_text_fills_160_septets_then_153_per_part(int length, int segments, int left)
    {
        var analysis = SmsEncoding.Analyze(new string('a', length));

        Assert.Equal(SmsCharset.Gsm7, analysis.Charset);
        Assert.Equal(length, analysis.Units);
        Assert.Equal(segments, analysis.Segments);
        Assert.Equal(left, analysis.CharactersLeftInSegment);
        Assert.Empty(analysis.NonGsmCharacters);
    }

    [Fact]
    public void Empty_text_needs_no_segment()
    {
        var analysis = SmsEncoding.Analyze("");

        Assert.Equal(0, analysis.Segments);
        Assert.Equal(0, analysis.Units);
        Assert.Equal(SmsEncoding.Gsm7SingleSegment, analysis.CharactersLeftInSegment);
    }

    [Fact]
    public void The_euro_sign_counts_as_two_septets()
    {
        var analysis = SmsEncoding.Analyze(new string('a', 159) + "€");

        Assert.Equal(SmsCharset.Gsm7, analysis.Charset);
        Assert.Equal(161, analysis.Units);
        Assert.Equal(2, analysis.Segments);
    }

    [Theory]
    [InlineData("€")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("\\")]
    [InlineData("~")]
    [InlineData("^")]
    [InlineData("|")]
    [InlineData("\f")]
    public void Every_extension_character_costs_an_escape_septet(string character)
    {
        var analysis = SmsEncoding.Analyze(character);

        Assert.Equal(SmsCharset.Gsm7, analysis.Charset);
        Assert.Equal(2, analysis.Units);
    }

    [Fact]
    public void An_escape_pair_is_not_split_across_segments()
    {
        // 152 plain septets, then € would occupy septets 153 and 154: it moves whole to the second part.
        var text = new string('a', 152) + "€" + new string('a', 152);

        var analysis = SmsEncoding.Analyze(text);

        Assert.Equal(306, analysis.Units);
        Assert.Equal(3, analysis.Segments);
    }

    [Fact]
    public void The_whole_default_alphabet_stays_gsm7()
    {
        const string alphabet =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
            "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        var analysis = SmsEncoding.Analyze(alphabet);

        Assert.Equal(SmsCharset.Gsm7, analysis.Charset);
        Assert.Equal(127, analysis.Units);
        Assert.Empty(analysis.NonGsmCharacters);
    }

    [Fact]
    public void Dutch_text_with_e_acute_stays_gsm7()
    {
        var analysis = SmsEncoding.Analyze("Eén verdachte wagen gezien in de Kerkstraat, café De Kroon.");

        Assert.Equal(SmsCharset.Gsm7, analysis.Charset);
        Assert.Empty(analysis.NonGsmCharacters);
    }

    [Fact]
    public void Dutch_text_with_e_diaeresis_switches_to_ucs2_and_names_it()
    {
        var analysis = SmsEncoding.Analyze("Bewoners werden geëvacueerd, politie van België ter plaatse.");

        Assert.Equal(SmsCharset.Ucs2, analysis.Charset);
        Assert.Equal(["ë"], analysis.NonGsmCharacters);
    }

    [Theory]
    [InlineData("ë")]
    [InlineData("ê")]
    [InlineData("ç")]
    [InlineData("â")]
    [InlineData("ô")]
    [InlineData("û")]
    [InlineData("î")]
    [InlineData("ï")]
    [InlineData("–")] // en dash, easily pasted from a word processor
    [InlineData("’")] // curly apostrophe
    [InlineData("`")]
    public void Characters_outside_the_gsm_table_force_ucs2(string character)
    {
        var analysis = SmsEncoding.Analyze("a" + character);

        Assert.Equal(SmsCharset.Ucs2, analysis.Charset);
        Assert.Equal([character], analysis.NonGsmCharacters);
    }

    [Fact]
    public void Capital_c_cedilla_is_gsm_but_small_c_cedilla_is_not()
    {
        Assert.Equal(SmsCharset.Gsm7, SmsEncoding.Analyze("Ç").Charset);
        Assert.Equal(SmsCharset.Ucs2, SmsEncoding.Analyze("ç").Charset);
    }

    [Fact]
    public void Offending_characters_are_listed_once_in_order_of_appearance()
    {
        var analysis = SmsEncoding.Analyze("Fenêtre, façade, fenêtre, ça, forêt");

        Assert.Equal(["ê", "ç"], analysis.NonGsmCharacters);
    }

    [Theory]
    [InlineData(70, 1, 0)]
    [InlineData(71, 2, 63)]
    [InlineData(134, 2, 0)]
    [InlineData(135, 3, 66)]
    public void Ucs2_fills_70_units_then_67_per_part(int length, int segments, int left)
    {
        var analysis = SmsEncoding.Analyze("ê" + new string('a', length - 1));

        Assert.Equal(SmsCharset.Ucs2, analysis.Charset);
        Assert.Equal(length, analysis.Units);
        Assert.Equal(segments, analysis.Segments);
        Assert.Equal(left, analysis.CharactersLeftInSegment);
    }

    [Fact]
    public void An_emoji_counts_as_two_units_and_is_named_whole()
    {
        var analysis = SmsEncoding.Analyze("OK 👍");

        Assert.Equal(SmsCharset.Ucs2, analysis.Charset);
        Assert.Equal(5, analysis.Units);
        Assert.Equal(["👍"], analysis.NonGsmCharacters);
    }

    [Fact]
    public void A_surrogate_pair_is_not_split_across_segments()
    {
        // 66 units, then the emoji would occupy units 67 and 68: it moves whole to the second part.
        var text = new string('a', 66) + "👍" + new string('a', 66);

        var analysis = SmsEncoding.Analyze(text);

        Assert.Equal(134, analysis.Units);
        Assert.Equal(3, analysis.Segments);
    }

    [Fact]
    public void A_single_segment_may_end_on_an_escape_pair()
    {
        var analysis = SmsEncoding.Analyze(new string('a', 158) + "€");

        Assert.Equal(160, analysis.Units);
        Assert.Equal(1, analysis.Segments);
    }
}
