using Bin.Dashboard.Features.Incidents;
using Bin.Domain.Incidents;
using Bunit;

namespace Bin.Dashboard.Tests.Incidents;

/// <summary>The board as a console: rows are buttons, new incidents stand out, and filters narrow the list.</summary>
public class IncidentBoardConsoleTests : BunitContext
{
    public IncidentBoardConsoleTests() => BoardModule.Plan(JSInterop);

    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Leuken = Guid.NewGuid(), Kerkplein = Guid.NewGuid();

    private static IncidentView Incident(string description, int minutesAgo, string category, IncidentStatus status, params Guid[] networks) => new()
    {
        Id = Guid.NewGuid(),
        Category = category,
        Description = description,
        ReportedAt = Now.AddMinutes(-minutesAgo),
        Status = status,
        NetworkIds = [.. networks],
    };

    private readonly IncidentView _burglary = Incident("Achterdeur geforceerd", 5, "burglary", IncidentStatus.Reported, Leuken);
    private readonly IncidentView _theft = Incident("Fiets weg aan de kerk", 20, "theft", IncidentStatus.Verified, Kerkplein);
    private readonly IncidentView _vehicle = Incident("Witte bestelwagen rijdt rond", 40, "suspicious-vehicle", IncidentStatus.Reported, Kerkplein, Leuken);

    private IRenderedComponent<IncidentBoard> RenderBoard(IReadOnlyCollection<Guid>? newIds = null) => Render<IncidentBoard>(p => p
        .Add(b => b.Incidents, [_burglary, _theft, _vehicle])
        .Add(b => b.Now, Now)
        .Add(b => b.NetworkName, id => id == Leuken ? "Leuken" : "Kerkplein")
        .Add(b => b.NewIds, newIds ?? []));

    private static IEnumerable<string> Descriptions(IRenderedComponent<IncidentBoard> board) =>
        board.FindAll("[data-testid=board-row] .desc").Select(d => d.TextContent);

    [Fact]
    public void Each_row_is_a_button_so_the_keyboard_reaches_and_operates_it()
    {
        var board = RenderBoard();

        var rows = board.FindAll("[data-testid=board-row]");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(("BUTTON", "button"), (r.TagName, r.GetAttribute("type"))));
        Assert.Empty(board.FindAll("li[blazor\\:onclick]"));
    }

    [Fact]
    public void A_new_incident_is_highlighted_with_a_badge_and_counted()
    {
        var board = RenderBoard([_theft.Id]);

        var row = board.Find($"[data-incident='{_theft.Id}']");
        Assert.Contains("new", row.ClassList);
        Assert.Equal("true", row.GetAttribute("data-new"));
        Assert.Equal("Nieuw", row.QuerySelector("[data-testid=new-badge]")!.TextContent);
        Assert.Equal("1 nieuw", board.Find("[data-testid=board-new-count]").TextContent);
        Assert.Single(board.FindAll("[data-testid=new-badge]"));
        Assert.Equal("false", board.Find($"[data-incident='{_burglary.Id}']").GetAttribute("data-new"));
    }

    [Fact]
    public void Without_new_incidents_there_is_no_count()
    {
        var board = RenderBoard();

        Assert.Empty(board.FindAll("[data-testid=board-new-count]"));
        Assert.Empty(board.FindAll(".board-row.new"));
    }

    [Fact]
    public void The_network_filter_offers_the_networks_on_the_board_and_keeps_their_incidents()
    {
        var board = RenderBoard();

        Assert.Equal(["Alle BIN's", "Kerkplein", "Leuken"], board.FindAll("[data-testid=filter-network] option").Select(o => o.TextContent));
        board.Find("[data-testid=filter-network]").Change(Leuken.ToString());

        Assert.Equal(["Achterdeur geforceerd", "Witte bestelwagen rijdt rond"], Descriptions(board));
        Assert.Equal("(2 van 3)", board.Find("[data-testid=board-count]").TextContent);
    }

    [Fact]
    public void The_category_and_status_filters_combine()
    {
        var board = RenderBoard();

        board.Find("[data-testid=filter-status]").Change("Reported");
        Assert.Equal(["Achterdeur geforceerd", "Witte bestelwagen rijdt rond"], Descriptions(board));
        board.Find("[data-testid=filter-category]").Change("suspicious-vehicle");

        Assert.Equal(["Witte bestelwagen rijdt rond"], Descriptions(board));
    }

    [Fact]
    public void The_text_search_matches_description_category_and_network_without_regard_to_case()
    {
        var board = RenderBoard();

        board.Find("[data-testid=filter-text]").Input("KERK");
        Assert.Equal(["Fiets weg aan de kerk", "Witte bestelwagen rijdt rond"], Descriptions(board));

        board.Find("[data-testid=filter-text]").Input("inbraak");
        Assert.Equal(["Achterdeur geforceerd"], Descriptions(board));
    }

    [Fact]
    public void Filters_that_match_nothing_say_so_and_clearing_them_shows_everything_again()
    {
        var board = RenderBoard();

        board.Find("[data-testid=filter-text]").Input("brand");

        Assert.Empty(Descriptions(board));
        Assert.Equal("Geen open meldingen voor deze filters.", board.Find("[data-testid=board-no-match]").TextContent);
        board.Find("[data-testid=filter-clear]").Click();
        Assert.Equal(3, Descriptions(board).Count());
        Assert.Empty(board.FindAll("[data-testid=filter-clear]"));
    }

    [Fact]
    public void The_tools_slot_renders_in_the_board_header()
    {
        var board = Render<IncidentBoard>(p => p
            .Add(b => b.Incidents, [])
            .Add(b => b.Tools, "<span id=\"tool\">tool</span>"));

        Assert.NotNull(board.Find(".board-head #tool"));
    }
}
