using System.Text.Json;
using NetTopologySuite.IO.Converters;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>The one JSON setting for GeoJSON responses (NetTopologySuite features and geometries).</summary>
public static class GeoJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
