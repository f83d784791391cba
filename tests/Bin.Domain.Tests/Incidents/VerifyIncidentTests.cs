using Bin.Domain.Incidents;
using static Bin.Domain.Tests.Incidents.IncidentHistory;

namespace Bin.Domain.Tests.Incidents;

public class VerifyIncidentTests
{
    private static IncidentVerified When(Incident? state) => IncidentDecisions.Verify(state, new VerifyIncident(Id), Now);

    [Fact]
    public void Verifying_a_reported_incident_records_when()
    {
        Assert.Equal(new IncidentVerified(Id, Now), When(Given(Reported())));
    }

    [Fact]
    public void A_verified_incident_has_status_verified_and_its_time()
    {
        var incident = Given(Reported(), When(Given(Reported())))!;

        Assert.Equal(IncidentStatus.Verified, incident.Status);
        Assert.Equal(Now, incident.VerifiedAt);
    }

    [Fact]
    public void Verifying_an_incident_that_does_not_exist_is_refused()
    {
        Assert.Equal("id", ThenRefused(() => When(Given())).Field);
    }

    [Fact]
    public void Verifying_twice_is_refused()
    {
        var ex = ThenRefused(() => When(Given(Reported(), Verified())));

        Assert.Contains("already been verified", ex.Message);
    }

    [Fact]
    public void Verifying_a_closed_incident_is_refused()
    {
        var ex = ThenRefused(() => When(Given(Reported(), Closed())));

        Assert.Contains("closed", ex.Message);
    }
}
