namespace Bin.Dashboard.Features.Map;

/// <summary>A network as the map draws it. Rings are [latitude, longitude] pairs; the first is the outline, the rest holes.</summary>
public sealed record MapNetwork(Guid Id, string Name, string Status, bool Indicative, int MemberCount, string Colour, double[][][] Rings);

/// <summary>An incident marker.</summary>
public sealed record MapIncident(Guid Id, double Latitude, double Longitude, string Category, string Colour, string Glyph, string Status, string Label);

public readonly record struct MapPoint(double Latitude, double Longitude);

/// <summary>What the map emphasises: the selected incident, networks with open incidents, networks picked for an alert.</summary>
public sealed record MapHighlights(Guid? Incident, IReadOnlyCollection<Guid> ActiveNetworks, IReadOnlyCollection<Guid> SelectedNetworks)
{
    public static readonly MapHighlights None = new(null, [], []);
}

/// <summary>The client options of the map (from <see cref="MapOptions"/>).</summary>
public sealed record MapClientOptions(string TileUrl, string TileAttribution, double CentreLatitude, double CentreLongitude, int Zoom, string LegendTitle, string IndicativeNote, string MembersLabel);
