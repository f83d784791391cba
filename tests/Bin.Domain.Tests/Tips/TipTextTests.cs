using Bin.Domain;
using Bin.Domain.Sms;
using Bin.Domain.Tips;

namespace Bin.Domain.Tests.Tips;

public class TipTextTests
{
    [Fact]
    public void A_tip_is_trimmed_and_carries_its_sms_figures()
    {
        var tip = TipText.Validate("  Doe uw buitenverlichting aan.\n");

        Assert.Equal("Doe uw buitenverlichting aan.", tip.Value);
        Assert.Equal(SmsCharset.Gsm7, tip.Sms.Charset);
        Assert.Equal(1, tip.Sms.Segments);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void An_empty_tip_is_refused(string? text)
    {
        var ex = Assert.Throws<DomainException>(() => TipText.Validate(text));

        Assert.Equal("tip", ex.Field);
    }

    [Fact]
    public void Four_segments_are_allowed()
    {
        Assert.Equal(TipText.MaxSegments, TipText.Validate(new string('a', 4 * 153)).Sms.Segments);
    }

    [Fact]
    public void A_fifth_segment_is_refused_with_the_count()
    {
        var ex = Assert.Throws<DomainException>(() => TipText.Validate(new string('a', 4 * 153 + 1)));

        Assert.Equal("tip", ex.Field);
        Assert.Contains("5 SMS segments", ex.Message);
        Assert.Contains("at most 4", ex.Message);
    }

    [Fact]
    public void A_too_long_ucs2_tip_names_the_characters_that_force_it()
    {
        var ex = Assert.Throws<DomainException>(() => TipText.Validate("Fenêtres: " + new string('a', 300)));

        Assert.Contains("5 SMS segments", ex.Message);
        Assert.Contains("ê", ex.Message);
        Assert.Contains("UCS-2", ex.Message);
    }

    [Fact]
    public void Line_breaks_are_allowed_and_normalised()
    {
        var tip = TipText.Validate("Politie Lommel - BIN:\r\nDoe uw licht aan.\rBel 101.");

        Assert.Equal("Politie Lommel - BIN:\nDoe uw licht aan.\nBel 101.", tip.Value);
    }

    [Theory]
    [InlineData("Bel\t101")]
    [InlineData("Bel 101\u0000")]
    [InlineData("Bel\u001B 101")]
    public void Other_control_characters_are_refused(string text)
    {
        var ex = Assert.Throws<DomainException>(() => TipText.Validate(text));

        Assert.Equal("tip", ex.Field);
        Assert.Contains("control character", ex.Message);
    }

    [Fact]
    public void An_accent_typed_as_a_separate_mark_is_composed_so_it_stays_gsm7()
    {
        var tip = TipText.Validate("Caf\u0065\u0301 De Kroon");

        Assert.Equal("Café De Kroon", tip.Value);
        Assert.Equal(SmsCharset.Gsm7, tip.Sms.Charset);
    }
}
