using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using static Bin.Domain.Tests.Incidents.IncidentHistory;

namespace Bin.Domain.Tests.Incidents;

public class UpdateIncidentTests
{
    // A little further along, still in Lommel.
    private const double MovedLatitude = 51.2351;
    private const double MovedLongitude = 5.3012;

    private static UpdateIncident Command(
        double latitude = MovedLatitude, double longitude = MovedLongitude, string category = "theft",
        string? description = " Fiets gestolen aan de achterdeur; dader te voet richting station. ") =>
        new(Id, latitude, longitude, category, description);

    private static IncidentUpdated When(Incident? state, UpdateIncident command, params Guid[] networkIds) =>
        IncidentDecisions.Update(state, command, ServiceArea.Lommel, networkIds, Now);

    [Fact]
    public void Updating_records_the_new_category_description_location_and_networks()
    {
        var e = When(Given(Reported()), Command(), Slachthuis);

        Assert.Equal(Id, e.IncidentId);
        Assert.Equal("theft", e.Category);
        Assert.Equal("Fiets gestolen aan de achterdeur; dader te voet richting station.", e.Description);
        Assert.Equal(MovedLatitude, e.Latitude);
        Assert.Equal(MovedLongitude, e.Longitude);
        Assert.Equal([Slachthuis], e.NetworkIds);
        Assert.Equal(Now, e.UpdatedAt);
    }

    [Fact]
    public void The_update_replaces_what_was_reported_and_keeps_the_status()
    {
        var history = new object[] { Reported(), Verified() };
        var incident = Given([.. history, When(Given(history), Command(), Slachthuis)])!;

        Assert.Equal("theft", incident.Category);
        Assert.Equal(MovedLatitude, incident.Latitude);
        Assert.Equal(MovedLongitude, incident.Longitude);
        Assert.Equal([Slachthuis], incident.NetworkIds);
        Assert.Equal(IncidentStatus.Verified, incident.Status);
        Assert.Equal(Reported().ReportedAt, incident.ReportedAt);
    }

    [Fact]
    public void Updating_an_incident_that_does_not_exist_is_refused()
    {
        Assert.Equal("id", ThenRefused(() => When(Given(), Command())).Field);
    }

    [Fact]
    public void Updating_a_closed_incident_is_refused()
    {
        var ex = ThenRefused(() => When(Given(Reported(), Closed()), Command()));

        Assert.Contains("closed", ex.Message);
    }

    [Fact]
    public void Moving_the_incident_outside_the_zone_is_refused()
    {
        Assert.Equal("lat", ThenRefused(() => When(Given(Reported()), Command(latitude: MovedLongitude, longitude: MovedLatitude))).Field);
    }

    [Fact]
    public void An_impossible_longitude_is_refused()
    {
        Assert.Equal("lon", ThenRefused(() => When(Given(Reported()), Command(longitude: -200))).Field);
    }

    [Fact]
    public void An_unknown_category_is_refused()
    {
        Assert.Equal("category", ThenRefused(() => When(Given(Reported()), Command(category: "drugs"))).Field);
    }

    [Fact]
    public void Emptying_the_description_is_refused()
    {
        Assert.Equal("description", ThenRefused(() => When(Given(Reported()), Command(description: " "))).Field);
    }

    [Fact]
    public void An_over_long_description_is_refused()
    {
        var ex = ThenRefused(() => When(Given(Reported()), Command(description: new string('x', IncidentDecisions.MaxDescriptionLength + 1))));

        Assert.Equal("description", ex.Field);
    }

    [Fact]
    public void An_address_given_with_the_correction_is_recorded_trimmed_and_a_blank_one_is_none()
    {
        Assert.Equal("Stationsstraat 4, 3920 Lommel", When(Given(Reported()), Command() with { Address = " Stationsstraat 4, 3920 Lommel  " }, Slachthuis).Address);
        Assert.Null(When(Given(Reported()), Command() with { Address = "  " }, Slachthuis).Address);
        Assert.Null(When(Given(Reported()), Command(), Slachthuis).Address);
    }

    [Fact]
    public void An_over_long_address_is_refused_naming_the_field()
    {
        var ex = ThenRefused(() => When(Given(Reported()), Command() with { Address = new string('a', IncidentDecisions.MaxAddressLength + 1) }));

        Assert.Equal("address", ex.Field);
    }
}
