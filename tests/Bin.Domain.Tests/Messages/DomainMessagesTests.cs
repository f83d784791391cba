using System.Globalization;
using Bin.Domain.Alerts;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using Bin.Domain.Members;
using Bin.Domain.Networks;
using Bin.Domain.Tips;
using Bin.Domain.Tests.Incidents;
using Bin.Domain.Tests.Networks;

namespace Bin.Domain.Tests.Messages;

public class DomainMessagesTests
{
    private static readonly IReadOnlyList<DomainMessage> All = MessageCatalogue.Of(typeof(DomainMessages));

    [Fact]
    public void Every_refusal_has_a_text_in_dutch_french_and_english_with_the_same_placeholders()
    {
        Assert.True(All.Count > 150, $"only {All.Count} messages found: does the catalogue still declare public static fields?");
        Assert.Empty(MessageCatalogue.Problems(All));
    }

    [Fact]
    public void Sentences_are_translated_not_copied_from_english()
    {
        // Single words may be the same in two languages ("tab"); a whole sentence copied is a missing translation.
        var copied = All.Where(m => m.En.Length > 25 && (m.Fr == m.En || m.Nl == m.En || m.Fr == m.Nl)).Select(m => m.Key).ToList();

        Assert.Empty(copied);
    }

    [Fact]
    public void The_catalogue_check_finds_a_missing_language_and_a_dropped_placeholder()
    {
        var problems = MessageCatalogue.Problems([
            new DomainMessage("test.missing", "Tekst {0}.", "", "Text {0}."),
            new DomainMessage("test.dropped", "Netwerk {0} telt {1} leden.", "Le réseau {0} compte des membres.", "Network {0} has {1} members."),
        ]);

        Assert.Contains("test.missing: no fr text", problems);
        Assert.Contains(problems, p => p.StartsWith("test.dropped: the languages use different placeholders"));
    }

    [Theory]
    [InlineData("nl-BE", "Deze melding is al afgesloten.")]
    [InlineData("fr-BE", "Cet incident est déjà clôturé.")]
    [InlineData("en", "This incident is already closed.")]
    [InlineData("de-DE", "Deze melding is al afgesloten.")]
    public void A_refusal_reads_in_the_current_ui_language_and_dutch_for_any_other(string culture, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => IncidentDecisions.Close(
            IncidentHistory.Given(IncidentHistory.Reported(), IncidentHistory.Closed()),
            new CloseIncident(IncidentHistory.Id, IncidentOutcome.NothingFound, null), IncidentHistory.Now));

