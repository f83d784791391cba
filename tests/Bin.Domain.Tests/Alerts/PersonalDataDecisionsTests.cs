using Bin.Domain.Alerts;

namespace Bin.Domain.Tests.Alerts;

public class PersonalDataDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 21, 40, 0, TimeSpan.Zero);

    private static AlertIssued Issued(string? templateId, string text) => new(Guid.NewGuid(), Guid.NewGuid(), [Guid.NewGuid()], templateId,
        new Dictionary<string, string> { ["nl"] = text, ["fr"] = text, ["de"] = text, ["en"] = text },
        new Dictionary<Guid, int>(), 10, 1, Now);

    [Fact]
    public void An_own_text_with_a_plate_is_refused_until_confirmed_naming_each_finding_once()
    {
        var issued = Issued(null, "Gezocht: grijze Audi 1-ABC-123. Info: 0470 12 34 56.");

        var ex = Assert.Throws<PersonalDataFound>(() => PersonalDataDecisions.Check(issued, confirmed: false, Now));

        Assert.Equal("tip", ex.Field);
        Assert.Equal([PersonalDataKind.LicencePlate, PersonalDataKind.PhoneNumber], ex.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void A_confirmed_text_with_personal_data_records_the_kinds_without_the_values()
    {
        var issued = Issued(null, "Gezocht: grijze Audi 1-ABC-123.");

        var confirmation = PersonalDataDecisions.Check(issued, confirmed: true, Now);

        Assert.NotNull(confirmation);
        Assert.Equal(issued.AlertId, confirmation.AlertId);
        Assert.Equal(["licence-plate"], confirmation.Kinds);
        Assert.Equal(1, confirmation.Findings);
        Assert.Equal(Now, confirmation.ConfirmedAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_text_without_personal_data_needs_no_confirmation_and_records_none(bool confirmed)
    {
        Assert.Null(PersonalDataDecisions.Check(Issued(null, "Inbraak in uw buurt: doe de buitenverlichting aan. Antwoord OK."), confirmed, Now));
    }

    [Fact]
    public void A_library_tip_is_not_checked()
    {
        Assert.Null(PersonalDataDecisions.Check(Issued("burglary-lights", "Bel 0470 12 34 56."), confirmed: false, Now));
    }
}
