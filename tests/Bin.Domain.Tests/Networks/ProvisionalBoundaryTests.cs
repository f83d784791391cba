using Bin.Domain.Geometry;
using Bin.Domain.Networks;
using NetTopologySuite.Geometries;
using static Bin.Domain.Tests.Networks.NetworkHistory;

namespace Bin.Domain.Tests.Networks;

public class ProvisionalBoundaryTests
{
    [Fact]
    public void In_open_country_it_is_a_disc_of_about_300_m_around_the_rounded_place()
    {
        var outline = ProvisionalBoundary.Around(51.20034, 5.22071, Lommel());

        Assert.Empty(NetworkBoundaries.Problems(Guid.NewGuid(), outline, Lommel()));
        Assert.True(outline.Covers(new Point(5.22071, 51.20034)));
        Assert.Equal(5.221, outline.Centroid.X, 3);
        Assert.Equal(51.200, outline.Centroid.Y, 3);
        var widthMetres = ServiceArea.DistanceMetres(51.2, outline.EnvelopeInternal.MinX, 51.2, outline.EnvelopeInternal.MaxX);
        Assert.InRange(widthMetres, 580, 610);
    }

    [Fact]
    public void It_leaves_out_a_neighbouring_network_so_the_idea_overlaps_nothing()
    {
        var neighbour = new NeighbourBoundary(Guid.NewGuid(), "Kerkplein", Square(5.2215, 51.1990, 0.01));

        var outline = ProvisionalBoundary.Around(51.2003, 5.2195, Lommel(neighbour));

        Assert.Empty(NetworkBoundaries.Problems(Guid.NewGuid(), outline, Lommel(neighbour)));
        Assert.True(outline.Covers(new Point(5.2195, 51.2003)));
        Assert.False(outline.Covers(new Point(5.2230, 51.2000)), "the neighbour's ground is left out");
    }

    [Fact]
    public void At_the_edge_of_the_zone_it_stays_inside()
    {
        // Some 14.9 km west of the centre: the disc would cross the 15 km edge.
        var projection = new LocalMetricProjection(51.2307, 5.3135);
        var longitude = 5.3135 - 14_850 / projection.MetresPerDegreeLongitude;

        var outline = ProvisionalBoundary.Around(51.2307, longitude, Lommel());

        Assert.Empty(NetworkBoundaries.Problems(Guid.NewGuid(), outline, Lommel()));
    }
}
