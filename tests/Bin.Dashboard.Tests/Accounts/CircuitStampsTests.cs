using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Tests.Accounts;

/// <summary>
/// The node's shared read of the stamps its open circuits check, against an account store that counts its reads and
/// can hold them back: however many circuits ask, the node reads about twice per interval.
/// </summary>
public class CircuitStampsTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Accounts and their stamps; every read is counted, and while <see cref="Hold"/> is set reads wait for it.</summary>
    private sealed class Accounts : IAccountStamps
    {
        public readonly Dictionary<string, string> Stamps = new();
        public int Reads;
        public readonly List<IReadOnlyCollection<string>> Asked = [];
        public TaskCompletionSource? Hold;
        public Exception? Failure;

        public async Task<IReadOnlyDictionary<string, string>> CurrentStampsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
        {
            lock (Asked)
            {
                Reads++;
                Asked.Add(ids);
            }
            if (Hold is { } hold) await hold.Task;
            if (Failure is { } failure) throw failure;
            lock (Stamps) return ids.Where(Stamps.ContainsKey).ToDictionary(id => id, id => Stamps[id]);
        }
    }

    private readonly Clock _clock = new();
    private readonly Accounts _accounts = new();
    private readonly CircuitStamps _stamps;

    public CircuitStampsTests()
    {
        for (var i = 0; i < 50; i++) _accounts.Stamps[$"user{i}"] = $"stamp{i}";
        _stamps = new CircuitStamps(_accounts, _clock, Options.Create(new AuthOptions { RevalidationInterval = Interval }));
    }

    private Task<string?[]> AskAllAsync(CancellationToken ct = default) =>
        Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => _stamps.StampAsync($"user{i}", ct))));

    [Fact]
    public async Task Fifty_circuits_are_answered_by_two_reads_and_then_by_one_read_an_interval_however_they_interleave()
    {
        // The first circuit's read is under way (and held) when the other 49 ask: they wait for it, find themselves
        // missing from it, and share one more read.
        _accounts.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _stamps.StampAsync("user0", default);
        await Eventually.HoldsAsync(() => Task.FromResult(_accounts.Reads == 1), TimeSpan.FromSeconds(10), "the first read should start");
        var others = Enumerable.Range(1, 49).Select(i => _stamps.StampAsync($"user{i}", default)).ToList();
        var reading = _accounts.Hold;
        _accounts.Hold = null;
        reading.SetResult();

        Assert.Equal("stamp0", await first);
        Assert.Equal(Enumerable.Range(1, 49).Select(i => $"stamp{i}"), await Task.WhenAll(others));
        Assert.Equal(2, _accounts.Reads);

        _clock.Now += Interval / 4;
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"stamp{i}"), await AskAllAsync());
        Assert.Equal(2, _accounts.Reads);

        // A new interval, and all fifty at once from the thread pool: whoever comes first reads for everyone.
        _clock.Now += Interval;
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"stamp{i}"), await AskAllAsync());
        Assert.Equal(3, _accounts.Reads);
        Assert.Equal(50, _accounts.Asked[^1].Count);
    }

    [Fact]
    public async Task A_changed_stamp_is_seen_once_the_read_is_half_an_interval_old_and_a_disabled_account_has_none()
    {
        Assert.Equal("stamp1", await _stamps.StampAsync("user1", default));
        lock (_accounts.Stamps)
        {
            _accounts.Stamps["user1"] = "changed";
            _accounts.Stamps.Remove("user2");
        }

        _clock.Now += Interval / 2 - TimeSpan.FromSeconds(1);
        Assert.Equal("stamp1", await _stamps.StampAsync("user1", default));
        _clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal("changed", await _stamps.StampAsync("user1", default));
        Assert.Null(await _stamps.StampAsync("user2", default));
    }

    [Fact]
    public async Task One_circuit_giving_up_does_not_cancel_the_read_the_others_wait_for()
    {
        _accounts.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var closing = new CancellationTokenSource();
        var leaving = _stamps.StampAsync("user1", closing.Token);
        var staying = _stamps.StampAsync("user1", default);
        await Eventually.HoldsAsync(() => Task.FromResult(_accounts.Reads == 1), TimeSpan.FromSeconds(10), "the read should start");

        await closing.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        _accounts.Hold.SetResult();

        Assert.Equal("stamp1", await staying);
        Assert.Equal(1, _accounts.Reads);
    }

    [Fact]
    public async Task A_failed_read_fails_its_waiters_and_the_next_question_reads_again()
    {
        _accounts.Failure = new InvalidOperationException("database down");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _stamps.StampAsync("user3", default));

        _accounts.Failure = null;
        Assert.Equal("stamp3", await _stamps.StampAsync("user3", default));
        Assert.Equal(2, _accounts.Reads);
    }
}
