using System.Threading.Channels;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Localization;

namespace Bin.Dashboard.Infrastructure.LiveFeed;

/// <summary>Whether this node's tail of the event log is running, and how far it has read.</summary>
public sealed record FeedStatus(bool Connected, long LastSequence, DateTimeOffset? Since, string? Problem);

/// <summary>
/// The in-process side of the live feed: the event tail publishes here; Blazor components, the hub forwarder
/// and caches subscribe. Every subscriber has its own queue and pump, so a slow one (a circuit reloading, a hub
/// group with a stalled client) delays only itself, never the tail or the other subscribers.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<Subscription> _subscribers = [];

    public FeedStatus Status { get; private set; } = new(false, 0, null, "Starting");

    // Raised on the tail's thread; each handler runs in its subscriber's context (a circuit's culture), see CircuitCulture.cs.
    private readonly SubscriberContextEvent<Action<FeedStatus>> _statusChanged = new();
    private readonly SubscriberContextEvent<Action<IReadOnlyList<Guid>?>> _progressChanged = new();

    public event Action<FeedStatus>? StatusChanged { add => _statusChanged.Add(value); remove => _statusChanged.Remove(value); }

    /// <summary>
    /// Alerts' progress changed on some node (sent, delivered, failed, acknowledged): the alerts' ids, or null when too
    /// many changed to name (or notifications may have been missed) — then every shown alert is re-read.
    /// </summary>
    public event Action<IReadOnlyList<Guid>?>? ProgressChanged { add => _progressChanged.Add(value); remove => _progressChanged.Remove(value); }

    public void RaiseProgressChanged(IReadOnlyList<Guid>? alertIds) =>
        _progressChanged.Raise(h => h(alertIds), ex => logger.LogWarning(ex, "A progress subscriber failed"));

    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> handler)
    {
        var subscription = new Subscription(this, handler, logger);
        lock (_gate) _subscribers = [.. _subscribers, subscription];
        return subscription;
    }

    /// <summary>Subscribes for what <paramref name="scope"/> may see only.</summary>
    public IDisposable Subscribe(NetworkScope scope, Func<IReadOnlyList<LiveEvent>, Task> handler) =>
        Subscribe(batch =>
        {
            var visible = scope.WholeZone ? batch : batch.Where(e => scope.MaySeeAny(e.NetworkIds)).ToList();
            return visible.Count == 0 ? Task.CompletedTask : handler(visible);
        });

    internal void Publish(IReadOnlyList<LiveEvent> batch)
    {
        foreach (var subscriber in _subscribers) subscriber.Enqueue(batch);
    }

    internal void SetStatus(FeedStatus status)
    {
        var changed = status.Connected != Status.Connected || status.Problem != Status.Problem;
        Status = status;
        if (changed) _statusChanged.Raise(h => h(status), ex => logger.LogWarning(ex, "A feed status subscriber failed"));
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => s != subscription).ToList();
    }

    private sealed class Subscription : IDisposable
    {
        private readonly LiveFeed _feed;
        private readonly Channel<IReadOnlyList<LiveEvent>> _queue = Channel.CreateUnbounded<IReadOnlyList<LiveEvent>>(new() { SingleReader = true });

        public Subscription(LiveFeed feed, Func<IReadOnlyList<LiveEvent>, Task> handler, ILogger logger)
        {
            _feed = feed;
            _ = Task.Run(async () =>
            {
                await foreach (var batch in _queue.Reader.ReadAllAsync())
                {
                    try
                    {
                        await handler(batch);
                    }
                    catch (Exception ex)
                    {
                        // One broken subscriber (a closed circuit) must not stop its own later batches either.
                        logger.LogWarning(ex, "A live-feed subscriber failed on events up to {Sequence}", batch[^1].Sequence);
                    }
                }
            });
        }

        public void Enqueue(IReadOnlyList<LiveEvent> batch) => _queue.Writer.TryWrite(batch);

        public void Dispose()
        {
            _feed.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}
