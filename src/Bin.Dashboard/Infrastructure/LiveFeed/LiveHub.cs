using Bin.Dashboard.Infrastructure.Auth;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Bin.Dashboard.Infrastructure.LiveFeed;

/// <summary>
/// /hubs/live: clients receive "event" messages for what their role may see. They can catch up after a
/// reconnect but never send to others: the hub has no broadcasting method.
/// </summary>
[Authorize]
public sealed class LiveHub(IDocumentStore store, LiveEventMapper mapper, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/live";

    /// <summary>How far back a reconnecting client may catch up: what it missed while away, not the history (that is the replay's, for chiefs).</summary>
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromHours(12);
    public const string EventMethod = "event";
    public const string ZoneGroup = "zone";
    public static string NetworkGroup(Guid id) => $"network:{id}";

    public override async Task OnConnectedAsync()
    {
        var scope = NetworkScope.Of(Context.User!);
        if (scope.WholeZone)
            await Groups.AddToGroupAsync(Context.ConnectionId, ZoneGroup);
        else
            foreach (var network in scope.Networks)
                await Groups.AddToGroupAsync(Context.ConnectionId, NetworkGroup(network));
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Events after <paramref name="afterSequence"/> of the last <see cref="CatchUpWindow"/>, as the hub's groups would
    /// have delivered them to this user (<see cref="LiveEventScoping"/>), oldest first (at most 1,000).
    /// </summary>
    public async Task<IReadOnlyList<LiveEvent>> CatchUp(long afterSequence)
    {
        if (afterSequence < 0) throw new HubException("afterSequence must be zero or positive.");
        var scope = NetworkScope.Of(Context.User!);
        var since = clock.GetUtcNow() - CatchUpWindow;
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > afterSequence && e.Timestamp >= since)
            .OrderBy(e => e.Sequence)
            .Take(1000)
            .ToListAsync(Context.ConnectionAborted);
        var result = new List<LiveEvent>(events.Count);
        foreach (var e in events)
        {
            if (LiveEventScoping.For(await mapper.MapAsync(e, session, Context.ConnectionAborted), scope) is { } visible) result.Add(visible);
        }
        return result;
    }
}

/// <summary>Forwards this node's feed to the hub's groups.</summary>
internal sealed class LiveHubForwarder(LiveFeed feed, IHubContext<LiveHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken ct)
    {
        _subscription = feed.Subscribe(async batch =>
        {
            foreach (var e in batch)
            {
                await hub.Clients.Group(LiveHub.ZoneGroup).SendAsync(LiveHub.EventMethod, e);
                foreach (var network in e.NetworkIds)
                    await hub.Clients.Group(LiveHub.NetworkGroup(network)).SendAsync(LiveHub.EventMethod, LiveEventScoping.For(e, LiveEventScoping.Network(network)));
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
