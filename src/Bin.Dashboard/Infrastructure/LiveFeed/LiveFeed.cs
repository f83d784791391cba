using Bin.Dashboard.Infrastructure.Auth;

namespace Bin.Dashboard.Infrastructure.LiveFeed;

/// <summary>Whether this node's tail of the event log is running, and how far it has read.</summary>
public sealed record FeedStatus(bool Connected, long LastSequence, DateTimeOffset? Since, string? Problem);

/// <summary>
/// The in-process side of the live feed: the event tail publishes here; Blazor components and the hub
/// forwarder subscribe. Handlers run one after another per batch and must not block (components marshal
/// onto their own dispatcher with InvokeAsync).
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger)
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    public FeedStatus Status { get; private set; } = new(false, 0, null, "Starting");

    public event Action<FeedStatus>? StatusChanged;

    /// <summary>The SMS outbox changed on some node (sent, delivered, failed, acknowledged): progress views reload.</summary>
    public event Action? OutboxChanged;

    internal void RaiseOutboxChanged() => OutboxChanged?.Invoke();

    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> handler)
    {
        lock (_gate) _subscribers = _subscribers.Add(handler);
        return new Subscription(this, handler);
    }

    /// <summary>Subscribes for what <paramref name="scope"/> may see only.</summary>
    public IDisposable Subscribe(NetworkScope scope, Func<IReadOnlyList<LiveEvent>, Task> handler) =>
        Subscribe(batch =>
        {
            var visible = scope.WholeZone ? batch : batch.Where(e => scope.MaySeeAny(e.NetworkIds)).ToList();
            return visible.Count == 0 ? Task.CompletedTask : handler(visible);
        });

    internal async Task PublishAsync(IReadOnlyList<LiveEvent> batch)
    {
        foreach (var handler in _subscribers.Handlers)
        {
            try
            {
                await handler(batch);
            }
            catch (Exception ex)
            {
                // One broken subscriber (a closed circuit) must not stop the feed for the others.
                logger.LogWarning(ex, "A live-feed subscriber failed on events up to {Sequence}", batch[^1].Sequence);
            }
        }
    }

    internal void SetStatus(FeedStatus status)
    {
        var changed = status.Connected != Status.Connected || status.Problem != Status.Problem;
        Status = status;
        if (changed) StatusChanged?.Invoke(status);
    }

    private void Remove(Func<IReadOnlyList<LiveEvent>, Task> handler)
    {
        lock (_gate) _subscribers = _subscribers.Remove(handler);
    }

    private sealed class Subscription(LiveFeed feed, Func<IReadOnlyList<LiveEvent>, Task> handler) : IDisposable
    {
        public void Dispose() => feed.Remove(handler);
    }

    /// <summary>Copy-on-write list: publishing iterates a snapshot without locking.</summary>
    private sealed record ImmutableSubscribers(IReadOnlyList<Func<IReadOnlyList<LiveEvent>, Task>> Handlers)
    {
        public static readonly ImmutableSubscribers Empty = new([]);
        public ImmutableSubscribers Add(Func<IReadOnlyList<LiveEvent>, Task> h) => new([.. Handlers, h]);
        public ImmutableSubscribers Remove(Func<IReadOnlyList<LiveEvent>, Task> h) => new(Handlers.Where(x => x != h).ToList());
    }
}
