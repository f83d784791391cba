using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Bin.Domain.Geometry;

/// <summary>The coordinate systems an imported file may use: WGS84 degrees, or the Belgian Lambert grids of official open data.</summary>
public enum ImportCrs
{
    Wgs84,

    /// <summary>EPSG:31370, Belge 1972 / Belgian Lambert 72 (metres).</summary>
    Lambert72,

    /// <summary>EPSG:3812, ETRS89 / Belgian Lambert 2008 (metres).</summary>
    Lambert2008,
}

/// <summary>
/// Turns Belgian Lambert 72 and Lambert 2008 coordinates into WGS84 longitude/latitude (ProjNet). Lambert 72 rests on
/// the Belge 1972 datum: the 7-parameter shift to WGS84 published with EPSG:31370 (EPSG:15929) puts points within about
/// a metre, which is more than a neighbourhood boundary needs. ETRS89 and WGS84 differ by centimetres here.
/// </summary>
public static class BelgianLambert
{
    public const string Lambert72Wkt = """
        PROJCS["Belge 1972 / Belgian Lambert 72",
          GEOGCS["Belge 1972",
            DATUM["Reseau_National_Belge_1972",
              SPHEROID["International 1924",6378388,297],
              TOWGS84[-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747]],
            PRIMEM["Greenwich",0],
            UNIT["degree",0.0174532925199433]],
          PROJECTION["Lambert_Conformal_Conic_2SP"],
          PARAMETER["standard_parallel_1",51.16666723333333],
          PARAMETER["standard_parallel_2",49.8333339],
          PARAMETER["latitude_of_origin",90],
          PARAMETER["central_meridian",4.367486666666666],
          PARAMETER["false_easting",150000.013],
          PARAMETER["false_northing",5400088.438],
          UNIT["metre",1]]
        """;

    private const string Lambert2008Wkt = """
        PROJCS["ETRS89 / Belgian Lambert 2008",
          GEOGCS["ETRS89",
            DATUM["European_Terrestrial_Reference_System_1989",
              SPHEROID["GRS 1980",6378137,298.257222101],
              TOWGS84[0,0,0,0,0,0,0]],
            PRIMEM["Greenwich",0],
            UNIT["degree",0.0174532925199433]],
          PROJECTION["Lambert_Conformal_Conic_2SP"],
          PARAMETER["standard_parallel_1",49.83333333333334],
          PARAMETER["standard_parallel_2",51.16666666666666],
          PARAMETER["latitude_of_origin",50.797815],
          PARAMETER["central_meridian",4.359215833333333],
          PARAMETER["false_easting",649328],
          PARAMETER["false_northing",665262],
          UNIT["metre",1]]
        """;

    private static readonly Lazy<ICoordinateTransformation> FromLambert72 = new(() => ToWgs84(Lambert72Wkt));
    private static readonly Lazy<ICoordinateTransformation> FromLambert2008 = new(() => ToWgs84(Lambert2008Wkt));
    private static readonly Lazy<ICoordinateTransformation> IntoLambert72 = new(() => FromWgs84(Lambert72Wkt));
    private static readonly Lazy<ICoordinateTransformation> IntoLambert2008 = new(() => FromWgs84(Lambert2008Wkt));

    /// <summary>Reads a CRS name as GeoJSON files and people write it: "EPSG:31370", "urn:ogc:def:crs:EPSG::3812", "CRS84", "4326".</summary>
    public static ImportCrs? Parse(string? name)
    {
        var text = name?.Trim().ToUpperInvariant() ?? "";
        if (text.Length == 0) return null;
        if (text.EndsWith("CRS84", StringComparison.Ordinal)) return ImportCrs.Wgs84;
        var code = text.Split(':', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return code switch
        {
            "4326" or "WGS84" => ImportCrs.Wgs84,
            "31370" or "LAMBERT72" => ImportCrs.Lambert72,
            "3812" or "LAMBERT2008" => ImportCrs.Lambert2008,
            _ => null,
        };
    }

    /// <summary>A copy of <paramref name="polygon"/> in WGS84 (x longitude, y latitude), rounded to 7 decimals (about 1 cm).</summary>
    public static Polygon ToWgs84(Polygon polygon, ImportCrs crs)
    {
        if (crs == ImportCrs.Wgs84) return polygon;
        var transform = (crs == ImportCrs.Lambert72 ? FromLambert72 : FromLambert2008).Value.MathTransform;
        var copy = (Polygon)polygon.Copy();
        copy.Apply(new CoordinateFilter(c =>
        {
            var (lon, lat) = transform.Transform(c.X, c.Y);
            return (Math.Round(lon, 7), Math.Round(lat, 7));
        }));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>A position of the given grid in WGS84 (longitude, latitude), e.g. an address of the registry's export.</summary>
    public static (double Longitude, double Latitude) ToWgs84(double x, double y, ImportCrs crs) => crs switch
    {
        ImportCrs.Lambert72 => FromLambert72.Value.MathTransform.Transform(x, y),
        ImportCrs.Lambert2008 => FromLambert2008.Value.MathTransform.Transform(x, y),
        _ => (x, y),
    };

    /// <summary>A WGS84 position in the given Lambert grid (for tests and for files that want metres).</summary>
    public static (double X, double Y) FromWgs84(double longitude, double latitude, ImportCrs crs) => crs switch
    {
        ImportCrs.Lambert72 => IntoLambert72.Value.MathTransform.Transform(longitude, latitude),
        ImportCrs.Lambert2008 => IntoLambert2008.Value.MathTransform.Transform(longitude, latitude),
        _ => (longitude, latitude),
    };

    /// <summary>
    /// A copy of a WGS84 geometry (x longitude, y latitude) in Belgian Lambert 2008 metres, unrounded: the metric plane in
    /// which distances between networks and routes are measured. Its scale error inside Belgium stays below 0.01 %.
    /// </summary>
    public static TGeometry ToLambert2008<TGeometry>(TGeometry wgs84) where TGeometry : NetTopologySuite.Geometries.Geometry
    {
        var transform = IntoLambert2008.Value.MathTransform;
        var copy = (TGeometry)wgs84.Copy();
        copy.Apply(new CoordinateFilter(c => transform.Transform(c.X, c.Y)));
        copy.GeometryChanged();
        return copy;
    }

    private static ICoordinateTransformation ToWgs84(string wkt) =>
        new CoordinateTransformationFactory().CreateFromCoordinateSystems(
            (CoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(wkt), GeographicCoordinateSystem.WGS84);

    private static ICoordinateTransformation FromWgs84(string wkt) =>
        new CoordinateTransformationFactory().CreateFromCoordinateSystems(
            GeographicCoordinateSystem.WGS84, (CoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(wkt));

    private sealed class CoordinateFilter(Func<Coordinate, (double X, double Y)> transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform(seq.GetCoordinate(i));
                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
