using System.Text.Json;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Geometry;
using Bin.Domain.Networks;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Features.Networks;

/// <summary>
/// Network boundaries in and out as GeoJSON. Reading is forgiving about the shape of the file (a FeatureCollection,
/// one Feature or a bare geometry; "name" or "naam"; a one-part MultiPolygon) and strict about what it cannot
/// use: each feature's problem is reported against its number, and nothing is guessed.
/// </summary>
public static class NetworkGeoJson
{
    public const string MediaType = "application/geo+json";

    /// <summary>Reads the features of an import. File-level problems (not JSON, unknown CRS) are refused as a whole.</summary>
    /// <param name="crs">The CRS the caller names (query <c>crs=</c>); else the file's own "crs" member; else WGS84.</param>
    /// <exception cref="ImportRejectedException">The file cannot be read at all.</exception>
    public static IReadOnlyList<ImportFeature> ReadImport(JsonElement root, string? crs)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw FileProblem(ServerMessages.GeoJsonNotGeoJson);

        var sourceCrs = ResolveCrs(root, crs);
        var features = typeElement.GetString() switch
        {
            "FeatureCollection" when root.TryGetProperty("features", out var list) && list.ValueKind == JsonValueKind.Array => list.EnumerateArray().ToList(),
            "FeatureCollection" => throw FileProblem(ServerMessages.GeoJsonNoFeatures),
            "Feature" => [root],
            "Polygon" or "MultiPolygon" => [root],
            var other => throw FileProblem(ServerMessages.GeoJsonNoBoundaries.With(other)),
        };

        var read = new List<ImportFeature>(features.Count);
        var projected = false;
        for (var i = 0; i < features.Count; i++)
        {
            var feature = ReadFeature(i + 1, features[i], sourceCrs);
            read.Add(feature.Feature);
            projected |= feature.LooksProjected;
        }
        if (projected && sourceCrs == ImportCrs.Wgs84)
            throw FileProblem(ServerMessages.GeoJsonLooksProjected);
        return read;
    }

    /// <summary>One boundary for the API (a Polygon, or a Feature holding one), in WGS84.</summary>
    /// <exception cref="DomainException">Field "boundary": not a polygon.</exception>
    public static Polygon ReadBoundary(JsonElement element)
    {
        var feature = ReadFeature(1, element, ImportCrs.Wgs84);
        if (feature.Feature.ReadProblem is { } problem) throw new DomainException(problem, "boundary");
        if (feature.LooksProjected)
            throw new DomainException(ServerMessages.DrawnBoundaryWgs84, "boundary");
        return feature.Feature.Boundary!;
    }

    /// <summary>Every network as a Feature: what the import reads back (id, name, status, indicative) and what people look for.</summary>
    public static FeatureCollection Export(IEnumerable<NetworkView> networks)
    {
        var collection = new FeatureCollection();
        foreach (var n in networks.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            collection.Add(new Feature(n.Boundary, new AttributesTable
            {
                { "id", n.Id },
                { "name", n.Name },
                { "status", n.Status.ToString() },
                { "indicative", n.Indicative },
                { "foundingStep", n.Reached?.ToString() },
                { "fodReference", n.FodReference },
            }));
        }
        return collection;
    }

    private static ImportCrs ResolveCrs(JsonElement root, string? crs)
    {
        if (!string.IsNullOrWhiteSpace(crs))
            return BelgianLambert.Parse(crs) ?? throw FileProblem(ServerMessages.GeoJsonCrsUnsupported.With(crs));
        if (root.TryGetProperty("crs", out var member) && member.ValueKind == JsonValueKind.Object
            && member.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            return BelgianLambert.Parse(name.GetString())
                   ?? throw FileProblem(ServerMessages.GeoJsonFileCrsUnsupported.With(name.GetString()));
        return ImportCrs.Wgs84;
    }

    private sealed record ReadFeatureResult(ImportFeature Feature, bool LooksProjected);

    private static ReadFeatureResult ReadFeature(int number, JsonElement element, ImportCrs crs)
    {
        ImportFeature Problem(DomainText message, string? name = null) => new(number, null, name, null, message.ToString());

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            return new(Problem(ServerMessages.GeoJsonNotAFeature), false);

        JsonElement geometryElement;
        JsonElement properties = default;
        if (type.GetString() == "Feature")
        {
            if (!element.TryGetProperty("geometry", out geometryElement) || geometryElement.ValueKind != JsonValueKind.Object)
                return new(Problem(ServerMessages.GeoJsonNoGeometry), false);
            element.TryGetProperty("properties", out properties);
        }
        else
        {
            geometryElement = element;
        }

        var id = (Guid?)null;
        string? name = null;
        var status = NetworkStatus.Active;
        var indicative = false;
        if (properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in properties.EnumerateObject())
            {
                switch (p.Name.ToLowerInvariant())
                {
                    case "id" when p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out var parsed):
                        id = parsed;
                        break;
                    case "id" when p.Value.ValueKind != JsonValueKind.Null:
                        return new(Problem(ServerMessages.GeoJsonIdNotGuid.With(p.Value.GetRawText())), false);
                    case "name" or "naam" when p.Value.ValueKind == JsonValueKind.String:
                        name = p.Value.GetString();
                        break;
                    case "status" when p.Value.ValueKind == JsonValueKind.String:
                        if (!Enum.TryParse(p.Value.GetString(), ignoreCase: true, out status) || !Enum.IsDefined(status))
                            return new(Problem(ServerMessages.GeoJsonStatusUnknown.With(p.Value.GetString()), name), false);
                        break;
                    case "indicative" when p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                        indicative = p.Value.GetBoolean();
                        break;
                }
            }
        }

        Geometry? geometry;
        try
        {
            geometry = geometryElement.Deserialize<Geometry>(GeoJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            // The reader's own words are English and about its internals; the user needs to know the geometry is wrong.
            return new(Problem(ServerMessages.GeoJsonGeometryUnreadable, name), false);
        }

        var polygon = geometry switch
        {
            Polygon p => p,
            MultiPolygon { NumGeometries: 1 } m => (Polygon)m.GetGeometryN(0),
            MultiPolygon m => null,
            _ => null,
        };
        if (polygon is null)
        {
            var why = geometry switch
            {
                MultiPolygon m => ServerMessages.GeoJsonMultiPolygon.With(m.NumGeometries),
                null => ServerMessages.GeoJsonMissingGeometry,
                _ => ServerMessages.GeoJsonNotPolygon.With(geometry.GeometryType),
            };
            return new(Problem(why, name), false);
        }

        var looksProjected = polygon.Coordinates.Any(c => Math.Abs(c.X) > 180 || Math.Abs(c.Y) > 90);
        if (crs != ImportCrs.Wgs84)
        {
            if (!looksProjected)
                return new(Problem(ServerMessages.GeoJsonDegreesNotMetres.With(crs), name), false);
            polygon = BelgianLambert.ToWgs84(polygon, crs);
            looksProjected = false;
        }
        return new(new ImportFeature(number, id, name, polygon, null, status, indicative), looksProjected);
    }

    private static ImportRejectedException FileProblem(DomainText message) =>
        new(new Dictionary<int, IReadOnlyList<string>> { [0] = [message.ToString()] });
}
