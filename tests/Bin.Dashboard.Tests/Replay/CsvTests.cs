using System.Text;
using Bin.Dashboard.Features.Replay;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Replay;

/// <summary>The exports open in Excel on a Belgian computer as columns of numbers, not one column of text.</summary>
public class CsvTests
{
    [Fact]
    public void Fields_are_separated_by_semicolons_and_numbers_have_a_decimal_comma()
    {
        var text = new Csv().Row("network", "cost_eur", "rate", "alerts").Row("Kerkplein", 19.52m, 0.5, 1234).ToString();

        Assert.Equal("network;cost_eur;rate;alerts\r\nKerkplein;19,52;0,5;1234\r\n", text);
    }

    [Fact]
    public void Large_and_negative_numbers_have_no_thousands_separator()
    {
        Assert.Equal("12345,60", Csv.Field(12345.6m));
        Assert.Equal("-1,25", Csv.Field(-1.25));
    }

    [Fact]
    public void Text_with_a_semicolon_quote_or_line_break_is_quoted_and_a_comma_needs_no_quotes()
    {
        Assert.Equal("\"Kerkplein; Slachthuis\"", Csv.Field("Kerkplein; Slachthuis"));
        Assert.Equal("\"zei \"\"ok\"\"\"", Csv.Field("zei \"ok\""));
        Assert.Equal("\"twee\nregels\"", Csv.Field("twee\nregels"));
        Assert.Equal("ja, gezien", Csv.Field("ja, gezien"));
    }

    [Fact]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_defused()
    {
        Assert.Equal("'=1+2", Csv.Field("=1+2"));
        Assert.Equal("'+32470", Csv.Field("+32470"));
    }

    [Fact]
    public void Timestamps_stay_iso_8601_in_utc()
    {
        Assert.Equal("2026-03-10T08:30:00Z", Csv.Field(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public async Task The_download_is_utf8_with_a_byte_order_mark_so_excel_shows_accents()
    {
        var result = new Csv().Row("naam").Row("Sénégal-straat").ToResult("export.csv");
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();

        await result.ExecuteAsync(http);

        var bytes = ((MemoryStream)http.Response.Body).ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("naam\r\nSénégal-straat\r\n", Encoding.UTF8.GetString(bytes[3..]));
        Assert.StartsWith("text/csv", http.Response.ContentType);
    }
}
