using System.Threading.Channels;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain.Alerts;
using Bin.Domain.Feedback;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>
/// The watchdog's answer for the whole zone, kept once per node and shared by every open overdue panel, which only
/// filters it for its user. It is read again after an alert or feedback event (a burst is one read) and when its next
/// change comes, which no event announces. Before, every open officer's and chief's panel read the look-back window's
/// alerts and their feedback itself, on every such event.
/// </summary>
public sealed class OverdueLiveState : IDisposable
{
    /// <summary>After a failed read the panels keep the last answer; the next look comes this much later at the latest.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    /// <summary>Timers take at most about 49 days, and a deadline can lie further out: the longest single wait.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly Func<CancellationToken, Task<OverdueWatch>> _read;
    private readonly LiveFeed _feed;
    private readonly TimeProvider _clock;
    private readonly ILogger<OverdueLiveState> _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SubscriberContextEvent<Action<OverdueWatch>> _changed = new();
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;
    private ITimer? _next;
    private int _started;

    public OverdueLiveState(OverdueFeedback watchdog, LiveFeed feed, TimeProvider clock, ILogger<OverdueLiveState> logger)
        : this(ct => watchdog.WatchAsync(new NetworkScope(true, new HashSet<Guid>()), ct), feed, clock, logger)
    {
    }

    /// <summary><paramref name="read"/>: the watchdog's answer for the whole zone.</summary>
    internal OverdueLiveState(Func<CancellationToken, Task<OverdueWatch>> read, LiveFeed feed, TimeProvider clock, ILogger<OverdueLiveState> logger)
    {
        _read = read;
        _feed = feed;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// The latest answer, after each read that changed it. Raised on the worker; each handler runs in the context it
    /// subscribed from (its circuit's language), and still marshals to its circuit.
    /// </summary>
    public event Action<OverdueWatch>? Changed { add => _changed.Add(value); remove => _changed.Remove(value); }

    public OverdueWatch Current { get; private set; } = new([], null);

    /// <summary>The current answer, reading it first if this is the first panel of the node.</summary>
    public async Task<OverdueWatch> CurrentAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // Subscribed before the first read: an event during it is read again after it.
            _subscription = _feed.Subscribe(e => e.Data is AlertIssued or FeedbackScheduled or FeedbackRescheduled or FeedbackCancelled or FeedbackSent,
                _ => { _wake.Writer.TryWrite(true); return Task.CompletedTask; });
            // The worker serves every panel of the node: it must not carry the first circuit's context (its language).
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(RunAsync, CancellationToken.None);
        }
        await _loaded.Task.WaitAsync(ct);
        return Current;
    }

    private async Task RunAsync()
    {
        var first = true;
        do
        {
            try
            {
                var watch = await _read(_stopping.Token);
                Rearm(watch.NextChange);
                var changed = !Same(watch, Current);
                Current = watch;
                _loaded.TrySetResult();
                if (changed && !first) _changed.Raise(h => h(watch), ex => _logger.LogWarning(ex, "An overdue-feedback subscriber failed"));
                first = false;
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                // The first panel waits for an answer; the others keep the last one.
                _logger.LogWarning(ex, "Reading the overdue feedback failed; looking again");
                Rearm(_clock.GetUtcNow() + RetryAfterFailure);
            }
        }
        while (await _wake.Reader.WaitToReadAsync() && _wake.Reader.TryRead(out _));
    }

    private static bool Same(OverdueWatch a, OverdueWatch b) =>
        a.NextChange == b.NextChange && a.Overdue.Select(o => o.AlertId).SequenceEqual(b.Overdue.Select(o => o.AlertId));

    /// <summary>One wake-up at the next change; every read sets it anew.</summary>
    private void Rearm(DateTimeOffset? at)
    {
        var previous = Interlocked.Exchange(ref _next, null);
        previous?.Dispose();
        if (at is not { } when || _stopping.IsCancellationRequested) return;
        var wait = when - _clock.GetUtcNow();
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        if (wait > LongestWait) wait = LongestWait;
        _next = _clock.CreateTimer(_ => _wake.Writer.TryWrite(true), null, wait, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _subscription?.Dispose();
        _next?.Dispose();
        _wake.Writer.TryComplete();
    }
}
