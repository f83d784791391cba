using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// The security stamps that this node's open Blazor circuits check against every revalidation interval, read for all
/// of them in one query. Each circuit's own timer asks; an answer read less than half an interval ago serves, and a
/// read that is due takes every account asked for in the last two intervals along. So a node reads about twice per
/// interval however many circuits are open, where each circuit reading its own account cost one query per circuit.
/// Revocation still reaches a circuit within one and a half intervals.
/// </summary>
public sealed class CircuitStamps(IAccountStamps accounts, TimeProvider clock, IOptions<AuthOptions> options)
{
    private sealed record Read(IReadOnlySet<string> Ids, IReadOnlyDictionary<string, string> Stamps, DateTimeOffset At);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _asked = new(StringComparer.Ordinal);
    private Read _last = new(new HashSet<string>(), new Dictionary<string, string>(), DateTimeOffset.MinValue);
    private Task<Read>? _reading;

    private TimeSpan Interval => options.Value.RevalidationInterval;

    /// <summary>The account's current stamp; null for a missing or disabled account.</summary>
    public async Task<string?> StampAsync(string accountId, CancellationToken ct)
    {
        while (true)
        {
            Task<Read> reading;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                _asked[accountId] = now;
                if (_last.Ids.Contains(accountId) && now - _last.At < Interval / 2) return _last.Stamps.GetValueOrDefault(accountId);
                reading = _reading ??= StartRead(now);
            }
            // The read is shared: one circuit giving up must not cancel it for the others.
            var read = await reading.WaitAsync(ct);
            // A read already under way when this account was first asked for may not include it: then the next one will.
            if (read.Ids.Contains(accountId)) return read.Stamps.GetValueOrDefault(accountId);
        }
    }

    /// <summary>Called under the gate: the accounts asked for lately, read on the thread pool (never on a circuit's
    /// dispatcher, and never completing before <see cref="_reading"/> holds it).</summary>
    private Task<Read> StartRead(DateTimeOffset now)
    {
        foreach (var stale in _asked.Where(a => now - a.Value > 2 * Interval).Select(a => a.Key).ToList()) _asked.Remove(stale);
        var ids = _asked.Keys.ToHashSet(StringComparer.Ordinal);
        return Task.Run(async () =>
        {
            try
            {
                var read = new Read(ids, await accounts.CurrentStampsAsync(ids, CancellationToken.None), now);
                lock (_gate) _last = read;
                return read;
            }
            finally
            {
                lock (_gate) _reading = null;
            }
        });
    }
}
