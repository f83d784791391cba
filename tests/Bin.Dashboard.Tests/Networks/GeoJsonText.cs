using System.Globalization;
using System.Text;

namespace Bin.Dashboard.Tests.Networks;

/// <summary>GeoJSON written by hand, the way a file from a GIS would arrive (so the tests do not lean on our own writer).</summary>
internal static class GeoJsonText
{
    public static string Square(double lon, double lat, double size) =>
        Ring((lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat));

    public static string Ring(params (double X, double Y)[] points) =>
        "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(",", points.Select(p => $"[{N(p.X)},{N(p.Y)}]")) + "]]}";

    public static string Feature(string geometry, string? name = null, Guid? id = null, string? status = null, bool? indicative = null)
    {
        var properties = new List<string>();
        if (id is not null) properties.Add($"\"id\":\"{id}\"");
        if (name is not null) properties.Add($"\"name\":\"{name}\"");
        if (status is not null) properties.Add($"\"status\":\"{status}\"");
        if (indicative is not null) properties.Add($"\"indicative\":{(indicative.Value ? "true" : "false")}");
        return $"{{\"type\":\"Feature\",\"properties\":{{{string.Join(",", properties)}}},\"geometry\":{geometry}}}";
    }

    public static string Collection(params string[] features) => CollectionIn(null, features);

    /// <summary>A FeatureCollection with a (GeoJSON 2008) "crs" member naming its coordinate system.</summary>
    public static string CollectionIn(string? crs, params string[] features)
    {
        var builder = new StringBuilder("{\"type\":\"FeatureCollection\",");
        if (crs is not null) builder.Append($"\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{crs}\"}}}},");
        builder.Append("\"features\":[").Append(string.Join(",", features)).Append("]}");
        return builder.ToString();
    }

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
