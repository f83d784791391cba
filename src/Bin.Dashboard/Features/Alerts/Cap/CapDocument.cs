using System.Globalization;
using System.Xml.Linq;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain.Incidents;
using Bin.Domain.Members;
using Bin.Domain.Tips;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Features.Alerts.Cap;

/// <summary>One alerted network as a CAP area: its name and its boundary (WGS84).</summary>
public sealed record CapArea(string Name, Polygon Boundary);

/// <summary>What a CAP document is made of: the alert, its incident (null when it cannot be found) and its areas.</summary>
public sealed record CapSource(AlertView Alert, string IncidentCategory, DateTimeOffset? IncidentVerifiedAt, IReadOnlyList<CapArea> Areas);

/// <summary>
/// An alert as an OASIS CAP 1.2 document (<see cref="Namespace"/>), for alerting platforms that speak the Common
/// Alerting Protocol. The mapping from incident to CAP values is <see cref="CapProfile"/>; docs/cap.md explains it.
/// </summary>
public static class CapDocument
{
    public const string ContentType = "application/cap+xml";
    public static readonly XNamespace Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>CAP's language codes for the member languages a tip is sent in.</summary>
    private static readonly IReadOnlyDictionary<string, string> CapLanguages = new Dictionary<string, string>
    {
        ["nl"] = "nl-BE", ["fr"] = "fr-BE", ["de"] = "de-BE", ["en"] = "en",
    };

    /// <summary>CAP recommends a headline under 160 characters, for text pagers and the like.</summary>
    private const int MaxHeadline = 160;

    public static XElement Build(CapSource source, CapOptions options, string senderName)
    {
        var alert = source.Alert;
        var profile = CapProfile.For(source.IncidentCategory, source.IncidentVerifiedAt is { } verified && verified <= alert.IssuedAt);
        var category = IncidentCategories.TryGet(source.IncidentCategory, out var c) ? c : IncidentCategories.Other;
        XName N(string name) => Namespace + name;

        var infos = alert.Texts
            .Where(t => CapLanguages.ContainsKey(t.Key))
            .OrderBy(t => Languages.All.Select(l => l.Code()).ToList().IndexOf(t.Key))
            .Select(t => new XElement(N("info"),
                new XElement(N("language"), CapLanguages[t.Key]),
                new XElement(N("category"), profile.Category),
                new XElement(N("event"), category.Name(t.Key)),
                new XElement(N("responseType"), profile.ResponseType),
                new XElement(N("urgency"), profile.Urgency),
                new XElement(N("severity"), profile.Severity),
                new XElement(N("certainty"), profile.Certainty),
                new XElement(N("senderName"), senderName),
                new XElement(N("headline"), Headline(alert.TipTemplateId, t.Key, t.Value)),
                new XElement(N("description"), t.Value),
                source.Areas.Select(a => new XElement(N("area"),
                    new XElement(N("areaDesc"), a.Name),
                    new XElement(N("polygon"), Polygon(a.Boundary))))));

        return new XElement(N("alert"),
            new XElement(N("identifier"), Identifier(alert.Id)),
            new XElement(N("sender"), options.Sender),
            new XElement(N("sent"), Time(alert.IssuedAt)),
            new XElement(N("status"), "Actual"),
            new XElement(N("msgType"), "Alert"),
            new XElement(N("scope"), "Restricted"),
            new XElement(N("restriction"), options.Restriction),
            new XElement(N("incidents"), alert.IncidentId.ToString()),
            infos);
    }

    public static string Identifier(Guid alertId) => $"urn:uuid:{alertId}";

    /// <summary>CAP time: the zone's local time with its offset, seconds, no fractions; "Z" is not allowed and UTC is written "-00:00".</summary>
    public static string Time(DateTimeOffset at)
    {
        var local = ZoneTime.Local(at);
        var offset = local.Offset;
        var sign = offset <= TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + $"{sign}{offset.Duration():hh\\:mm}";
    }

    /// <summary>The outline as CAP wants it: "lat,lon" pairs (WGS84) separated by spaces, the first repeated last. Holes cannot be expressed in CAP.</summary>
    public static string Polygon(Polygon boundary)
    {
        var ring = boundary.ExteriorRing.Coordinates.ToList();
        if (!ring[0].Equals2D(ring[^1])) ring.Add(ring[0]);
        return string.Join(' ', ring.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Y:0.######},{p.X:0.######}")));
    }

    /// <summary>A library tip's title in that language; an officer's own text up to its first sentence, shortened to fit.</summary>
    private static string Headline(string? templateId, string language, string text)
    {
        if (templateId is not null && TipLibrary.All.FirstOrDefault(t => t.Id == templateId) is { } tip)
            return tip.Title(Languages.Parse(language));
        var end = text.IndexOfAny(['.', '!', '?', '\n']);
        var first = (end > 0 ? text[..(end + 1)] : text).Trim();
        return first.Length <= MaxHeadline ? first : first[..(MaxHeadline - 1)].TrimEnd() + "…";
    }
}

/// <summary>
/// The CAP values an incident category leads to. Urgency is always Immediate: an alert goes out while the incident is
/// open. Certainty is Observed once police verified the incident before alerting, Likely otherwise.
/// </summary>
public sealed record CapProfile(string Category, string Urgency, string Severity, string Certainty, string ResponseType)
{
    public static CapProfile For(string incidentCategory, bool verified)
    {
        var certainty = verified ? "Observed" : "Likely";
        return incidentCategory switch
        {
            "fire" => new("Fire", "Immediate", "Severe", certainty, "Prepare"),
            "co" => new("Health", "Immediate", "Severe", certainty, "Prepare"),
            "burglary" or "theft" => new("Security", "Immediate", "Moderate", certainty, "Prepare"),
            "suspicious-person" or "suspicious-vehicle" or "vandalism" => new("Security", "Immediate", "Minor", certainty, "Monitor"),
            _ => new("Other", "Immediate", "Minor", certainty, "Monitor"),
        };
    }
}
