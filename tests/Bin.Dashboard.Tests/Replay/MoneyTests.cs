using System.Globalization;
using Bin.Dashboard.Infrastructure.Localization;

namespace Bin.Dashboard.Tests.Replay;

public class MoneyTests
{
    [Fact]
    public void Amounts_in_dutch_have_the_euro_sign_first_and_a_decimal_comma()
    {
        Assert.Equal("€ 19,52", Money.Euro(19.52m, CultureInfo.GetCultureInfo("nl-BE")).Replace('\u00A0', ' '));
        Assert.Equal("€ 1.234,50", Money.Euro(1234.5m, CultureInfo.GetCultureInfo("nl-BE")).Replace('\u00A0', ' '));
    }

    [Fact]
    public void Amounts_in_english_use_a_decimal_point_and_still_the_euro()
    {
        Assert.Equal("€19.52", Money.Euro(19.52m, CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Without_a_culture_the_current_culture_decides()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-BE");
            Assert.Contains("19,52", Money.Euro(19.52m));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
