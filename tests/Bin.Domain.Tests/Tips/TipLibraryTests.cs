using Bin.Domain;
using Bin.Domain.Members;
using Bin.Domain.Sms;
using Bin.Domain.Tips;

namespace Bin.Domain.Tests.Tips;

public class TipLibraryTests
{
    public static TheoryData<string, Language> EveryTipText()
    {
        var data = new TheoryData<string, Language>();
        foreach (var tip in TipLibrary.All)
        foreach (var language in Languages.All)
            data.Add(tip.Id, language);
        return data;
    }

    public static TheoryData<string, Language> EveryFeedbackText()
    {
        var data = new TheoryData<string, Language>();
        foreach (var template in FeedbackTemplates.All)
        foreach (var language in Languages.All)
            data.Add(template.Id, language);
        return data;
    }

    [Fact]
    public void Every_incident_category_has_at_least_two_tips()
    {
        Assert.Equal(["burglary", "suspicious-person", "suspicious-vehicle", "theft", "vandalism", "fire", "co", "other"], TipLibrary.CategoryIds);
        foreach (var category in TipLibrary.CategoryIds)
            Assert.True(TipLibrary.ForCategory(category).Count >= 2, $"{category} has fewer than two tips");
        Assert.All(TipLibrary.All, tip => Assert.Contains(tip.CategoryId, TipLibrary.CategoryIds));
    }

    [Fact]
    public void Tip_and_feedback_ids_are_unique_and_readable()
    {
        var ids = TipLibrary.All.Select(t => t.Id).Concat(FeedbackTemplates.All.Select(f => f.Id)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]+(-[a-z]+)+$", id));
        Assert.All(TipLibrary.All, tip => Assert.StartsWith(tip.CategoryId + "-", tip.Id));
    }

    [Theory]
    [MemberData(nameof(EveryTipText))]
    public void Every_tip_is_gsm7_fits_two_segments_and_asks_for_ok(string tipId, Language language)
    {
        var tip = TipLibrary.Get(tipId);
        var text = tip.Text(language);

        var sms = SmsEncoding.Analyze(text);
        Assert.True(sms.Charset == SmsCharset.Gsm7, $"{tipId} ({language.Code()}) needs UCS-2 because of {string.Join(" ", sms.NonGsmCharacters)}");
        Assert.True(sms.Segments <= 2, $"{tipId} ({language.Code()}) needs {sms.Segments} segments ({sms.Units} septets)");
        Assert.Contains(" OK", text);
        Assert.Contains("Lommel", text);
        Assert.False(string.IsNullOrWhiteSpace(tip.Title(language)));
        Assert.Equal(text, TipText.Validate(text).Value);
    }

    [Theory]
    [MemberData(nameof(EveryFeedbackText))]
    public void Every_feedback_text_is_gsm7_and_fits_two_segments(string templateId, Language language)
    {
        var template = FeedbackTemplates.Get(templateId);
        var text = template.Text(language);

        var sms = SmsEncoding.Analyze(text);
        Assert.True(sms.Charset == SmsCharset.Gsm7, $"{templateId} ({language.Code()}) needs UCS-2 because of {string.Join(" ", sms.NonGsmCharacters)}");
        Assert.True(sms.Segments <= 2, $"{templateId} ({language.Code()}) needs {sms.Segments} segments ({sms.Units} septets)");
        Assert.False(string.IsNullOrWhiteSpace(template.Title(language)));
        Assert.Equal(text, TipText.Validate(text).Value);
    }

    [Fact]
    public void Every_template_speaks_every_member_language_differently()
    {
        foreach (var template in TipLibrary.All.Cast<MessageTemplate>().Concat(FeedbackTemplates.All))
        {
            Assert.Equal(Languages.All.Order(), template.Translations.Keys.Order());
            Assert.Equal(Languages.All.Count, Languages.All.Select(l => template.Text(l)).Distinct().Count());
        }
    }

    [Fact]
    public void The_lights_tip_reads_as_the_zone_writes_it()
    {
        Assert.Equal(
            "Politie Lommel - BIN: Verdachte personen gezien in uw buurt. Doe uw buitenverlichting aan, sluit ramen en deuren en bel 101 bij verdachte situaties. Antwoord OK als u dit gelezen hebt.",
            TipLibrary.Get("burglary-lights").Text(Language.Nl));
    }

    [Fact]
    public void Tips_for_a_category_are_found_whatever_the_case()
    {
        var tips = TipLibrary.ForCategory(" Burglary ");

        Assert.Contains(tips, t => t.Id == "burglary-lights");
        Assert.All(tips, t => Assert.Equal("burglary", t.CategoryId));
    }

    [Fact]
    public void An_unknown_category_is_refused_with_the_choices()
    {
        var ex = Assert.Throws<DomainException>(() => TipLibrary.ForCategory("arson"));

        Assert.Equal("category", ex.Field);
        Assert.Contains("burglary, suspicious-person", ex.Message);
    }

    [Fact]
    public void An_unknown_tip_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => TipLibrary.Get("burglary-dogs"));

        Assert.Equal("tipTemplateId", ex.Field);
        Assert.Contains("burglary-dogs", ex.Message);
    }

    [Fact]
    public void An_unknown_feedback_template_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackTemplates.Get("feedback-party"));

        Assert.Equal("feedbackTemplateId", ex.Field);
    }

    [Fact]
    public void Feedback_covers_caught_nothing_found_and_false_alarm()
    {
        Assert.Contains("gevat", FeedbackTemplates.Get("feedback-suspect-caught").Text(Language.Nl));
        Assert.Contains("niets verdachts", FeedbackTemplates.Get("feedback-nothing-found").Text(Language.Nl));
        Assert.Contains("fausse alerte", FeedbackTemplates.Get("feedback-false-alarm").Text(Language.Fr));
    }

    [Fact]
    public void A_template_without_the_language_falls_back_to_dutch()
    {
        var template = new FeedbackTemplate("feedback-test", new Dictionary<Language, LocalizedText>
        {
            [Language.Nl] = new("Test", "Politie Lommel - BIN: test"),
        });

        Assert.Equal("Politie Lommel - BIN: test", template.Text(Language.De));
        Assert.Equal("Test", template.Title(Language.En));
    }

    [Fact]
    public void The_dutch_suspicious_person_tip_is_grammatical()
    {
        Assert.Contains("BIN: Verdachte persoon gezien in uw buurt.", TipLibrary.Get("suspicious-person-describe").Text(Language.Nl));
    }
}
