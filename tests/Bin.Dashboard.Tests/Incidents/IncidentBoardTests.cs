using Bin.Dashboard.Features.Incidents;
using Bin.Domain.Incidents;
using Bunit;

namespace Bin.Dashboard.Tests.Incidents;

public class IncidentBoardTests : BunitContext
{
    private readonly BunitJSModuleInterop _module;

    public IncidentBoardTests() => _module = BoardModule.Plan(JSInterop);

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
    public void A_new_incident_renders_its_own_row_and_leaves_the_others_as_they_were_until_their_age_changes()
    {
        var incidents = Enumerable.Range(1, 20).Select(i => Incident($"incident {i}", i * 7)).ToList();
        var board = Render<IncidentBoard>(p => p.Add(b => b.Incidents, incidents).Add(b => b.Now, Now));
        board.Render(p => p.Add(b => b.Incidents, incidents).Add(b => b.Now, Now));
        var before = board.FindComponents<BoardRow>().ToDictionary(r => r.Instance.Incident.Id, r => r.RenderCount);

        var arrived = Incident("just now", 0);
        board.Render(p => p.Add(b => b.Incidents, [.. incidents, arrived]).Add(b => b.Now, Now));

        var rows = board.FindComponents<BoardRow>();
        Assert.Equal(21, rows.Count);
        Assert.All(rows.Where(r => r.Instance.Incident.Id != arrived.Id), r => Assert.Equal(before[r.Instance.Incident.Id], r.RenderCount));
        Assert.Equal("just now", board.Find("[data-testid=board-row] .desc").TextContent);

        // A minute later every age reads differently: each row renders again.
        board.Render(p => p.Add(b => b.Incidents, [.. incidents, arrived]).Add(b => b.Now, Now.AddMinutes(1)));
        Assert.All(board.FindComponents<BoardRow>().Where(r => r.Instance.Incident.Id != arrived.Id),
            r => Assert.Equal(before[r.Instance.Incident.Id] + 1, r.RenderCount));
        Assert.Contains("1 min", board.Find("[data-testid=board-row] .age").TextContent);
    }

    [Fact]
    public void A_long_board_shows_its_newest_rows_and_more_on_request_and_counts_them_all()
    {
        var incidents = Enumerable.Range(1, 60).Select(i => Incident($"incident {i}", i)).ToList();
        var board = Render<IncidentBoard>(p => p.Add(b => b.Incidents, incidents).Add(b => b.Now, Now));

        Assert.Equal(IncidentBoard.RowsPerStep, board.FindAll("[data-testid=board-row]").Count);
        Assert.Equal("incident 1", board.Find("[data-testid=board-row] .desc").TextContent);
        Assert.Equal("incident 25", board.FindAll("[data-testid=board-row] .desc")[^1].TextContent);
        Assert.Equal("(60)", board.Find("[data-testid=board-count]").TextContent);
        Assert.Equal("Toon er 25 meer (35 niet getoond)", board.Find("[data-testid=board-more]").TextContent.Trim());

        board.Find("[data-testid=board-more]").Click();
        Assert.Equal(50, board.FindAll("[data-testid=board-row]").Count);
        Assert.Equal("Toon er 10 meer (10 niet getoond)", board.Find("[data-testid=board-more]").TextContent.Trim());

        board.Find("[data-testid=board-more]").Click();
        Assert.Equal(60, board.FindAll("[data-testid=board-row]").Count);
        Assert.Empty(board.FindAll("[data-testid=board-more]"));
    }

