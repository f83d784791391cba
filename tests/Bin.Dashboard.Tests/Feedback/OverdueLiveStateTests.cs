using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Alerts;
using Bin.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bin.Dashboard.Tests.Feedback;

/// <summary>The node's one watchdog answer for every open overdue panel, with the read counted (no database).</summary>
public class OverdueLiveStateTests
{
    private static readonly Guid Kerkplein = Guid.NewGuid();
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static OverdueAlert Overdue() => new(Guid.NewGuid(), Guid.NewGuid(), [Kerkplein], Now.AddHours(-3), "officer", 12, Now.AddHours(-1));

    /// <summary>Answers in turn from <paramref name="answers"/> (the last one again when they run out), counting the reads.</summary>
    private sealed class CountingRead(params Func<OverdueWatch>[] answers)
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task<OverdueWatch> ReadAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _reads);
            return Task.FromResult(answers[Math.Min(n, answers.Length) - 1]());
        }
    }

    private static LiveEvent Issued(long sequence)
    {
        var alertId = Guid.NewGuid();
        return new LiveEvent(sequence, nameof(AlertIssued), alertId, Now, [Kerkplein], new AlertIssued(alertId, Guid.NewGuid(), [Kerkplein], "burglary-lights",
            new Dictionary<string, string>(), new Dictionary<Guid, int> { [Kerkplein] = 12 }, 12, 1, Now));
    }

    [Fact]
    public async Task Twenty_open_panels_share_one_read_per_batch_of_events_instead_of_a_read_each()
    {
        var read = new CountingRead(() => new OverdueWatch([], null), () => new OverdueWatch([Overdue()], null));
        var feed = new LiveFeed(NullLogger<LiveFeed>.Instance);
        using var state = new OverdueLiveState(read.ReadAsync, feed, TimeProvider.System, NullLogger<OverdueLiveState>.Instance);
        var told = 0;
        var allTold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var panel = 0; panel < 20; panel++)
        {
            state.Changed += _ =>
            {
                if (Interlocked.Increment(ref told) == 20) allTold.TrySetResult();
            };
            await state.CurrentAsync(default);
        }
        Assert.Equal(1, read.Reads);

        feed.Publish([Issued(1), Issued(2), Issued(3), Issued(4), Issued(5)]);
        await allTold.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, read.Reads);
        Assert.Single(state.Current.Overdue);
    }

    [Fact]
    public async Task The_next_deadline_wakes_it_without_any_event()
    {
        var read = new CountingRead(() => new OverdueWatch([], DateTimeOffset.UtcNow.AddMilliseconds(200)), () => new OverdueWatch([Overdue()], null));
        using var state = new OverdueLiveState(read.ReadAsync, new LiveFeed(NullLogger<LiveFeed>.Instance), TimeProvider.System, NullLogger<OverdueLiveState>.Instance);
        var changed = new TaskCompletionSource<OverdueWatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        state.Changed += w => changed.TrySetResult(w);

        Assert.Empty((await state.CurrentAsync(default)).Overdue);

        Assert.Single((await changed.Task.WaitAsync(TimeSpan.FromSeconds(10))).Overdue);
        Assert.Equal(2, read.Reads);
    }

    [Fact]
    public async Task A_failed_read_keeps_the_last_answer_and_the_next_event_reads_again()
    {
        var first = Overdue();
        var read = new CountingRead(() => new OverdueWatch([first], null), () => throw new TimeoutException("PostgreSQL did not answer."),
            () => new OverdueWatch([first, Overdue()], null));
        var feed = new LiveFeed(NullLogger<LiveFeed>.Instance);
        using var state = new OverdueLiveState(read.ReadAsync, feed, TimeProvider.System, NullLogger<OverdueLiveState>.Instance);
        var changed = new TaskCompletionSource<OverdueWatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        await state.CurrentAsync(default);
        state.Changed += w => changed.TrySetResult(w);

        feed.Publish([Issued(1)]);
        // The second read fails; the third, after the next event, is shown. Events are read one after the other, so the
        // next one is published once the failed read has been made.
        Assert.True(await Eventually.WithinAsync(() => Task.FromResult(read.Reads >= 2), TimeSpan.FromSeconds(10)), "the event was never read");
        Assert.Equal([first.AlertId], state.Current.Overdue.Select(o => o.AlertId));
        feed.Publish([Issued(2)]);

        Assert.Equal(2, (await changed.Task.WaitAsync(TimeSpan.FromSeconds(10))).Overdue.Count);
    }
}
