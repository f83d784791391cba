using System.Net;
using System.Threading.RateLimiting;
using Bin.Dashboard.Features.Joining;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>
/// Anonymous address searches per client address: a fixed window of <see cref="AddressOptions.AnonymousSearchesPerMinute"/>
/// a minute, shared by the join page (its circuit's <see cref="ClientAddress"/>) and the API, so a script cannot use the
/// page to get round the API's limit. Keys are the join page's keyed hashes, never addresses. Per node, in memory.
/// </summary>
public sealed class AddressSearchLimiter(IOptions<AddressOptions> options, AddressKeyer keyer) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AnonymousSearchesPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one search for a circuit's client key; false when the window's searches are used up.</summary>
    public bool TryTake(string clientKey)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        return lease.IsAcquired;
    }

    /// <summary>The same for a request's remote address (keyed as <see cref="ClientAddress"/> keys a circuit's).</summary>
    public bool TryTake(IPAddress? remote) =>
        TryTake(remote is null ? ClientAddress.Unknown : keyer.KeyOf((remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString()));

    public void Dispose() => _limiter.Dispose();
}