        Assert.Equal(expected, UiCulture.In(culture, () => ex.Message));
        Assert.Equal("incident.alreadyClosed", ex.Key);
    }

    [Fact]
    public void Without_a_chosen_language_a_refusal_is_dutch()
    {
        var ex = Assert.Throws<DomainException>(() => MemberName.Parse(""));

        Assert.Equal("Een naam is verplicht.", UiCulture.In("", () => ex.Message));
        Assert.Equal("Een naam is verplicht.", ex.MessageIn(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_point_outside_the_zone_is_told_with_numbers_in_the_readers_culture()
    {
        var ex = Assert.Throws<DomainException>(() => ServiceArea.Lommel.EnsureInside(51.5, 5.3135));

        Assert.Equal("lat", ex.Field);
        Assert.Equal("De plaats 51,5 N 5,3135 O ligt 29,9 km van het centrum van Politiezone Lommel, buiten het werkgebied van 15 km. Zijn breedte- en lengtegraad verwisseld?",
            UiCulture.In("nl-BE", () => ex.Message));
        Assert.Equal("Le lieu 51,5 N 5,3135 E se trouve à 29,9 km du centre de Politiezone Lommel, hors de sa zone d'intervention de 15 km. La latitude et la longitude ont-elles été inversées ?",
            UiCulture.In("fr-BE", () => ex.Message));
        Assert.Equal("The location 51.5 N 5.3135 E lies 29.9 km from the centre of Politiezone Lommel, outside its 15 km service area. Were latitude and longitude swapped?",
            UiCulture.In("en-GB", () => ex.Message));
    }

    [Theory]
    [InlineData("nl-BE", "0470 12 34 5' is geen geldig telefoonnummer", "een Belgisch gsm-nummer heeft 10 cijfers")]
    [InlineData("fr-BE", "0470 12 34 5 » n'est pas un numéro de téléphone valable", "un numéro de GSM belge compte 10 chiffres")]
    [InlineData("en", "0470 12 34 5' is not a valid phone number", "a Belgian mobile number has 10 digits")]
    public void A_refused_phone_number_says_why_in_each_language(string culture, string what, string why)
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("0470 12 34 5"));

        var message = UiCulture.In(culture, () => ex.Message);
        Assert.Contains(what, message);
        Assert.Contains(why, message);
        Assert.Equal(PhoneProblem.BelgianMobileLength, ex.Problem);
    }

    [Theory]
    [InlineData("nl-BE", "+44 7911 123456: alleen gsm-nummers uit België, Nederland, Frankrijk, Duitsland en Luxemburg worden aanvaard.")]
    [InlineData("fr-BE", "+44 7911 123456 : seuls les numéros de GSM de Belgique, des Pays-Bas, de France, d'Allemagne et du Luxembourg sont acceptés.")]
    [InlineData("en", "+44 7911 123456: only mobile numbers of Belgium, the Netherlands, France, Germany and Luxembourg are accepted.")]
    public void A_number_of_another_country_is_refused_in_each_language(string culture, string expected)
    {
        var ex = Assert.Throws<PhoneNumberException>(() => PhoneNumber.Parse("+44 7911 123456"));

        Assert.Equal(expected, UiCulture.In(culture, () => ex.Message));
    }

    [Theory]
    [InlineData("nl-BE", "De grens overlapt Kerkplein over ongeveer")]
    [InlineData("fr-BE", "La limite chevauche Kerkplein sur environ")]
    [InlineData("en", "The boundary overlaps Kerkplein by about")]
    public void An_overlapping_boundary_is_refused_in_each_language(string culture, string expected)
    {
        var kerkplein = NetworkHistory.Square(5.30, 51.24, 0.005);
        var context = new BoundaryContext(ServiceArea.Lommel, [new NeighbourBoundary(Guid.NewGuid(), "Kerkplein", kerkplein)]);

        var ex = Assert.Throws<BoundaryRejectedException>(() =>
            NetworkBoundaries.EnsureAcceptable(Guid.NewGuid(), NetworkHistory.Square(5.302, 51.24, 0.005), context));

        Assert.StartsWith(expected, UiCulture.In(culture, () => ex.Message));
        Assert.StartsWith(expected, UiCulture.In(culture, () => Assert.Single(ex.Problems)));
        Assert.Equal("boundary.overlap", Assert.Single(ex.Reasons).Key);
    }

    [Fact]
    public void Steps_and_statuses_inside_a_refusal_follow_its_language()
    {
        var ex = Assert.Throws<DomainException>(() => FoundingDecisions.RecordInfoEvening(
            NetworkHistory.Given(NetworkHistory.Proposed(), NetworkHistory.Idea()),
            new RecordInfoEvening(NetworkHistory.Id, DateOnly.FromDateTime(NetworkHistory.Now.UtcDateTime), 40, null), NetworkHistory.Now));

        Assert.Equal("Voor Lindelaan kan de infoavond niet vastgelegd worden: het overleg met het lokale bestuur en de politie is nog niet vastgelegd.",
            UiCulture.In("nl-BE", () => ex.Message));
        Assert.Equal("Impossible d'enregistrer la soirée d'information pour Lindelaan : l'étape « la concertation avec l'autorité locale et la police » n'a pas encore été enregistrée.",
            UiCulture.In("fr-BE", () => ex.Message));
    }

    [Fact]
    public void A_feedback_text_that_is_too_long_is_worded_for_feedback_in_each_language()
    {
        var text = new string('a', 161 * 4);

        var tip = Assert.Throws<DomainException>(() => TipText.Validate(text));
        var feedback = Assert.Throws<DomainException>(() => TipText.Validate(text, DomainMessages.FeedbackRules));

        Assert.StartsWith("De tip vraagt 5 sms-segmenten", UiCulture.In("nl-BE", () => tip.Message));
        Assert.StartsWith("De tekst van de terugkoppeling vraagt 5 sms-segmenten", UiCulture.In("nl-BE", () => feedback.Message));
        Assert.StartsWith("Le texte du retour d'information demande 5 segments SMS", UiCulture.In("fr-BE", () => feedback.Message));
    }

    [Fact]
    public void A_concurrent_change_names_what_changed_in_each_language()
    {
        var ex = new ConcurrentChangeException("incident");

        Assert.Equal("Iemand anders wijzigde deze melding op hetzelfde moment; laad opnieuw en probeer nog eens.", UiCulture.In("nl-BE", () => ex.Message));
        Assert.Equal("Quelqu'un d'autre a modifié cet incident au même moment ; rechargez et réessayez.", UiCulture.In("fr-BE", () => ex.Message));
        Assert.Null(ex.Field);
    }

    [Theory]
    [InlineData("nl-BE", "2 van de netwerken kreeg 4 minuut/minuten geleden een alarmering voor deze melding; verstuur opnieuw met \"repeat\": true.")]
    [InlineData("fr-BE", "2 des réseaux ont reçu une alerte pour cet incident il y a 4 minute(s) ; renvoyez avec \"repeat\": true.")]
    [InlineData("en", "2 of the networks got an alert for this incident 4 minute(s) ago; send again with \"repeat\": true.")]
    public void The_repeat_safeguard_answers_in_each_language(string culture, string expected)
    {
        var now = IncidentHistory.Now;
        var ex = new AlertRepeatException([new RepeatedNetwork(Guid.NewGuid(), now.AddMinutes(-9)), new RepeatedNetwork(Guid.NewGuid(), now.AddMinutes(-4))], now);

        Assert.Equal(expected, UiCulture.In(culture, () => ex.Message));
        Assert.Equal("repeat", ex.Field);
    }

    [Theory]
    [InlineData("nl-BE", "U verstuurde 5 alarmeringen in het afgelopen uur; het maximum is 5.")]
    [InlineData("fr-BE", "Vous avez envoyé 5 alertes au cours de la dernière heure ; le maximum est de 5.")]
    [InlineData("en", "You sent 5 alerts in the last hour, the most allowed is 5.")]
    public void The_hourly_cap_answers_in_each_language(string culture, string expected)
    {
        var ex = new AlertRateLimitedException(DomainMessages.AlertHourlyCap.With(5, 5), TimeSpan.FromMinutes(12));

        Assert.StartsWith(expected, UiCulture.In(culture, () => ex.Message));
        Assert.Equal("rate", ex.Field);
    }
}
