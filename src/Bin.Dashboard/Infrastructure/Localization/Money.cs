using System.Globalization;

namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>Amounts in euro written the way the user's culture writes money: "€ 19,52" in nl-BE and fr-BE, "€19.52" in English.</summary>
public static class Money
{
    public static string Euro(decimal amount, CultureInfo? culture = null)
    {
        // The neutral "en" culture has no currency of its own (it would print "¤"); the dashboard's money is always euro.
        var format = (NumberFormatInfo)(culture ?? CultureInfo.CurrentCulture).NumberFormat.Clone();
        format.CurrencySymbol = "€";
        // Belgian usage in both languages puts the sign first ("€ 19,52"); .NET's fr-BE would write "19,52 €".
        if ((culture ?? CultureInfo.CurrentCulture).Name.EndsWith("-BE", StringComparison.Ordinal))
        {
            format.CurrencyPositivePattern = 2; // "€ n"
            format.CurrencyNegativePattern = 12; // "€ -n"
        }
        return amount.ToString("C2", format);
    }
}
