using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Incidents;
using Microsoft.Extensions.Primitives;

namespace Bin.Dashboard.Features.Replay.History;

/// <summary>
/// Which part of the history to show. Filters select whole incidents: an incident is in when its category is one of
/// <see cref="Categories"/> and it lies in, or alerted, one of <see cref="Networks"/>; then all its events are in
/// (so its closing always ends its alerts), except acknowledgements and replies from members of other networks.
/// Empty lists mean no filter.
/// </summary>
public sealed record HistoryFilter(IReadOnlyList<Guid> Networks, IReadOnlyList<string> Categories)
{
    public static readonly HistoryFilter None = new([], []);

    public bool IsEmpty => Networks.Count == 0 && Categories.Count == 0;

    /// <summary>Reads <c>networkId</c> and <c>category</c>, each repeated or comma-separated.</summary>
    public static HistoryFilter Parse(StringValues networkIds, StringValues categories)
    {
        var networks = new List<Guid>();
        foreach (var value in Split(networkIds))
        {
            if (!Guid.TryParse(value, out var id))
                throw new DomainException(ServerMessages.QueryNetworkIdGiven.With(value), "networkId");
            networks.Add(id);
        }
        var ids = new List<string>();
        foreach (var value in Split(categories))
        {
            if (!IncidentCategories.TryGet(value, out var category))
                throw new DomainException(DomainMessages.CategoryUnknown.With(value, string.Join(", ", IncidentCategories.All.Select(c => c.Id))), "category");
            ids.Add(category.Id);
        }
        return new HistoryFilter(networks.Distinct().ToList(), ids.Distinct().ToList());
    }

    private static IEnumerable<string> Split(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
