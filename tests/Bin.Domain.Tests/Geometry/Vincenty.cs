namespace Bin.Domain.Tests.Geometry;

/// <summary>
/// The reference computation the metric distances are held to: Vincenty's formulae on the WGS84 ellipsoid (accurate to
/// well under a millimetre at these distances), independent of any map projection.
/// </summary>
internal static class Vincenty
{
    private const double A = 6_378_137.0;
    private const double F = 1 / 298.257223563;
    private const double B = A * (1 - F);
    private const double Rad = Math.PI / 180;

    /// <summary>The geodesic distance in metres between two WGS84 positions.</summary>
    public static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        var l = (lon2 - lon1) * Rad;
        var u1 = Math.Atan((1 - F) * Math.Tan(lat1 * Rad));
        var u2 = Math.Atan((1 - F) * Math.Tan(lat2 * Rad));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);
        double lambda = l, sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM;
        for (var i = 0; ; i++)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0) return 0;
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            var c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
            var previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < 1e-13 || i > 200) break;
        }
        var uSquared = cos2Alpha * (A * A - B * B) / (B * B);
        var bigA = 1 + uSquared / 16384 * (4096 + uSquared * (-768 + uSquared * (320 - 175 * uSquared)));
        var bigB = uSquared / 1024 * (256 + uSquared * (-128 + uSquared * (74 - 47 * uSquared)));
        var deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * bigA * (sigma - deltaSigma);
    }

    /// <summary>The position reached from (lat, lon) after <paramref name="metres"/> along the initial bearing (degrees from north).</summary>
    public static (double Latitude, double Longitude) Destination(double lat, double lon, double bearingDegrees, double metres)
    {
        var alpha1 = bearingDegrees * Rad;
        double sinAlpha1 = Math.Sin(alpha1), cosAlpha1 = Math.Cos(alpha1);
        var tanU1 = (1 - F) * Math.Tan(lat * Rad);
        var cosU1 = 1 / Math.Sqrt(1 + tanU1 * tanU1);
        var sinU1 = tanU1 * cosU1;
        var sigma1 = Math.Atan2(tanU1, cosAlpha1);
        var sinAlpha = cosU1 * sinAlpha1;
        var cos2Alpha = 1 - sinAlpha * sinAlpha;
        var uSquared = cos2Alpha * (A * A - B * B) / (B * B);
        var bigA = 1 + uSquared / 16384 * (4096 + uSquared * (-768 + uSquared * (320 - 175 * uSquared)));
        var bigB = uSquared / 1024 * (256 + uSquared * (-128 + uSquared * (74 - 47 * uSquared)));
        var sigma = metres / (B * bigA);
        double cos2SigmaM, sinSigma, cosSigma, previous;
        do
        {
            cos2SigmaM = Math.Cos(2 * sigma1 + sigma);
            sinSigma = Math.Sin(sigma);
            cosSigma = Math.Cos(sigma);
            var deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
            previous = sigma;
            sigma = metres / (B * bigA) + deltaSigma;
        } while (Math.Abs(sigma - previous) > 1e-13);
        var tmp = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
        var lat2 = Math.Atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1, (1 - F) * Math.Sqrt(sinAlpha * sinAlpha + tmp * tmp));
        var lambda = Math.Atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
        var c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
        var l = lambda - (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        return (lat2 / Rad, lon + l / Rad);
    }
}
