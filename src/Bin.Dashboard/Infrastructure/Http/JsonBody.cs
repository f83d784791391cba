using System.Text.Json;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// Reads a JSON object body field by field, so a wrong type ("lat": "north") is reported against that field
/// as a 400 problem, instead of a generic binding failure.
/// </summary>
public sealed class JsonBody
{
    private readonly JsonElement _root;

    private JsonBody(JsonElement root) => _root = root;

    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasJsonContentType() is false)
            throw new DomainException("Send the request as JSON (Content-Type: application/json).", "body");
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new DomainException("The body must be a JSON object.", "body");
            return new JsonBody(document.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            throw new DomainException(ServerMessages.NotJson(ex), "body");
        }
    }

    private bool TryGet(string name, out JsonElement value)
    {
        foreach (var property in _root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Whether the body has the field with a non-null value.</summary>
    public bool Has(string name) => TryGet(name, out _);

    public double RequiredNumber(string name)
    {
        if (!TryGet(name, out var value))
            throw new DomainException($"{name} is required.", name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            throw new DomainException($"{name} must be a number.", name);
        return number;
    }

    public string? OptionalString(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new DomainException($"{name} must be a string.", name);
        return value.GetString();
    }

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw new DomainException($"{name} is required.", name);

    public IReadOnlyList<Guid> GuidList(string name)
    {
        if (!TryGet(name, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array)
            throw new DomainException($"{name} must be an array of ids.", name);
        var ids = new List<Guid>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Guid.TryParse(item.GetString(), out var id))
                throw new DomainException($"{name} must hold network ids (GUIDs).", name);
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>A whole number, or null when the field is absent.</summary>
    public int? OptionalInteger(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw new DomainException($"{name} must be a whole number.", name);
        return number;
    }

    /// <summary>An ISO 8601 time with an offset ("2026-11-28T21:40:00+01:00" or "…Z"), or null when the field is absent.</summary>
    public DateTimeOffset? OptionalTime(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var time) || !HasOffset(value.GetString()!))
            throw new DomainException($"{name} must be a time with its offset, e.g. 2026-11-28T21:40:00+01:00.", name);
        return time;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
    /// <summary>A field as raw JSON (e.g. a GeoJSON geometry), or null when absent.</summary>
    public JsonElement? OptionalElement(string name) => TryGet(name, out var value) ? value : null;

    public int RequiredInt(string name)
    {
        var number = RequiredNumber(name);
        if (number != Math.Floor(number) || number is < int.MinValue or > int.MaxValue)
            throw new DomainException($"{name} must be a whole number.", name);
        return (int)number;
    }

    public bool? OptionalBool(string name)
    {
        if (!TryGet(name, out var value)) return null;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw new DomainException($"{name} must be true or false.", name);
        return value.GetBoolean();
    }

    /// <summary>A calendar date as yyyy-MM-dd.</summary>
    public DateOnly RequiredDate(string name)
    {
        var text = RequiredString(name);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            throw new DomainException($"{name} must be a date as yyyy-MM-dd.", name);
        return date;
    }

    public IReadOnlyList<string> StringList(string name)
    {
        if (!TryGet(name, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            throw new DomainException($"{name} must be an array of strings.", name);
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
