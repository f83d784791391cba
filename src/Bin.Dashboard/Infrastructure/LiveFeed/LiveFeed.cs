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

    public IDisposable Subscribe(Func<IReadOnlyList<LiveEvent>, Task> handler) => Add(new Subscription(this, handler, null, logger));

    /// <summary>
    /// Subscribes for the events <paramref name="wanted"/> picks; the handler gets those only. The pick is made as the
    /// tail publishes, so a batch with nothing for this subscriber does not wake it: dozens of open screens each want a
    /// few kinds of event, and each woken pump was a hop through the thread pool for nothing.
    /// </summary>
    public IDisposable Subscribe(Func<LiveEvent, bool> wanted, Func<IReadOnlyList<LiveEvent>, Task> handler) =>
        Add(new Subscription(this, handler, wanted, logger));

    /// <summary>As <see cref="Subscribe(Func{LiveEvent, bool}, Func{IReadOnlyList{LiveEvent}, Task})"/>, among what <paramref name="scope"/> may see.</summary>
    public IDisposable Subscribe(NetworkScope scope, Func<LiveEvent, bool> wanted, Func<IReadOnlyList<LiveEvent>, Task> handler) =>
        Subscribe(e => (scope.WholeZone || scope.MaySeeAny(e.NetworkIds)) && wanted(e), handler);

    private Subscription Add(Subscription subscription)
    {
        lock (_gate) _subscribers = [.. _subscribers, subscription];
        return subscription;
    }

    internal void Publish(IReadOnlyList<LiveEvent> batch)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber.Enqueue(batch);
            }
            catch (Exception ex)
            {
                // A subscriber's pick that throws must not keep the batch from the others, nor stop the tail.
                logger.LogWarning(ex, "A live-feed subscriber's filter failed on events up to {Sequence}", batch[^1].Sequence);
            }
        }
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

        private readonly Func<LiveEvent, bool>? _wanted;

        public Subscription(LiveFeed feed, Func<IReadOnlyList<LiveEvent>, Task> handler, Func<LiveEvent, bool>? wanted, ILogger logger)
        {
            _feed = feed;
            _wanted = wanted;
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

        public void Enqueue(IReadOnlyList<LiveEvent> batch)
        {
            if (_wanted is null)
            {
                _queue.Writer.TryWrite(batch);
                return;
            }
            List<LiveEvent>? picked = null;
            foreach (var e in batch)
                if (_wanted(e)) (picked ??= []).Add(e);
            if (picked is not null) _queue.Writer.TryWrite(picked);
        }

        public void Dispose()
        {
            _feed.Remove(this);
            _queue.Writer.TryComplete();
        }
    }
}
