using Bin.Dashboard.Features.Incidents;
using Bin.Domain.Incidents;
using Bunit;

namespace Bin.Dashboard.Tests.Incidents;

public class IncidentDetailsTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Kerkplein = Guid.NewGuid(), Leuken = Guid.NewGuid();

    private IRenderedComponent<IncidentDetails> RenderDetails(IncidentView incident) => Render<IncidentDetails>(p => p
        .Add(d => d.Incident, incident)
        .Add(d => d.Now, Now)
        .Add(d => d.NetworkName, id => id == Kerkplein ? "Kerkplein" : "Leuken"));

    [Fact]
    public void The_panel_shows_the_networks_place_reporter_age_and_status()
    {
        var details = RenderDetails(new IncidentView
        {
            Id = Guid.NewGuid(),
            Latitude = 51.230712,
            Longitude = 5.313498,
            Category = "burglary",
            Description = "Inbraak",
            ReporterKind = ReporterKind.Patrol,
            NetworkIds = [Kerkplein, Leuken],
            Status = IncidentStatus.Verified,
            ReportedAt = Now.AddMinutes(-75),
        });

        Assert.Equal("Kerkplein, Leuken", details.Find("[data-testid=fact-networks]").TextContent);
        Assert.Equal("51.23071, 5.31350", details.Find("[data-testid=fact-place]").TextContent);
        Assert.Equal("Patrouille", details.Find("[data-testid=fact-reporter]").TextContent);
        Assert.StartsWith("1 u 15 geleden", details.Find("[data-testid=fact-age]").TextContent.Trim());
        Assert.Contains("geverifieerd", details.Find("[data-testid=fact-status]").TextContent);
    }

    [Fact]
    public void The_place_is_the_picked_address_when_there_is_one()
    {
        var details = RenderDetails(new IncidentView
        {
            Id = Guid.NewGuid(),
            Address = "Kerkplein 12, 3920 Lommel",
            Latitude = 51.230712,
            Longitude = 5.313498,
            Category = "burglary",
            Description = "Inbraak",
            ReporterKind = ReporterKind.Member,
            NetworkIds = [Kerkplein],
            Status = IncidentStatus.Reported,
            ReportedAt = Now.AddMinutes(-5),
        });

        Assert.Equal("Kerkplein 12, 3920 Lommel", details.Find("[data-testid=fact-place]").TextContent);
    }

    [Fact]
    public void A_closed_incident_shows_its_outcome_and_one_outside_every_network_says_so()
    {
        var details = RenderDetails(new IncidentView
        {
            Id = Guid.NewGuid(),
            Category = "other",
            Status = IncidentStatus.Closed,
            Outcome = IncidentOutcome.FalseAlarm,
            ReportedAt = Now,
        });

        Assert.Equal("buiten BIN", details.Find("[data-testid=fact-networks]").TextContent);
        Assert.Contains(IncidentOutcome.FalseAlarm.Label("nl"), details.Find("[data-testid=fact-status]").TextContent);
        Assert.StartsWith("nu", details.Find("[data-testid=fact-age]").TextContent.Trim());
    }
}
