using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Tests.EventStore;

/// <summary>The retry rule of the command pipeline, without a database: decide once more, then refuse.</summary>
public class ConcurrentChangeTests
{
    private sealed class Overtaken : Exception;

    private static bool IsOvertaken(Exception ex) => ex is Overtaken;

    /// <summary>An attempt that is overtaken the given number of times, then succeeds with its attempt number.</summary>
    private sealed class Attempts(int overtakenTimes)
    {
        public int Count { get; private set; }

        public Task<int> RunAsync(CancellationToken _)
        {
            Count++;
            return Count <= overtakenTimes ? Task.FromException<int>(new Overtaken()) : Task.FromResult(Count);
        }
    }

    [Fact]
    public async Task A_decision_nobody_overtook_runs_once()
    {
        var attempts = new Attempts(overtakenTimes: 0);

        var result = await ConcurrentChange.RetryOnceAsync("incident", attempts.RunAsync, IsOvertaken, default);

        Assert.Equal(1, result);
        Assert.Equal(1, attempts.Count);
    }

    [Fact]
    public async Task A_decision_overtaken_once_is_taken_again_and_its_second_result_counts()
    {
        var attempts = new Attempts(overtakenTimes: 1);

        var result = await ConcurrentChange.RetryOnceAsync("incident", attempts.RunAsync, IsOvertaken, default);

        Assert.Equal(2, result);
        Assert.Equal(2, attempts.Count);
    }

    [Fact]
    public async Task A_decision_overtaken_again_on_its_retry_is_refused_as_a_concurrent_change_without_a_third_try()
    {
        var attempts = new Attempts(overtakenTimes: 5);

        var refused = await Assert.ThrowsAsync<ConcurrentChangeException>(() =>
            ConcurrentChange.RetryOnceAsync("network", attempts.RunAsync, IsOvertaken, default));

        Assert.Equal("network", refused.Subject);
        Assert.Null(refused.Field); // no field at fault: the API answers 409
        Assert.Equal(2, attempts.Count);
    }

    [Fact]
    public async Task A_refusal_of_the_decision_itself_is_not_retried()
    {
        var count = 0;

        await Assert.ThrowsAsync<DomainException>(() => ConcurrentChange.RetryOnceAsync<int>("incident", _ =>
        {
            count++;
            throw new DomainException("This incident has already been verified.");
        }, IsOvertaken, default));

        Assert.Equal(1, count);
    }

    [Fact]
    public void Only_the_event_store_s_version_conflict_counts_as_a_concurrent_change()
    {
        Assert.False(ConcurrentChange.IsConflict(new InvalidOperationException("other")));
        Assert.False(ConcurrentChange.IsConflict(new DomainException("refused")));
        var conflict = new JasperFx.Events.EventStreamUnexpectedMaxEventIdException(Guid.NewGuid(), typeof(Incident), 2, 3);
        Assert.True(ConcurrentChange.IsConflict(conflict));
        Assert.True(ConcurrentChange.IsConflict(new InvalidOperationException("wrapped", conflict)));
    }
}
