using Bin.Dashboard.Features.Networks;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Features.Map;

/// <summary>Turns network views into what the map draws, each network with a stable, distinct colour.</summary>
public static class NetworkPalette
{
    // Distinct on a plain light background and for common colour-vision deficiencies (Okabe–Ito based).
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#6A3D9A", "#8C564B", "#B8860B", "#1B9E77"];

    /// <param name="memberCounts">Active members per network (from the member registry); a network absent from it has none.</param>
    public static IReadOnlyList<MapNetwork> ToMap(IEnumerable<NetworkView> networks, Func<string, string> statusLabel, IReadOnlyDictionary<Guid, int> memberCounts) =>
        networks.OrderBy(n => n.Name, StringComparer.Ordinal)
            .Select((n, i) => new MapNetwork(n.Id, n.Name, statusLabel(n.Status.ToString()), n.Indicative, memberCounts.GetValueOrDefault(n.Id),
                Colours[i % Colours.Length], Rings(n.Boundary),
                Founding: n.Status is Bin.Domain.Networks.NetworkStatus.Proposed or Bin.Domain.Networks.NetworkStatus.Founding or Bin.Domain.Networks.NetworkStatus.Recognised))
            .ToList();

    public static double[][][] Rings(Polygon polygon) =>
        [Ring(polygon.ExteriorRing), .. polygon.InteriorRings.Select(Ring)];

    private static double[][] Ring(LineString ring) => ring.Coordinates.Select(c => new[] { c.Y, c.X }).ToArray();
}
