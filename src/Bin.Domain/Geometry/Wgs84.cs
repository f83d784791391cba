namespace Bin.Domain.Geometry;

/// <summary>The one place that decides whether a latitude/longitude pair is a WGS84 position in degrees.</summary>
internal static class Wgs84
{
    /// <summary>Refuses NaN and out-of-range coordinates, naming the field ("lat" or "lon") that is wrong.</summary>
    public static void EnsureValid(double latitude, double longitude)
    {
        if (double.IsNaN(latitude) || latitude is < -90 or > 90)
            throw new DomainException(DomainMessages.LatitudeInvalid, "lat");
        if (double.IsNaN(longitude) || longitude is < -180 or > 180)
            throw new DomainException(DomainMessages.LongitudeInvalid, "lon");
    }
}
