using Bin.Domain.Sms;

namespace Bin.Domain.Tests.Sms;

public class InboundTextTests
{
    [Theory]
    [InlineData("OK")]
    [InlineData("ok")]
    [InlineData("Ok.")]
    [InlineData("ok!")]
    [InlineData("  OK  ")]
    [InlineData("JA")]
    [InlineData("Ja")]
    [InlineData("oui")]
    [InlineData("Yes")]
    [InlineData("1")]
    [InlineData("1.")]
    [InlineData("\nok\n")]
    public void A_bare_acknowledgement_word_acknowledges(string body)
    {
        var classified = InboundText.Classify(body);

        Assert.Equal(InboundIntent.Acknowledge, classified.Intent);
        Assert.Equal(body.Trim(), classified.Text);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop.")]
    [InlineData("stoppen")]
    [InlineData("ARRET")]
    [InlineData("Arrêt")]
    [InlineData("ARRÊT")]
    [InlineData("arre\u0302t")] // ê typed as e + combining circumflex
    [InlineData("unsubscribe")]
    public void A_bare_stop_word_opts_out(string body)
    {
        Assert.Equal(InboundIntent.OptOut, InboundText.Classify(body).Intent);
    }

    [Theory]
    [InlineData("o k")]
    [InlineData("ok, ik zag een man met een rode jas richting Kerkplein")]
    [InlineData("Ja, de wagen staat nog aan de Lindelaan")]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("stop met die sms'en")]
    [InlineData("okay")]
    [InlineData("y")]
    [InlineData("")]
    public void Anything_else_is_a_reply_for_an_officer(string body)
    {
        var classified = InboundText.Classify(body);

        Assert.Equal(InboundIntent.Reply, classified.Intent);
        Assert.Equal(body, classified.Text);
    }

    [Fact]
    public void A_reply_keeps_its_text_without_surrounding_whitespace()
    {
        var classified = InboundText.Classify("  Verdachte wagen, witte bestelwagen 1-ABC-123  \n");

        Assert.Equal(InboundIntent.Reply, classified.Intent);
        Assert.Equal("Verdachte wagen, witte bestelwagen 1-ABC-123", classified.Text);
    }

    [Fact]
    public void A_missing_body_is_an_empty_reply()
    {
        Assert.Equal(new InboundClassification(InboundIntent.Reply, ""), InboundText.Classify(null));
    }
}
