using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Features.Map;

public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>Leaflet tile URL template; empty for no tiles (polygons and markers on a plain background).
    /// Unreachable tile servers fail quietly: the map stays usable.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";

    [Range(-90, 90)] public double CentreLatitude { get; set; } = 51.2307;
    [Range(-180, 180)] public double CentreLongitude { get; set; } = 5.3135;
    [Range(1, 19)] public int Zoom { get; set; } = 13;
}
