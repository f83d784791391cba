using Bin.Domain.Incidents;

namespace Bin.Domain.Tests.Incidents;

public class IncidentOutcomesTests
{
    public static TheoryData<string> AllLanguages => new("nl", "fr", "de", "en");

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Every_outcome_has_its_own_label_in_each_language(string language)
    {
        var labels = Enum.GetValues<IncidentOutcome>().Select(o => o.Label(language)).ToList();

        Assert.All(labels, label => Assert.False(string.IsNullOrWhiteSpace(label)));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Theory]
    [InlineData("nl", "Vals alarm")]
    [InlineData("fr-BE", "Fausse alerte")]
    [InlineData("de", "Fehlalarm")]
    [InlineData("en", "False alarm")]
    [InlineData("it", "Vals alarm")]
    public void An_outcome_label_is_given_in_the_language_asked_or_else_in_dutch(string language, string expected)
    {
        Assert.Equal(expected, IncidentOutcomes.Label(IncidentOutcome.FalseAlarm, language));
    }
}
