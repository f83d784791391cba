using Bin.Dashboard.Features.Networks;
using Bin.Domain;
using Bin.Domain.Addresses;
using Bin.Domain.Geometry;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>
/// The one address search, behind the API, the intake form and the join page: the local index first, then the online
/// service when it is on; only addresses inside the zone, each once, with the networks that contain it now.
/// </summary>
public sealed class AddressLookup(IEnumerable<IAddressSource> sources, ServiceArea zone, NetworkDirectory networks)
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 100;
    public const int DefaultLimit = 8;
    public const int MaxLimit = 25;

    /// <summary>Refuses a query or limit the search cannot use, naming the field (<c>q</c>, <c>limit</c>).</summary>
    public static (string Key, int Limit) Validate(string? query, int? limit)
    {
        var key = AddressText.SearchKey(query ?? "");
        if (key.Length < MinQueryLength)
            throw new DomainException(Bin.Dashboard.Infrastructure.Localization.UiText.T("addresses.err.queryShort"), "q");
        if ((query ?? "").Length > MaxQueryLength)
            throw new DomainException(string.Format(Bin.Dashboard.Infrastructure.Localization.UiText.T("addresses.err.queryLong"), MaxQueryLength), "q");
        if (limit is < 1 or > MaxLimit)
            throw new DomainException(string.Format(Bin.Dashboard.Infrastructure.Localization.UiText.T("addresses.err.limit"), MaxLimit), "limit");
        return (key, limit ?? DefaultLimit);
    }

    public async Task<IReadOnlyList<AddressMatch>> SearchAsync(string? query, int? limit, CancellationToken ct)
    {
        var (key, max) = Validate(query, limit);
        var found = new List<AddressMatch>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (found.Count >= max) break;
            foreach (var match in await source.SearchAsync(key, max, ct))
                if (zone.Contains(match.Latitude, match.Longitude) && seen.Add(AddressText.SearchKey(match.Label)) && found.Count < max)
                    found.Add(match);
        }
        var directory = await networks.CurrentAsync(ct);
        return found.Select(m => m with { NetworkIds = directory.Resolver.Containing(m.Latitude, m.Longitude) }).ToList();
    }
}
