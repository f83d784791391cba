using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>
/// The Flemish government's public geolocation service over the address registry (<c>GET {base}Location?q=…&amp;c=…</c>,
/// answering <c>{"LocationResult":[{"Municipality","Zipcode","Thoroughfarename","Housenumber","Location":{"Lat_WGS84",
/// "Lon_WGS84"}}]}</c>). Only asked when <see cref="AddressOptions.OnlineEnabled"/>; a slow or failing service gives no
/// results (logged), never an error to the dispatcher, who still has the local index.
/// </summary>
public sealed class RegistryOnlineSource(IHttpClientFactory clients, IOptions<AddressOptions> options, ILogger<RegistryOnlineSource> logger) : IAddressSource
{
    public const string HttpClientName = "address-registry";

    public async Task<IReadOnlyList<AddressMatch>> SearchAsync(string searchKey, int limit, CancellationToken ct)
    {
        if (!options.Value.OnlineEnabled) return [];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.OnlineTimeout);
        var url = new Uri(new Uri(options.Value.OnlineBaseUrl.TrimEnd('/') + "/"),
            string.Create(CultureInfo.InvariantCulture, $"Location?q={Uri.EscapeDataString(searchKey)}&c={limit}"));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(url, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The online address service answered {Status}", (int)response.StatusCode);
                return [];
            }
            var body = await response.Content.ReadFromJsonAsync<LocationResponse>(timeout.Token);
            return (body?.LocationResult ?? [])
                .Where(r => r.Location is { } l && double.IsFinite(l.Lat) && double.IsFinite(l.Lon) && !string.IsNullOrWhiteSpace(r.Street))
                .Select(r => new AddressMatch(
                    Bin.Domain.Addresses.AddressText.Label(r.Street!.Trim(), r.Number?.Trim() ?? "", null, r.Postcode?.Trim() ?? "", r.Municipality?.Trim() ?? ""),
                    r.Street!.Trim(), r.Number?.Trim() ?? "", null, r.Postcode?.Trim() ?? "", r.Municipality?.Trim() ?? "",
                    Math.Round(r.Location!.Lat, 7), Math.Round(r.Location.Lon, 7), [], Demo: false))
                .Take(limit)
                .ToList();
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("The online address service failed: {Reason}", ex.GetType().Name);
            return [];
        }
    }

    private sealed record LocationResponse(IReadOnlyList<LocationResult>? LocationResult);

    private sealed record LocationResult(
        [property: JsonPropertyName("Municipality")] string? Municipality,
        [property: JsonPropertyName("Zipcode")] string? Postcode,
        [property: JsonPropertyName("Thoroughfarename")] string? Street,
        [property: JsonPropertyName("Housenumber")] string? Number,
        [property: JsonPropertyName("Location")] Position? Location);

    private sealed record Position(
        [property: JsonPropertyName("Lat_WGS84")] double Lat,
        [property: JsonPropertyName("Lon_WGS84")] double Lon);
}
