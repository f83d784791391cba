using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Bin.Dashboard.Tests.Alerts.Cap;

/// <summary>
/// The rules of OASIS CAP 1.2 (section 3.2 and the schema) that a document is checked against: the namespace, the
/// required elements in schema order, the value lists, the date-time form, and polygons as closed rings of at
/// least four "lat,lon" pairs (latitude first).
/// </summary>
internal static partial class CapRules
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    private static readonly string[] AlertOrder = ["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "code", "note", "references", "incidents", "info"];
    private static readonly string[] InfoOrder = ["language", "category", "event", "responseType", "urgency", "severity", "certainty", "audience", "eventCode", "effective", "onset", "expires", "senderName", "headline", "description", "instruction", "web", "contact", "parameter", "resource", "area"];
    private static readonly string[] AreaOrder = ["areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling"];

    private static readonly string[] Statuses = ["Actual", "Exercise", "System", "Test", "Draft"];
    private static readonly string[] MessageTypes = ["Alert", "Update", "Cancel", "Ack", "Error"];
    private static readonly string[] Scopes = ["Public", "Restricted", "Private"];
    private static readonly string[] Categories = ["Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other"];
    private static readonly string[] ResponseTypes = ["Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None"];
    private static readonly string[] Urgencies = ["Immediate", "Expected", "Future", "Past", "Unknown"];
    private static readonly string[] Severities = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"];
    private static readonly string[] Certainties = ["Observed", "Likely", "Possible", "Unlikely", "Unknown"];

    /// <summary>Every broken rule, as readable lines; empty when the document keeps them all.</summary>
    public static IReadOnlyList<string> Check(XElement alert)
    {
        var problems = new List<string>();
        if (alert.Name != Cap + "alert") problems.Add($"root is {alert.Name}, not {{{Cap}}}alert");
        if (alert.Descendants().Any(e => e.Name.Namespace != Cap)) problems.Add("an element is outside the CAP namespace");
        CheckOrder(alert, AlertOrder, ["identifier", "sender", "sent", "status", "msgType", "scope"], problems);
        foreach (var name in new[] { "identifier", "sender" })
        {
            var value = Value(alert, name);
            if (value is not null && !NoSpacesCommasOrReserved().IsMatch(value)) problems.Add($"{name} '{value}' holds spaces, commas, < or &");
        }
        if (Value(alert, "sent") is { } sent && !CapTime().IsMatch(sent)) problems.Add($"sent '{sent}' is not a CAP date-time (offset required, no Z)");
        OneOf(alert, "status", Statuses, problems);
        OneOf(alert, "msgType", MessageTypes, problems);
        OneOf(alert, "scope", Scopes, problems);
        if (Value(alert, "scope") == "Restricted" && string.IsNullOrWhiteSpace(Value(alert, "restriction"))) problems.Add("scope Restricted without restriction");
        if (Value(alert, "scope") == "Private" && string.IsNullOrWhiteSpace(Value(alert, "addresses"))) problems.Add("scope Private without addresses");
        foreach (var info in alert.Elements(Cap + "info"))
        {
            CheckOrder(info, InfoOrder, ["category", "event", "urgency", "severity", "certainty"], problems);
            foreach (var category in info.Elements(Cap + "category"))
                if (!Categories.Contains(category.Value)) problems.Add($"category '{category.Value}' is not in the CAP list");
            foreach (var response in info.Elements(Cap + "responseType"))
                if (!ResponseTypes.Contains(response.Value)) problems.Add($"responseType '{response.Value}' is not in the CAP list");
            OneOf(info, "urgency", Urgencies, problems);
            OneOf(info, "severity", Severities, problems);
            OneOf(info, "certainty", Certainties, problems);
            foreach (var area in info.Elements(Cap + "area"))
            {
                CheckOrder(area, AreaOrder, ["areaDesc"], problems);
                foreach (var polygon in area.Elements(Cap + "polygon")) CheckPolygon(polygon.Value, problems);
            }
        }
        return problems;
    }

    /// <summary>A polygon's pairs as (latitude, longitude).</summary>
    public static IReadOnlyList<(double Latitude, double Longitude)> Pairs(string polygon) =>
        polygon.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var parts = pair.Split(',');
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }).ToList();

    private static void CheckPolygon(string polygon, List<string> problems)
    {
        if (!PolygonText().IsMatch(polygon.Trim()))
        {
            problems.Add($"polygon is not whitespace-separated 'lat,lon' pairs: {polygon[..Math.Min(60, polygon.Length)]}");
            return;
        }
        var pairs = Pairs(polygon);
        if (pairs.Count < 4) problems.Add($"polygon has {pairs.Count} pairs, at least 4 are required");
        if (pairs[0] != pairs[^1]) problems.Add("polygon is not closed: the first and last pairs differ");
        if (pairs.Any(p => p.Latitude is < -90 or > 90 || p.Longitude is < -180 or > 180)) problems.Add("polygon has a pair out of WGS84 range");
    }

    private static void CheckOrder(XElement parent, string[] order, string[] required, List<string> problems)
    {
        foreach (var name in required)
            if (parent.Element(Cap + name) is null) problems.Add($"{parent.Name.LocalName} lacks the required {name}");
        var positions = parent.Elements().Select(e => Array.IndexOf(order, e.Name.LocalName)).ToList();
        if (positions.Contains(-1)) problems.Add($"{parent.Name.LocalName} holds an element CAP does not define there");
        if (!positions.SequenceEqual(positions.Order())) problems.Add($"{parent.Name.LocalName}'s elements are not in schema order: {string.Join(", ", parent.Elements().Select(e => e.Name.LocalName))}");
    }

    private static void OneOf(XElement parent, string name, string[] values, List<string> problems)
    {
        var value = Value(parent, name);
        if (value is not null && !values.Contains(value)) problems.Add($"{name} '{value}' is not one of {string.Join("/", values)}");
    }

    private static string? Value(XElement parent, string name) => parent.Element(Cap + name)?.Value;

    [GeneratedRegex(@"^[^\s,<&]+$")]
    private static partial Regex NoSpacesCommasOrReserved();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$")]
    private static partial Regex CapTime();

    [GeneratedRegex(@"^-?\d+(\.\d+)?,-?\d+(\.\d+)?(\s+-?\d+(\.\d+)?,-?\d+(\.\d+)?)*$")]
    private static partial Regex PolygonText();
}
