namespace Bin.Dashboard.Features.Map;

/// <summary>A network as the map draws it. Rings are [latitude, longitude] pairs; the first is the outline, the rest holes.
/// <paramref name="Founding"/>: not running yet (proposed, being founded, recognised), drawn dotted.</summary>
public sealed record MapNetwork(Guid Id, string Name, string Status, bool Indicative, int MemberCount, string Colour, double[][][] Rings, bool Founding = false);

/// <summary>An incident marker.</summary>
public sealed record MapIncident(Guid Id, double Latitude, double Longitude, string Category, string Colour, string Glyph, string Status, string Label)
{
    /// <summary>The marker of <paramref name="incident"/>, labelled in <paramref name="language"/>.</summary>
    public static MapIncident Of(Bin.Dashboard.Features.Incidents.IncidentView incident, string language) =>
        Of(incident.Id, incident.Latitude, incident.Longitude, incident.Category, incident.Status.ToString(), c => $"{c.Name(language)}: {incident.Description}");

    /// <summary>A marker in its category's colour and glyph (an unknown category shows as "other"), with the label <paramref name="label"/> makes.</summary>
    public static MapIncident Of(Guid id, double latitude, double longitude, string category, string status, Func<Bin.Domain.Incidents.IncidentCategory, string> label)
    {
        var known = Bin.Domain.Incidents.IncidentCategories.TryGet(category, out var c) ? c : Bin.Domain.Incidents.IncidentCategories.Other;
        return new MapIncident(id, latitude, longitude, category, known.Colour, known.Icon, status, label(known));
    }
}

public readonly record struct MapPoint(double Latitude, double Longitude);

/// <summary>What the map emphasises: the selected incident, networks with open incidents, networks picked for an alert.</summary>
public sealed record MapHighlights(Guid? Incident, IReadOnlyCollection<Guid> ActiveNetworks, IReadOnlyCollection<Guid> SelectedNetworks)
{
    public static readonly MapHighlights None = new(null, [], []);
}

/// <summary>The client options of the map (from <see cref="MapOptions"/>); <paramref name="FocusNetworkId"/>: open on this network;
/// <paramref name="ClusterTitle"/>: the heading of a cluster's list, "{0}" standing for the number of incidents.</summary>
public sealed record MapClientOptions(string TileUrl, string TileAttribution, double CentreLatitude, double CentreLongitude, int Zoom, string LegendTitle, string IndicativeNote, string MembersLabel,
    Guid? FocusNetworkId = null, MapDrawTexts? DrawTexts = null, bool ShowLegend = true, string? ClusterTitle = null);

/// <summary>The drawing tool's hints, in the user's language; the Route… ones for drawing a line.</summary>
public sealed record MapDrawTexts(string Start, string Cont, string End, string Crossing, string? RouteStart = null, string? RouteCont = null, string? RouteEnd = null);

/// <summary>The map's drawing mode: a new polygon (<paramref name="EditNetworkId"/> null) or that network's outline, or
/// (<paramref name="Line"/>) a route as a line. A new instance restarts the drawing (e.g. "start again").</summary>
public sealed record MapDrawing(Guid? EditNetworkId, bool Line = false)
{
    /// <summary>An officer draws the route a suspect vehicle took; its points arrive like a polygon's, not closed.</summary>
    public static MapDrawing Route() => new(null, true);

    /// <summary>A distinct instance each time, so the same mode can be restarted.</summary>
    public static MapDrawing New() => new((Guid?)null);
}
