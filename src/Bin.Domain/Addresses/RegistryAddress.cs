using System.Globalization;
using System.Text;

namespace Bin.Domain.Addresses;

/// <summary>
/// One address of the Flemish address registry as the dashboard keeps it: the registry's id (when the source has one),
/// street, house number, box, postcode, municipality and its position in WGS84 degrees.
/// </summary>
public sealed record RegistryAddress(
    string Id,
    string Street,
    string Number,
    string? Box,
    string Postcode,
    string Municipality,
    double Latitude,
    double Longitude)
{
    /// <summary>The address as Belgians write it: "Kerkplein 12 bus 3, 3920 Lommel".</summary>
    public string Label => AddressText.Label(Street, Number, Box, Postcode, Municipality);

    /// <summary>What the search compares a query with (see <see cref="AddressText.SearchKey"/>).</summary>
    public string SearchKey => AddressText.SearchKey(Label);
}

/// <summary>How addresses are written and compared, the same for the index, the online source and a query.</summary>
public static class AddressText
{
    /// <summary>A street without a number (the online service finds streets too) reads "Kerkplein, 3920 Lommel".</summary>
    public static string Label(string street, string number, string? box, string postcode, string municipality)
    {
        var house = string.IsNullOrWhiteSpace(number) ? "" : " " + number;
        var inBox = string.IsNullOrWhiteSpace(box) ? "" : " bus " + box;
        return $"{street}{house}{inBox}, {postcode} {municipality}".Trim().TrimEnd(',');
    }

    /// <summary>
    /// Lower case without accents or punctuation, single spaces: "Sint-Jozefslaan 3, 3920 Lommel" and
    /// "sint jozefslaan 3 lommel" meet, and "Rue de l'Église" is found by typing "eglise".
    /// </summary>
    public static string SearchKey(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && key.Length > 0) key.Append(' ');
                key.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return key.ToString();
    }
}
