namespace Bin.Dashboard.Features.Addresses;

/// <summary>An address a search found, where it lies and in which networks; <see cref="Demo"/> for the demo seed's.</summary>
public sealed record AddressMatch(
    string Label,
    string Street,
    string Number,
    string? Box,
    string Postcode,
    string Municipality,
    double Latitude,
    double Longitude,
    IReadOnlyList<Guid> NetworkIds,
    bool Demo);

/// <summary>The address nearest to a point, and how far from it.</summary>
public sealed record NearbyAddress(AddressMatch Address, double Metres);

/// <summary>Somewhere addresses can be looked up: the local index, or the registry's online service.</summary>
public interface IAddressSource
{
    /// <summary>At most <paramref name="limit"/> addresses matching <paramref name="searchKey"/> (an
    /// <see cref="Bin.Domain.Addresses.AddressText.SearchKey"/>), best first; network ids are filled in by the caller.</summary>
    Task<IReadOnlyList<AddressMatch>> SearchAsync(string searchKey, int limit, CancellationToken ct);
}
