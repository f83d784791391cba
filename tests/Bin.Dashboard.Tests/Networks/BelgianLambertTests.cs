using Bin.Domain.Geometry;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Bin.Dashboard.Tests.Networks;

public class BelgianLambertTests
{
    [Theory]
    [InlineData("EPSG:31370", ImportCrs.Lambert72)]
    [InlineData("urn:ogc:def:crs:EPSG::3812", ImportCrs.Lambert2008)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", ImportCrs.Wgs84)]
    [InlineData("EPSG:4326", ImportCrs.Wgs84)]
    [InlineData("EPSG:28992", null)]
    public void Crs_names_are_read_as_files_write_them(string name, ImportCrs? expected)
    {
        Assert.Equal(expected, BelgianLambert.Parse(name));
    }

    [Fact]
    public void The_Lambert_72_projection_reproduces_the_NGI_test_point()
    {
        // On the Belge 1972 datum itself (no datum shift): 50°40'46.461" N, 5°48'26.533" E → X 251763.20, Y 153034.13
        // (the NGI's published example, computed with exact projection constants).
        var factory = new CoordinateSystemFactory();
        var lambert72 = (ProjectedCoordinateSystem)factory.CreateFromWkt(BelgianLambert.Lambert72Wkt);
        var project = new CoordinateTransformationFactory().CreateFromCoordinateSystems(lambert72.GeographicCoordinateSystem, lambert72).MathTransform;

        var (x, y) = project.Transform(5 + 48 / 60.0 + 26.533 / 3600, 50 + 40 / 60.0 + 46.461 / 3600);

        Assert.Equal(251_763.20, x, 0.05);
        Assert.Equal(153_034.13, y, 0.05);
    }

    [Fact]
    public void Lommel_lies_where_both_Lambert_grids_put_it()
    {
        var (x72, y72) = BelgianLambert.FromWgs84(5.3135, 51.2307, ImportCrs.Lambert72);
        var (x08, y08) = BelgianLambert.FromWgs84(5.3135, 51.2307, ImportCrs.Lambert2008);

        // Some 66 km east and 42 km north of the Lambert 72 origin near Brussels.
        Assert.InRange(x72, 214_000, 218_000);
        Assert.InRange(y72, 210_000, 214_000);
        // Lambert 2008 reads "about 500 km more each way" than Lambert 72 (NGI): two independent definitions (datum,
        // ellipsoid, projection) that agree to within metres.
        Assert.InRange(x08 - x72, 499_990, 500_010);
        Assert.InRange(y08 - y72, 499_990, 500_010);
    }

    [Fact]
    public void A_WGS84_position_survives_a_round_trip_through_each_grid()
    {
        foreach (var crs in new[] { ImportCrs.Lambert72, ImportCrs.Lambert2008 })
        {
            var (x, y) = BelgianLambert.FromWgs84(5.3135, 51.2307, crs);
            var factory = new NetTopologySuite.Geometries.GeometryFactory();
            var square = factory.CreatePolygon([new(x, y), new(x + 100, y), new(x + 100, y + 100), new(x, y + 100), new(x, y)]);

            var back = BelgianLambert.ToWgs84(square, crs).Coordinates[0];

            Assert.Equal(5.3135, back.X, 6);
            Assert.Equal(51.2307, back.Y, 6);
        }
    }
}
