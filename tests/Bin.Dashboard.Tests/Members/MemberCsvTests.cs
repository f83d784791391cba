using System.Globalization;
using System.Text;
using Bin.Dashboard.Features.Members;
using Bin.Domain;

namespace Bin.Dashboard.Tests.Members;

public class MemberCsvTests
{
    private static IReadOnlyList<MemberCsvRow> Read(string text, bool bom = false) =>
        MemberCsv.Read((bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    [Fact]
    public void Semicolons_a_byte_order_mark_and_Windows_line_ends_are_read()
    {
        var rows = Read("name;phone;language\r\nJan Peeters;0470 12 34 56;nl\r\nÉlodie Lambert;0471 12 34 56;fr\r\n", bom: true);

        Assert.Equal([new MemberCsvRow(2, "Jan Peeters", "0470 12 34 56", "nl", null), new MemberCsvRow(3, "Élodie Lambert", "0471 12 34 56", "fr", null)], rows);
    }

    [Fact]
    public void Columns_are_found_by_their_header_in_any_order_and_language_is_optional()
    {
        var rows = Read("GSM,Naam,Adres\n0470123456,Jan Peeters,Kerkplein 1\n");

        Assert.Equal(new MemberCsvRow(2, "Jan Peeters", "0470123456", "", null), Assert.Single(rows));
    }

    [Fact]
    public void Quoted_names_may_hold_the_separator_quotes_and_line_breaks_and_rows_keep_their_file_line()
    {
        var rows = Read("name,phone\n\"Peeters, Jan\",0470123456\n\"Anna \"\"Nan\"\" De Wit\nc/o buren\",0471123456\n\nPiet,0472123456");

        Assert.Equal(["Peeters, Jan", "Anna \"Nan\" De Wit\nc/o buren", "Piet"], rows.Select(r => r.Name));
        Assert.Equal([2, 3, 6], rows.Select(r => r.Row));
    }

    [Theory]
    [InlineData("nl-BE", "zet een naam met ',' erin tussen dubbele aanhalingstekens", "Deze regel heeft 1 veld; verwacht werden er 3, gescheiden door ','.")]
    [InlineData("fr-BE", "mettez un nom contenant « , » entre guillemets doubles", "Cette ligne a 1 champ ; 3 séparés par « , » étaient attendus.")]
    [InlineData("en", "put a name containing ',' in double quotes", "This line has 1 field; expected 3 separated by ','.")]
    public void A_line_with_an_unquoted_separator_in_the_name_is_reported_in_the_readers_language(string culture, string quotes, string oneField)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var rows = Read("name,phone,language\nPeeters, Jan,0470123456,nl\nPiet\n");

        Assert.Contains(quotes, rows[0].Problem);
        Assert.Equal(oneField, rows[1].Problem);
    }

    [Theory]
    [InlineData("Jan Peeters;0470123456;nl\n", "server.csv.noHeader")]
    [InlineData("", "server.csv.empty")]
    [InlineData("\n\n", "server.csv.empty")]
    public void A_file_without_a_usable_header_is_refused(string text, string why)
    {
        var ex = Assert.Throws<DomainException>(() => Read(text));

        Assert.Equal("csv", ex.Field);
        Assert.Equal(why, ex.Key);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_refused_with_a_hint()
    {
        var latin1 = Encoding.Latin1.GetBytes("name;phone\nÉlodie;0470123456\n");

        var ex = Assert.Throws<DomainException>(() => MemberCsv.Read(latin1));

        Assert.Equal("csv", ex.Field);
        Assert.Contains("UTF-8", ex.Message);
    }
}
