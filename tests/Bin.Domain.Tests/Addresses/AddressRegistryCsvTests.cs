using System.Globalization;
using Bin.Domain.Addresses;
using Bin.Domain.Geometry;

namespace Bin.Domain.Tests.Addresses;

public class AddressRegistryCsvTests
{
    private const string Header = "ID;STRAATNMID;STRAATNM;HUISNR;APPNR;BUSNR;HNRLABEL;NISCODE;GEMEENTE;POSTCODE;HERKOMST;X;Y";

    /// <summary>A line of the registry's export for a WGS84 position (written as Lambert 72 metres, as the export does).</summary>
    private static string Line(string id, string street, string number, double lat, double lon, string box = "", string postcode = "3920", string municipality = "Lommel")
    {
        var (x, y) = BelgianLambert.FromWgs84(lon, lat, ImportCrs.Lambert72);
        return string.Create(CultureInfo.InvariantCulture, $"{id};1;{street};{number};;{box};{number};71037;{municipality};{postcode};afgeleidVanGebouw;{x:0.00};{y:0.00}");
    }

    private static AddressFileReading Read(params string[] lines) =>
        AddressRegistryCsv.Read(new StringReader(string.Join("\n", lines)), ServiceArea.Lommel);

    [Fact]
    public void Addresses_inside_the_zone_are_read_with_their_position_in_wgs84_and_those_outside_are_left_out()
    {
        var reading = Read(Header,
            Line("2001", "Kerkplein", "1", 51.2309, 5.3131),
            Line("2002", "Stationsstraat", "14", 51.2325, 5.3104, box: "2"),
            Line("9001", "Meir", "1", 51.2190, 4.4050, postcode: "2000", municipality: "Antwerpen"));

        Assert.True(reading.Accepted);
        Assert.Equal(1, reading.OutsideZone);
        Assert.Equal(2, reading.Addresses.Count);
        var kerkplein = reading.Addresses[0];
        Assert.Equal("2001", kerkplein.Id);
        Assert.Equal("Kerkplein 1, 3920 Lommel", kerkplein.Label);
        // Lambert 72 to WGS84 and back again stays within a metre (1e-5 degrees).
        Assert.Equal(51.2309, kerkplein.Latitude, 5);
        Assert.Equal(5.3131, kerkplein.Longitude, 5);
        Assert.Equal("Stationsstraat 14 bus 2, 3920 Lommel", reading.Addresses[1].Label);
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_with_commas_quotes_and_decimal_commas()
    {
        var (x, y) = BelgianLambert.FromWgs84(5.3131, 51.2309, ImportCrs.Lambert72);
        static string Comma(double metres) => metres.ToString("0.00", CultureInfo.GetCultureInfo("nl-BE"));
        var reading = Read("\uFEFFx,y,gemeente,postcode,huisnr,straatnm", $"\"{Comma(x)}\",\"{Comma(y)}\",Lommel,3920,\"3A\",\"Kerkplein\"");

        Assert.True(reading.Accepted, string.Join("; ", reading.Problems));
        Assert.Equal("Kerkplein 3A, 3920 Lommel", Assert.Single(reading.Addresses).Label);
    }

    [Fact]
    public void A_bad_line_rejects_the_whole_file_and_each_problem_names_its_line()
    {
        var reading = Read(Header,
            Line("2001", "Kerkplein", "1", 51.2309, 5.3131),
            "2002;1;;5;;;5;71037;Lommel;3920;x;218000;210000",
            "2003;1;Kerkplein;7;;;7;71037;Lommel;39200;x;218000;210000",
            "2004;1;Kerkplein;9;;;9;71037;Lommel;3920;x;noord;210000",
            "2005;1;Kerkplein");

        Assert.False(reading.Accepted);
        Assert.Empty(reading.Addresses);
        Assert.Equal(
            [new(3, AddressProblem.MissingStreet), new(4, AddressProblem.BadPostcode, "39200"), new(5, AddressProblem.BadCoordinates, "noord 210000"), new AddressFileProblem(6, AddressProblem.Malformed)],
            reading.Problems);
    }

    [Fact]
    public void A_header_without_the_required_columns_is_refused_naming_them()
    {
        var reading = Read("ID;STRAATNM;HUISNR;GEMEENTE", "1;Kerkplein;1;Lommel");

        var problem = Assert.Single(reading.Problems);
        Assert.Equal(new AddressFileProblem(1, AddressProblem.MissingColumns, "POSTCODE, X, Y"), problem);
    }

    [Fact]
    public void An_empty_file_and_a_file_with_nothing_in_the_zone_are_refused()
    {
        Assert.Equal(AddressProblem.Empty, Assert.Single(Read("").Problems).Problem);
        Assert.Equal(AddressProblem.Empty, Assert.Single(Read(Header).Problems).Problem);
        Assert.Equal(AddressProblem.NoneInZone, Assert.Single(Read(Header, Line("9001", "Meir", "1", 51.2190, 4.4050, postcode: "2000")).Problems).Problem);
    }

    [Fact]
    public void A_repeated_registry_id_is_kept_once()
    {
        var reading = Read(Header, Line("2001", "Kerkplein", "1", 51.2309, 5.3131), Line("2001", "Kerkplein", "1", 51.2309, 5.3131));

        Assert.Single(reading.Addresses);
        Assert.Equal(1, reading.Duplicates);
    }

    [Fact]
    public void A_label_reads_as_belgians_write_an_address_also_with_a_box_or_without_a_number()
    {
        Assert.Equal("Kerkplein 12, 3920 Lommel", AddressText.Label("Kerkplein", "12", null, "3920", "Lommel"));
        Assert.Equal("Kerkplein 12 bus 3, 3920 Lommel", AddressText.Label("Kerkplein", "12", "3", "3920", "Lommel"));
        Assert.Equal("Kerkplein, 3920 Lommel", AddressText.Label("Kerkplein", "", null, "3920", "Lommel"));
    }

    [Theory]
    [InlineData("Sint-Jozefslaan 3, 3920 Lommel", "sint jozefslaan 3 3920 lommel")]
    [InlineData("Rue de l'Église 12", "rue de l eglise 12")]
    [InlineData("  KERKPLEIN   1 ", "kerkplein 1")]
    public void Search_keys_ignore_case_accents_and_punctuation(string text, string key) =>
        Assert.Equal(key, AddressText.SearchKey(text));
}
