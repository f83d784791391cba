using Bin.Dashboard.Features.Incidents;

namespace Bin.Dashboard.Tests.Incidents;

public class IncidentAttentionTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    private static HashSet<Guid> Ids(params Guid[] ids) => [.. ids];

    [Fact]
    public void What_was_open_when_the_page_loaded_is_not_new()
    {
        var attention = new IncidentAttention();

        Assert.False(attention.Observe(Ids(A, B)));

        Assert.Equal(0, attention.Count);
        Assert.Equal("", attention.TitlePrefix);
        Assert.Equal(0, attention.Arrivals);
    }

    [Fact]
    public void An_incident_that_arrives_later_is_new_and_counted_in_the_title_until_opened()
    {
        var attention = new IncidentAttention();
        attention.Observe(Ids(A));

        Assert.True(attention.Observe(Ids(A, B)));
        Assert.True(attention.IsNew(B));
        Assert.False(attention.IsNew(A));
        Assert.Equal("(1) ", attention.TitlePrefix);

        attention.Open(B);

        Assert.False(attention.IsNew(B));
        Assert.Equal("", attention.TitlePrefix);
        Assert.False(attention.Observe(Ids(A, B)));
        Assert.False(attention.IsNew(B));
    }

    [Fact]
    public void A_burst_of_incidents_is_one_arrival_and_each_is_counted()
    {
        var attention = new IncidentAttention();
        attention.Observe(Ids());

        attention.Observe(Ids(A, B, C));

        Assert.Equal(1, attention.Arrivals);
        Assert.Equal("(3) ", attention.TitlePrefix);
        attention.Observe(Ids(A, B, C, D));
        Assert.Equal(2, attention.Arrivals);
        // Seeing the same list again is no arrival.
        attention.Observe(Ids(A, B, C, D));
        Assert.Equal(2, attention.Arrivals);
    }

    [Fact]
    public void An_incident_closed_before_it_was_opened_is_no_longer_counted()
    {
        var attention = new IncidentAttention();
        attention.Observe(Ids());
        attention.Observe(Ids(A, B));

        attention.Observe(Ids(B));

        Assert.Equal([B], attention.New);
    }

    [Fact]
    public void An_incident_opened_here_before_it_reached_the_board_is_not_new_when_it_arrives()
    {
        var attention = new IncidentAttention();
        attention.Observe(Ids(A));

        attention.Open(B);
        attention.Observe(Ids(A, B));

        Assert.Equal(0, attention.Count);
        Assert.Equal(0, attention.Arrivals);
    }
}
