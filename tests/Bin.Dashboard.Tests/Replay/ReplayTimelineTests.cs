using System.Globalization;
using Bin.Dashboard.Features.Replay;
using Bunit;

namespace Bin.Dashboard.Tests.Replay;

/// <summary>The replay's timeline control: density bars, the playhead, and scrubbing.</summary>
public class ReplayTimelineTests : BunitContext
{
    // Sunday 1 November 2026, 00:00 UTC = 01:00 in Brussels (winter time); a day long.
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    public ReplayTimelineTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict; // the control needs no JavaScript
        // Dutch (Belgium) writes 1,5: the SVG must not.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-BE");
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        base.Dispose(disposing);
    }

    private IRenderedComponent<ReplayTimeline> Render(int[] density, DateTimeOffset playhead, int[]? alerts = null, Action<DateTimeOffset>? scrubbed = null) =>
        Render<ReplayTimeline>(p => p
            .Add(t => t.From, From)
            .Add(t => t.To, To)
            .Add(t => t.Density, density)
            .Add(t => t.AlertsPerBin, alerts ?? new int[density.Length])
            .Add(t => t.Playhead, playhead)
            .Add(t => t.OnScrub, at => scrubbed?.Invoke(at)));

    [Fact]
    public void Each_busy_stretch_gets_a_bar_as_high_as_its_share_of_the_busiest_and_stretches_with_an_alert_stand_out()
    {
        var timeline = Render([0, 5, 100, 0, 1], From, alerts: [0, 0, 1, 0, 0]);

        var bars = timeline.FindAll("rect.bar");
        Assert.Equal(["1", "2", "4"], bars.Select(b => b.GetAttribute("data-bin")));
        Assert.Equal(["1.9", "38", "1.5"], bars.Select(b => b.GetAttribute("height")));   // 5 and 100 of 100; 1 is drawn at least 1.5 high
        Assert.Equal(["38.1", "2", "38.5"], bars.Select(b => b.GetAttribute("y")));
        Assert.Equal(["1.1", "2.1", "4.1"], bars.Select(b => b.GetAttribute("x")));      // invariant decimals, whatever the UI culture
        Assert.Equal(["bar", "bar alerted", "bar"], bars.Select(b => b.ClassName));
        Assert.Equal("0 0 5 40", timeline.Find("svg").GetAttribute("viewBox"));
    }

    [Fact]
    public void The_playhead_and_the_slider_stand_where_the_replay_is_and_the_clock_reads_Brussels_time()
    {
        var timeline = Render([1, 1, 1, 1], From.AddHours(6));

        Assert.Equal("1", timeline.Find("[data-testid=timeline-playhead]").GetAttribute("x1"));  // a quarter of 4 stretches
        Assert.Equal("250", timeline.Find("[data-testid=replay-scrubber]").GetAttribute("value"));
        Assert.Equal("01/11/2026 07:00:00", timeline.Find("[data-testid=timeline-at]").TextContent);
        Assert.Equal(["01/11 01:00", "01/11/2026 07:00:00", "02/11 01:00"], timeline.FindAll(".timeline-labels > *").Select(e => e.TextContent));
    }

    [Fact]
    public void Dragging_previews_the_moment_and_letting_go_asks_for_that_moment()
    {
        var scrubbed = new List<DateTimeOffset>();
        var timeline = Render([1, 2, 3], From, scrubbed: scrubbed.Add);
        var slider = timeline.Find("[data-testid=replay-scrubber]");

        slider.Input("500");
        Assert.Empty(scrubbed);
        Assert.Equal("01/11/2026 13:00:00", timeline.Find("[data-testid=timeline-at]").TextContent);

        slider.Change("750");
        Assert.Equal([From.AddHours(18)], scrubbed);
    }

    [Fact]
    public void A_new_playhead_moves_the_playhead_and_an_empty_period_draws_no_bars()
    {
        var timeline = Render([0, 0, 0, 0], From);
        Assert.Empty(timeline.FindAll("rect.bar"));

        timeline.Render(p => p.Add(t => t.Playhead, To));

        Assert.Equal("4", timeline.Find("[data-testid=timeline-playhead]").GetAttribute("x1"));
        Assert.Equal("1000", timeline.Find("[data-testid=replay-scrubber]").GetAttribute("value"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1000, 86_400)]
    [InlineData(1, 86.4)]
    [InlineData(-5, 0)]
    [InlineData(1200, 86_400)]
    public void Slider_steps_map_onto_the_period(int step, double seconds)
    {
        var timeline = Render([1], From);
        Assert.Equal(From.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)), timeline.Instance.AtStep(step));
    }
}
