using Bin.Domain.Networks;
using JasperFx.Events;
using Marten;

namespace Bin.Dashboard.Infrastructure.LiveFeed;

/// <summary>Turns stored events into <see cref="LiveEvent"/>s, finding the networks each concerns.</summary>
public sealed class LiveEventMapper(IEnumerable<ILiveNetworkResolver> resolvers)
{
    public async Task<LiveEvent> MapAsync(IEvent e, IQuerySession session, CancellationToken ct)
    {
        IReadOnlyList<Guid> networks = e.Data switch
        {
            // Every event of a network's stream names its network.
            INetworkEvent n => [n.NetworkId],
            _ => await ResolveAsync(e, session, ct),
        };
        return new LiveEvent(e.Sequence, e.EventType.Name, e.StreamId, e.Timestamp, networks, e.Data);
    }

    private async Task<IReadOnlyList<Guid>> ResolveAsync(IEvent e, IQuerySession session, CancellationToken ct)
    {
        foreach (var resolver in resolvers)
        {
            var ids = await resolver.NetworksOfAsync(e, session, ct);
            if (ids is not null) return ids;
        }
        return [];
    }
}

/// <summary>A feature that knows which networks its events concern (e.g. incidents: the networks containing them).</summary>
public interface ILiveNetworkResolver
{
    /// <summary>The networks <paramref name="e"/> concerns, or null when the event is not this feature's.</summary>
    ValueTask<IReadOnlyList<Guid>?> NetworksOfAsync(IEvent e, IQuerySession session, CancellationToken ct);
}
