using Bin.Domain.Incidents;
using static Bin.Domain.Tests.Incidents.IncidentHistory;

namespace Bin.Domain.Tests.Incidents;

public class CloseIncidentTests
{
    private static IncidentClosed When(Incident? state, IncidentOutcome outcome = IncidentOutcome.SuspectCaught, string? note = null) =>
        IncidentDecisions.Close(state, new CloseIncident(Id, outcome, note), Now);

    [Fact]
    public void Closing_a_verified_incident_records_the_outcome_trimmed_note_and_time()
    {
        var e = When(Given(Reported(), Verified()), IncidentOutcome.SuspectCaught, "  Verdachte gevat in de Kerkstraat. ");

        Assert.Equal(new IncidentClosed(Id, IncidentOutcome.SuspectCaught, "Verdachte gevat in de Kerkstraat.", Now), e);
    }

    [Fact]
    public void An_unverified_incident_can_be_closed_as_a_false_alarm()
    {
        Assert.Equal(IncidentOutcome.FalseAlarm, When(Given(Reported()), IncidentOutcome.FalseAlarm).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void A_blank_note_is_recorded_as_no_note(string? note)
    {
        Assert.Null(When(Given(Reported()), note: note).Note);
    }

    [Fact]
    public void A_closed_incident_has_status_closed_with_its_outcome_and_time()
    {
        var history = new object[] { Reported(), Verified() };
        var incident = Given([.. history, When(Given(history), IncidentOutcome.HandedOver)])!;

        Assert.Equal(IncidentStatus.Closed, incident.Status);
        Assert.Equal(IncidentOutcome.HandedOver, incident.Outcome);
        Assert.Equal(Now, incident.ClosedAt);
        Assert.Equal(Verified().VerifiedAt, incident.VerifiedAt);
    }

    [Fact]
    public void A_note_of_the_maximum_length_is_accepted()
    {
        var longest = new string('n', IncidentDecisions.MaxNoteLength);

        Assert.Equal(longest, When(Given(Reported()), note: longest).Note);
    }

    [Fact]
    public void A_note_over_the_maximum_length_is_refused()
    {
        var ex = ThenRefused(() => When(Given(Reported()), note: new string('n', IncidentDecisions.MaxNoteLength + 1)));

        Assert.Equal("note", ex.Field);
        Assert.Contains("1000", ex.Message);
    }

    [Fact]
    public void An_unknown_outcome_is_refused()
    {
        Assert.Equal("outcome", ThenRefused(() => When(Given(Reported()), (IncidentOutcome)42)).Field);
    }

    [Fact]
    public void Closing_an_incident_that_does_not_exist_is_refused()
    {
        Assert.Equal("id", ThenRefused(() => When(Given())).Field);
    }

    [Fact]
    public void Closing_twice_is_refused()
    {
        var ex = ThenRefused(() => When(Given(Reported(), Verified(), Closed())));

        Assert.Contains("already closed", ex.Message);
    }
}
