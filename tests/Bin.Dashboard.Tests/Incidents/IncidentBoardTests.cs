using Bin.Dashboard.Features.Incidents;
using Bin.Domain.Incidents;
using Bunit;

namespace Bin.Dashboard.Tests.Incidents;

public class IncidentBoardTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    private static IncidentView Incident(string description, int minutesAgo, string category = "theft") => new()
    {
        Id = Guid.NewGuid(),
        Category = category,
        Description = description,
        ReportedAt = Now.AddMinutes(-minutesAgo),
        Status = IncidentStatus.Reported,
    };

    [Fact]
    public void The_board_lists_incidents_newest_first_whatever_order_it_is_given()
    {
        var board = Render<IncidentBoard>(p => p
            .Add(b => b.Incidents, [Incident("middle", 30), Incident("oldest", 240), Incident("newest", 2)])
            .Add(b => b.Now, Now));

        var descriptions = board.FindAll("[data-testid=board-row] .desc").Select(d => d.TextContent);

        Assert.Equal(["newest", "middle", "oldest"], descriptions);
    }

    [Fact]
    public void Each_row_shows_the_age_category_and_network()
    {
        var networkId = Guid.NewGuid();
        var incident = Incident("Verdachte wagen", 75, "suspicious-vehicle");
        incident.NetworkIds = [networkId];

        var board = Render<IncidentBoard>(p => p
            .Add(b => b.Incidents, [incident])
            .Add(b => b.Now, Now)
            .Add(b => b.NetworkName, id => id == networkId ? "Leuken" : "?"));

        var row = board.Find("[data-testid=board-row]");
        Assert.Contains("1 u 15", row.TextContent);
        Assert.Contains("Verdacht voertuig", row.TextContent);
        Assert.Contains("Leuken", row.TextContent);
    }

    [Fact]
    public void Script_in_a_description_is_shown_as_text()
    {
        var board = Render<IncidentBoard>(p => p.Add(b => b.Incidents, [Incident("<script>alert(1)</script>", 1)]).Add(b => b.Now, Now));

        Assert.Empty(board.FindAll("script"));
        Assert.Equal("<script>alert(1)</script>", board.Find(".desc").TextContent);
    }

    [Fact]
    public void Clicking_a_row_selects_that_incident()
    {
        var incident = Incident("klik", 5);
        Guid? selected = null;
        var board = Render<IncidentBoard>(p => p.Add(b => b.Incidents, [incident]).Add(b => b.OnSelect, id => selected = id));

        board.Find("[data-testid=board-row]").Click();

        Assert.Equal(incident.Id, selected);
    }
}