    [Fact]
    public void An_incident_selected_on_the_map_below_the_rows_shown_brings_its_row_onto_the_board_selected()
    {
        var incidents = Enumerable.Range(1, 80).Select(i => Incident($"incident {i}", i)).ToList();
        var board = Render<IncidentBoard>(p => p.Add(b => b.Incidents, incidents).Add(b => b.Now, Now));

        board.Render(p => p.Add(b => b.Incidents, incidents).Add(b => b.Now, Now).Add(b => b.SelectedId, incidents[59].Id));

        Assert.Equal(75, board.FindAll("[data-testid=board-row]").Count);
        Assert.Equal("incident 60", board.Find("[data-testid=board-row].selected .desc").TextContent);
        Assert.Equal("Toon er 5 meer (5 niet getoond)", board.Find("[data-testid=board-more]").TextContent.Trim());

        // Selected among the rows shown: the board stays as it is.
        board.Render(p => p.Add(b => b.Incidents, incidents).Add(b => b.Now, Now).Add(b => b.SelectedId, incidents[3].Id));
        Assert.Equal(75, board.FindAll("[data-testid=board-row]").Count);
        Assert.Equal("incident 4", board.Find("[data-testid=board-row].selected .desc").TextContent);
    }

    [Fact]
    public void A_new_incident_on_a_long_board_compares_only_the_rows_shown_and_pushes_the_last_one_out()
    {
        var incidents = Enumerable.Range(1, 200).Select(i => Incident($"incident {i}", i)).ToList();
        var board = Render<IncidentBoard>(p => p.Add(b => b.Incidents, incidents).Add(b => b.Now, Now));

        board.Render(p => p.Add(b => b.Incidents, [.. incidents, Incident("just now", 0)]).Add(b => b.Now, Now));

        var rows = board.FindComponents<BoardRow>();
        Assert.Equal(IncidentBoard.RowsPerStep, rows.Count);
        Assert.Equal("just now", rows[0].Instance.Incident.Description);
        Assert.Equal("incident 24", rows[^1].Instance.Incident.Description);
    }

    [Fact]
    public void A_render_with_the_same_incidents_filters_sorts_and_names_nothing_again_and_a_new_list_is_looked_at_anew()
    {
        var network = Guid.NewGuid();
        var incidents = Enumerable.Range(1, 12).Select(i => Incident($"incident {i}", i * 3)).ToList();
        foreach (var incident in incidents) incident.NetworkIds = [network];
        var lookups = 0;
        Func<Guid, string> names = _ => { lookups++; return "Kerkplein"; };
        var board = Render<IncidentBoard>(p => p.Add(b => b.Incidents, incidents).Add(b => b.NetworkName, names).Add(b => b.Now, Now));
        // A text filter matches against the network names too: each incident's are looked up when the board filters.
        board.Find("[data-testid=filter-text]").Input("incident 1");
        Assert.Equal(["incident 1", "incident 10", "incident 11", "incident 12"],
            board.FindAll("[data-testid=board-row] .desc").Select(d => d.TextContent).Order());

        var before = lookups;
        board.Render(p => p.Add(b => b.Incidents, incidents).Add(b => b.NetworkName, names).Add(b => b.Now, Now));
        Assert.Equal(before, lookups);
        Assert.Equal(4, board.FindAll("[data-testid=board-row]").Count);

        var arrived = Incident("incident 13", 0);
        arrived.NetworkIds = [network];
        board.Render(p => p.Add(b => b.Incidents, [.. incidents, arrived]).Add(b => b.NetworkName, names).Add(b => b.Now, Now));
        Assert.True(lookups > before);
        Assert.Equal("incident 13", board.Find("[data-testid=board-row] .desc").TextContent);
        Assert.Equal(5, board.FindAll("[data-testid=board-row]").Count);
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

    [Fact]
    public void The_list_is_handed_to_its_module_once_and_neither_a_selection_nor_a_live_update_calls_the_browser()
    {
        var first = Incident("eerste", 30);
        var board = Render<IncidentBoard>(p => p.Add(b => b.Incidents, [first]).Add(b => b.Now, Now));

        board.Render(p => p.Add(b => b.Incidents, [first, Incident("tweede", 1)]).Add(b => b.SelectedId, first.Id).Add(b => b.Now, Now));

        var observe = Assert.Single(_module.Invocations);
        Assert.Equal("observe", observe.Identifier);
        Assert.IsType<Microsoft.AspNetCore.Components.ElementReference>(Assert.Single(observe.Arguments));
    }
}
