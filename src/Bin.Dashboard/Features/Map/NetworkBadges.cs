using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Localization;

namespace Bin.Dashboard.Features.Map;

/// <summary>An alert of an open incident as the map's badges need it.</summary>
public sealed record OpenAlert(Guid AlertId, Guid IncidentId, DateTimeOffset IssuedAt, IReadOnlyList<Guid> NetworkIds);

/// <summary>A network's badge on the map: the short text beside its name and the longer text shown on hover.</summary>
public sealed record NetworkBadge(string Text, string Detail);

/// <summary>
/// The map's badge per network: the acknowledgements of the network's LATEST open alert over that alert's recipients
/// there ("✓ 45/120", with "✗ 3" when messages failed), not a sum over every alert; the detail lists every open alert of
/// the network, newest first, with its time and figures. Only networks the user may see.
/// </summary>
public static class NetworkBadges
{
    public static IReadOnlyDictionary<Guid, NetworkBadge> For(
        IEnumerable<OpenAlert> alerts, IReadOnlyDictionary<Guid, IReadOnlyList<NetworkProgress>> progress, NetworkScope scope)
    {
        var perNetwork = new Dictionary<Guid, List<(OpenAlert Alert, NetworkProgress Figures)>>();
        foreach (var alert in alerts)
        {
            if (!progress.TryGetValue(alert.AlertId, out var rows)) continue;
            foreach (var row in rows)
            {
                if (!scope.MaySee(row.NetworkId)) continue;
                if (!perNetwork.TryGetValue(row.NetworkId, out var list)) perNetwork[row.NetworkId] = list = [];
                list.Add((alert, row));
            }
        }
        var header = UiText.T("live.badge.openAlerts");
        return perNetwork.ToDictionary(p => p.Key, p =>
        {
            var newestFirst = p.Value.OrderByDescending(a => a.Alert.IssuedAt).ThenByDescending(a => a.Alert.AlertId).ToList();
            var detail = string.Join('\n', newestFirst.Select(a => $"{ZoneTime.Format(a.Alert.IssuedAt, "HH:mm")}  {Figures(a.Figures)}").Prepend(header));
            return new NetworkBadge(Figures(newestFirst[0].Figures), detail);
        });
    }

    private static string Figures(NetworkProgress p) => $"✓ {p.Acknowledged}/{p.Recipients}" + (p.Failed > 0 ? $" ✗ {p.Failed}" : "");
}
