namespace Bin.Domain.Geometry;

/// <summary>
/// The area a police zone serves, as a centre and a radius. Anything reported further away is a typing
/// error (swapped latitude/longitude, a missing digit), not an incident of this zone.
/// </summary>
public sealed record ServiceArea(string Name, double CentreLatitude, double CentreLongitude, double RadiusMetres)
{
    /// <summary>Politiezone Lommel (5371): about 102 km² around the town centre.</summary>
    public static ServiceArea Lommel { get; } = new("Politiezone Lommel", 51.2307, 5.3135, 15_000);

    private const double EarthRadiusMetres = 6_371_008.8;

    public bool Contains(double latitude, double longitude) =>
        DistanceMetres(CentreLatitude, CentreLongitude, latitude, longitude) <= RadiusMetres;

    /// <summary>Great-circle distance (haversine); accurate to well under a metre at a zone's scale.</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double deg) => deg * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Refuses coordinates that are not WGS84 degrees or lie outside this area, naming the field.</summary>
    public void EnsureInside(double latitude, double longitude)
    {
        Wgs84.EnsureValid(latitude, longitude);
        if (!Contains(latitude, longitude))
            throw new DomainException(DomainMessages.OutsideZone.With(latitude, longitude,
                DistanceMetres(CentreLatitude, CentreLongitude, latitude, longitude) / 1000, Name, RadiusMetres / 1000), "lat");
    }
}
