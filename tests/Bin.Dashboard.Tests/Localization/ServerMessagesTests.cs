using System.Globalization;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;

namespace Bin.Dashboard.Tests.Localization;

/// <summary>The dashboard's own refusals and reports: complete in nl, fr and en, and read in the reader's language.</summary>
public class ServerMessagesTests
{
    private static readonly IReadOnlyList<DomainMessage> All = MessageCatalogue.Of(typeof(ServerMessages));

    private static string In(string culture, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Every_server_message_has_dutch_french_and_english_with_the_same_placeholders_and_its_own_key()
    {
        Assert.True(All.Count > 80, $"only {All.Count} messages found");
        Assert.Empty(MessageCatalogue.Problems([.. All, .. MessageCatalogue.Of(typeof(DomainMessages))]));
        Assert.Empty(All.Where(m => m.En.Length > 25 && (m.Fr == m.En || m.Nl == m.En || m.Fr == m.Nl)).Select(m => m.Key));
    }

    [Theory]
    [InlineData("server.title.tooManyAlerts")]
    [InlineData("server.title.alertedMomentsAgo")]
    [InlineData("server.title.alreadyDecided")]
    public void Problem_titles_have_three_different_languages(string key)
    {
        var texts = new[] { "nl-BE", "fr-BE", "en" }.Select(c => In(c, () => UiText.T(key))).ToList();

        Assert.DoesNotContain(key, texts);
        Assert.Equal(3, texts.Distinct().Count());
    }

    [Theory]
    [InlineData("nl-BE", "Dit is geen geldige JSON: de tekst loopt fout op regel 2, positie 11.")]
    [InlineData("fr-BE", "Ce n'est pas du JSON valable : le texte est incorrect à la ligne 2, position 11.")]
    [InlineData("en", "This is not valid JSON: the text goes wrong at line 2, position 11.")]
    public void A_file_that_is_not_json_is_told_as_a_sentence_with_its_line_and_position(string culture, string expected)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse("{\n  \"type\": bad }"));

        var sentence = In(culture, () => ServerMessages.NotJson(ex).ToString());

        Assert.Equal(expected, sentence);
        Assert.DoesNotContain("BytePositionInLine", sentence);
    }

    [Theory]
    [InlineData("nl-BE", "De geometrie kan niet gelezen worden")]
    [InlineData("fr-BE", "La géométrie est illisible")]
    [InlineData("en", "The geometry cannot be read")]
    public void A_feature_whose_geometry_cannot_be_read_is_reported_without_the_readers_internals(string culture, string expected)
    {
        using var file = JsonDocument.Parse("""
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "name": "Kapot" }, "geometry": { "type": "Polygon", "coordinates": "b" } } ] }
            """);

        var feature = In(culture, () => Assert.Single(NetworkGeoJson.ReadImport(file.RootElement, null)).ReadProblem!);

        Assert.StartsWith(expected, feature);
        Assert.DoesNotContain("Exception", feature);
    }

    [Theory]
    [InlineData("nl-BE", "Het bestand is geen GeoJSON")]
    [InlineData("fr-BE", "Le fichier n'est pas du GeoJSON")]
    [InlineData("en", "The file is not GeoJSON")]
    public void An_import_refused_as_a_whole_says_so_in_the_readers_language(string culture, string expected)
    {
        using var file = JsonDocument.Parse("[1, 2]");

        var ex = Assert.Throws<ImportRejectedException>(() => In(culture, () => NetworkGeoJson.ReadImport(file.RootElement, null).Count.ToString()));

        Assert.StartsWith(expected, In(culture, () => Assert.Single(ex.Problems[0])));
        Assert.Equal("features", ex.Field);
    }

    [Theory]
    [InlineData("nl-BE", "Deze alarmering (12 sms-segmenten) zou het dagbudget van 1000 overschrijden (995 gebruikt); een beheerder moet ze goedkeuren.")]
    [InlineData("fr-BE", "Cette alerte (12 segments SMS) dépasserait le budget du jour de 1000 (995 utilisés) ; un administrateur doit l'approuver.")]
    [InlineData("en", "This alert (12 SMS segments) would pass today's budget of 1000 (995 used); an administrator must approve it.")]
    public void The_budget_safeguard_answers_in_the_readers_language(string culture, string expected)
    {
        var ex = new AlertNeedsApprovalException(new AlertApproval { Segments = 12, Budget = 1000, UsedToday = 995 });

        Assert.Equal(expected, In(culture, () => ex.Message));
        Assert.Equal("budget", ex.Field);
    }

    [Theory]
    [InlineData("nl-BE", "Deze aanvraag werd al goedgekeurd.", "Te veel aanvragen; probeer later opnieuw.")]
    [InlineData("fr-BE", "Cette demande a déjà été approuvée.", "Trop de demandes ; réessayez plus tard.")]
    [InlineData("en", "This request was approved already.", "Too many requests; try again later.")]
    public void Approvals_and_the_join_limit_answer_in_the_readers_language(string culture, string decided, string limited)
    {
        Assert.Equal(decided, In(culture, () => new ApprovalDecidedException(AlertApprovalStatus.Approved).Message));
        Assert.Equal(limited, In(culture, () => new JoinRateLimitedException().Message));
    }
}
