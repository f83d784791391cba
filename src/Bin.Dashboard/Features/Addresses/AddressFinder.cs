using Bin.Dashboard.Features.Joining;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>What the <c>AddressSearch</c> component asks: the one search, limited per client address when anonymous.</summary>
public interface IAddressFinder
{
    /// <summary>Addresses in the zone for <paramref name="query"/>. Throws <see cref="Bin.Domain.DomainException"/> for a
    /// query that cannot be searched (field <c>q</c>), <see cref="AddressSearchLimitedException"/> past the anonymous limit.</summary>
    Task<IReadOnlyList<AddressMatch>> FindAsync(string query, bool anonymous, CancellationToken ct);
}

/// <summary>The client address has used its anonymous searches of this minute.</summary>
public sealed class AddressSearchLimitedException() : Exception("Too many anonymous address searches from this client address.");

/// <summary>Per circuit: the join page's anonymous searches count against the circuit's client address.</summary>
internal sealed class CircuitAddressFinder(AddressLookup lookup, AddressSearchLimiter limiter, ClientAddress client) : IAddressFinder
{
    public async Task<IReadOnlyList<AddressMatch>> FindAsync(string query, bool anonymous, CancellationToken ct)
    {
        AddressLookup.Validate(query, null);
        if (anonymous && !limiter.TryTake(client.Key)) throw new AddressSearchLimitedException();
        return await lookup.SearchAsync(query, null, ct);
    }
}
