using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using static Bin.Domain.Tests.Incidents.IncidentHistory;

namespace Bin.Domain.Tests.Incidents;

public class ReportIncidentTests
{
    private static ReportIncident Command(
        double latitude = KerkpleinLatitude, double longitude = KerkpleinLongitude, string category = "suspicious-vehicle",
        string? description = "Witte bestelwagen rijdt traag rond, zonder lichten.", ReporterKind reporter = ReporterKind.Member) =>
        new(Id, latitude, longitude, category, description, reporter);

    private static IncidentReported When(ReportIncident command, params Guid[] networkIds) =>
        IncidentDecisions.Report(Given(), command, ServiceArea.Lommel, networkIds, Now);

    [Fact]
    public void Reporting_records_the_location_category_description_reporter_networks_and_time()
    {
        var e = When(Command(reporter: ReporterKind.Patrol), Kerkplein, Slachthuis);

        Assert.Equal(Id, e.IncidentId);
        Assert.Equal(KerkpleinLatitude, e.Latitude);
        Assert.Equal(KerkpleinLongitude, e.Longitude);
        Assert.Equal("suspicious-vehicle", e.Category);
        Assert.Equal("Witte bestelwagen rijdt traag rond, zonder lichten.", e.Description);
        Assert.Equal(ReporterKind.Patrol, e.ReporterKind);
        Assert.Equal([Kerkplein, Slachthuis], e.NetworkIds);
        Assert.Equal(Now, e.ReportedAt);
    }

    [Fact]
    public void The_address_the_dispatcher_picked_is_recorded_trimmed_and_a_blank_one_is_none()
    {
        Assert.Equal("Kerkplein 12, 3920 Lommel", When(Command() with { Address = "  Kerkplein 12, 3920 Lommel " }, Kerkplein).Address);
        Assert.Null(When(Command() with { Address = "   " }, Kerkplein).Address);
        Assert.Null(When(Command(), Kerkplein).Address);
    }

    [Fact]
    public void An_address_longer_than_an_address_is_refused_naming_the_field()
    {
        var ex = Assert.Throws<DomainException>(() => When(Command() with { Address = new string('a', IncidentDecisions.MaxAddressLength + 1) }));

        Assert.Equal("address", ex.Field);
    }

    [Fact]
    public void The_reported_incident_starts_as_reported()
    {
        var incident = Incident.Create(When(Command(), Kerkplein));

        Assert.Equal(IncidentStatus.Reported, incident.Status);
        Assert.Equal(Now, incident.ReportedAt);
        Assert.Null(incident.VerifiedAt);
        Assert.Null(incident.ClosedAt);
        Assert.Null(incident.Outcome);
    }

    [Fact]
    public void An_incident_outside_every_network_is_recorded_with_no_networks()
    {
        Assert.Empty(When(Command()).NetworkIds);
    }

    [Fact]
    public void A_network_given_twice_is_recorded_once()
    {
        Assert.Equal([Kerkplein], When(Command(), Kerkplein, Kerkplein).NetworkIds);
    }

    [Fact]
    public void The_category_is_recorded_by_its_api_id_whatever_its_case()
    {
        Assert.Equal("co", When(Command(category: " CO ")).Category);
    }

    [Fact]
    public void The_description_is_trimmed_and_otherwise_kept_as_written_markup_included()
    {
        var written = "Twee personen <script>alert(1)</script>\n  bij de garage & de tuin.";

        Assert.Equal(written, When(Command(description: $"  {written}\t\n")).Description);
    }

    [Fact]
    public void A_description_of_the_maximum_length_is_accepted_once_trimmed()
    {
        var longest = new string('x', IncidentDecisions.MaxDescriptionLength);

        Assert.Equal(longest, When(Command(description: $"  {longest}  ")).Description);
    }

    [Fact]
    public void A_description_over_the_maximum_length_is_refused()
    {
        var ex = ThenRefused(() => When(Command(description: new string('x', IncidentDecisions.MaxDescriptionLength + 1))));

        Assert.Equal("description", ex.Field);
        Assert.Contains("2000", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void A_missing_description_is_refused(string? description)
    {
        Assert.Equal("description", ThenRefused(() => When(Command(description: description))).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("robbery")]
    [InlineData("Inbraak")]
    public void An_unknown_category_is_refused_with_the_valid_ids(string category)
    {
        var ex = ThenRefused(() => When(Command(category: category)));

        Assert.Equal("category", ex.Field);
        Assert.All(IncidentCategories.All, c => Assert.Contains(c.Id, ex.Message));
    }

    [Theory]
    [InlineData(91, 5.3135, "lat")]
    [InlineData(double.NaN, 5.3135, "lat")]
    [InlineData(51.2307, 181, "lon")]
    [InlineData(51.2307, double.NaN, "lon")]
    [InlineData(5.3135, 51.2307, "lat")] // latitude and longitude swapped: valid degrees, far outside the zone
    [InlineData(50.8466, 4.3528, "lat")] // Brussels: a real place, not in this zone
    public void A_location_that_is_not_in_the_zone_is_refused(double latitude, double longitude, string field)
    {
        Assert.Equal(field, ThenRefused(() => When(Command(latitude, longitude))).Field);
    }

    [Fact]
    public void An_unknown_kind_of_reporter_is_refused()
    {
        Assert.Equal("reporterKind", ThenRefused(() => When(Command(reporter: (ReporterKind)7))).Field);
    }

    [Fact]
    public void Reporting_an_incident_that_already_exists_is_refused()
    {
        var ex = ThenRefused(() => IncidentDecisions.Report(Given(Reported()), Command(), ServiceArea.Lommel, [], Now));

        Assert.Equal("id", ex.Field);
    }
}
