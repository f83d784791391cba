using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Bin.Dashboard.Infrastructure.Telemetry;

/// <summary>Who may read /metrics: the figures show how busy the zone is, so not the whole internet.</summary>
internal sealed class MetricsAccess(TelemetryOptions options)
{
    private readonly IReadOnlyList<IPNetwork> _networks = options.MetricsAllowedNetworks.Select(n => IPNetwork.Parse(n)).ToList();
    private readonly byte[]? _token = options.MetricsToken.Length > 0 ? Encoding.UTF8.GetBytes(options.MetricsToken) : null;

    public bool Allows(HttpContext context)
    {
        if (_token is not null && context.Request.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), _token))
            return true;
        return context.Connection.RemoteIpAddress is { } address && Allows(address);
    }

    public bool Allows(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || _networks.Any(n => n.Contains(address));
    }
}
