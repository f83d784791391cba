using Bin.Domain.Alerts;

namespace Bin.Domain.Tests.Alerts;

public class PersonalDataCheckTests
{
    /// <summary>Texts that carry personal data, in nl, fr and en, with what the rule must find (as written).</summary>
    public static TheoryData<string, PersonalDataKind, string> Found => new()
    {
        // Licence plates: Belgian (current and older formats) and Dutch sidecodes.
        { "Let op een grijze Audi met nummerplaat 1-ABC-123, richting Leopoldsburg.", PersonalDataKind.LicencePlate, "1-ABC-123" },
        { "Voiture blanche immatriculée 2ggh459 vue rue de Mol.", PersonalDataKind.LicencePlate, "2ggh459" },
        { "Suspect car, plate 1 XYZ 987, heading north.", PersonalDataKind.LicencePlate, "1 XYZ 987" },
        { "Oude nummerplaat ABC-123 gezien.", PersonalDataKind.LicencePlate, "ABC-123" },
        { "Bestelwagen met Nederlandse plaat VL-123-K rijdt rond.", PersonalDataKind.LicencePlate, "VL-123-K" },
        { "Dutch van 12-ABC-3 seen near the canal.", PersonalDataKind.LicencePlate, "12-ABC-3" },
        { "Auto met kenteken 68-XX-JL.", PersonalDataKind.LicencePlate, "68-XX-JL" },
        // Phone numbers: Belgian mobile and landline, Dutch, international.
        { "Bel bij vragen naar 0470 12 34 56.", PersonalDataKind.PhoneNumber, "0470 12 34 56" },
        { "Contactez le 011/54.32.10 pour plus d'infos.", PersonalDataKind.PhoneNumber, "011/54.32.10" },
        { "Call +32 470 12 34 56 if you see him.", PersonalDataKind.PhoneNumber, "+32 470 12 34 56" },
        { "Bel de eigenaar op 06-12345678.", PersonalDataKind.PhoneNumber, "06-12345678" },
        { "Appelez le 0032 11 54 32 10.", PersonalDataKind.PhoneNumber, "0032 11 54 32 10" },
        // E-mail addresses.
        { "Foto's naar jan.peeters@telenet.be sturen.", PersonalDataKind.EmailAddress, "jan.peeters@telenet.be" },
        { "Envoyez vos images à marie-claire@exemple.org svp.", PersonalDataKind.EmailAddress, "marie-claire@exemple.org" },
        // National register numbers (valid checksums; born before and after 2000).
        { "Verdachte met rijksregisternummer 85.07.30-033.28 aangehouden.", PersonalDataKind.NationalRegisterNumber, "85.07.30-033.28" },
        { "Numéro national 85073003328 communiqué.", PersonalDataKind.NationalRegisterNumber, "85073003328" },
        { "National number 01.02.03-004.67 found.", PersonalDataKind.NationalRegisterNumber, "01.02.03-004.67" },
        // A street with a house number.
        { "Inbraak in de Kerkstraat 12 vannacht.", PersonalDataKind.StreetAndHouseNumber, "Kerkstraat 12" },
        { "Woning aan de Luikersteenweg 120 bus 4 is doelwit.", PersonalDataKind.StreetAndHouseNumber, "Luikersteenweg 120 bus 4" },
        { "Cambriolage rue de la Station 12 cette nuit.", PersonalDataKind.StreetAndHouseNumber, "rue de la Station 12" },
        { "Vol au 14 avenue Louise hier.", PersonalDataKind.StreetAndHouseNumber, "14 avenue Louise" },
        { "Burglary at 12 Church Street last night.", PersonalDataKind.StreetAndHouseNumber, "12 Church Street" },
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void Personal_data_in_a_tip_is_found_as_written(string text, PersonalDataKind kind, string value)
    {
        var finding = Assert.Single(PersonalDataCheck.Find(text));

        Assert.Equal(kind, finding.Kind);
        Assert.Equal(value, finding.Value);
        Assert.Equal(value, text.Substring(finding.Start, finding.Length));
    }

    /// <summary>Ordinary tips, and things that look like personal data but are not: emergency numbers, times, dates,
    /// amounts, postcodes, road numbers, a street without a house number, an invalid national register number.</summary>
    [Theory]
    [InlineData("Politie Lommel - BIN: inbraak in uw buurt. Doe de buitenverlichting aan en sluit ramen en deuren. Antwoord OK.")]
    [InlineData("Police Lommel - BIN : cambriolage dans votre quartier. Allumez l'éclairage extérieur. Répondez OK.")]
    [InlineData("Police Lommel - BIN: burglary in your area. Turn on your outdoor lights. Reply OK.")]
    [InlineData("Zie je iets verdachts? Bel 101 of in nood 112.")]
    [InlineData("Appelez le 101, ou le 112 en cas d'urgence.")]
    [InlineData("Gezien om 21:40 op 28/11/2026 in de Kerkstraat, richting Stationsplein.")]
    [InlineData("Vu à 21h40 le 28-11-2026 dans la rue de la Station.")]
    [InlineData("Schade geschat op € 2.500, dader vluchtte via de N71 en de E314 naar 3920 Lommel.")]
    [InlineData("Two men, about 1.80 m tall, left along the A2 towards 3900 Pelt.")]
    [InlineData("Nummer 85.07.30-033.29 klopt niet als rijksregisternummer.")]
    [InlineData("Blijf op-en-neer letten, in-2-uur komt de politie langs.")]
    [InlineData("Check your doors in Church Street and Mill Lane.")]
    public void An_ordinary_tip_has_no_findings(string text)
    {
        Assert.Empty(PersonalDataCheck.Find(text));
    }

    [Fact]
    public void A_tip_with_several_kinds_lists_each_once_in_reading_order()
    {
        var text = "Wagen 1-ABC-123 gezien aan de Kerkstraat 12; info aan jan@voorbeeld.be of 0470 12 34 56.";

        var findings = PersonalDataCheck.Find(text);

        Assert.Equal(
            [PersonalDataKind.LicencePlate, PersonalDataKind.StreetAndHouseNumber, PersonalDataKind.EmailAddress, PersonalDataKind.PhoneNumber],
            findings.Select(f => f.Kind));
    }

    [Fact]
    public void A_national_register_number_is_not_also_reported_as_a_phone_number()
    {
        var finding = Assert.Single(PersonalDataCheck.Find("RRN 85073003328."));

        Assert.Equal(PersonalDataKind.NationalRegisterNumber, finding.Kind);
    }

    [Fact]
    public void Each_finding_describes_its_kind_value_and_why_it_matters()
    {
        var finding = Assert.Single(PersonalDataCheck.Find("Bel 0470 12 34 56."));

        Assert.StartsWith("phone-number \"0470 12 34 56\": ", finding.Describe());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_text_has_no_findings(string? text)
    {
        Assert.Empty(PersonalDataCheck.Find(text));
    }
}
