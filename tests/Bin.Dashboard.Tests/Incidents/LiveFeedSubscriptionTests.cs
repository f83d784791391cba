using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Incidents;
using Bin.Domain.Networks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bin.Dashboard.Tests.Incidents;

/// <summary>In-process subscribers: what each one gets of a published batch, without a database.</summary>
public class LiveFeedSubscriptionTests
{
    private static readonly Guid Kerkplein = Guid.NewGuid(), Leuken = Guid.NewGuid();

    private static LiveEvent Event(long sequence, object data, params Guid[] networks) =>
        new(sequence, data.GetType().Name, Guid.NewGuid(), DateTimeOffset.UtcNow, networks, data);

    [Fact]
    public async Task A_subscriber_gets_only_the_events_it_picks_among_those_its_scope_may_see_and_no_call_for_a_batch_without_any()
    {
        var feed = new LiveFeed(NullLogger<LiveFeed>.Instance);
        var calls = new List<IReadOnlyList<LiveEvent>>();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(new NetworkScope(false, new HashSet<Guid> { Kerkplein }), e => e.Data is NetworkBoundaryChanged, batch =>
        {
            lock (calls) calls.Add(batch);
            received.TrySetResult();
            return Task.CompletedTask;
        });
        var other = Guid.NewGuid();

        feed.Publish([Event(1, new NetworkBoundaryChanged(other, null!, true, DateTimeOffset.UtcNow), Leuken), Event(2, new IncidentVerified(Guid.NewGuid(), DateTimeOffset.UtcNow), Kerkplein)]);
        feed.Publish([Event(3, new IncidentVerified(Guid.NewGuid(), DateTimeOffset.UtcNow), Kerkplein), Event(4, new NetworkBoundaryChanged(Kerkplein, null!, true, DateTimeOffset.UtcNow), Kerkplein)]);
        await received.Task.WaitAsync(TimeSpan.FromSeconds(10));

        lock (calls)
        {
            var only = Assert.Single(calls);
            Assert.Equal([4L], only.Select(e => e.Sequence));
        }
    }

    [Fact]
    public async Task A_pick_that_throws_costs_its_own_subscriber_the_batch_not_the_others()
    {
        var feed = new LiveFeed(NullLogger<LiveFeed>.Instance);
        var received = new TaskCompletionSource<IReadOnlyList<LiveEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = feed.Subscribe(_ => throw new InvalidOperationException("broken filter"), _ => Task.CompletedTask);
        using var healthy = feed.Subscribe(e => e.Data is IncidentVerified, batch =>
        {
            received.TrySetResult(batch);
            return Task.CompletedTask;
        });

        feed.Publish([Event(7, new IncidentVerified(Guid.NewGuid(), DateTimeOffset.UtcNow), Kerkplein)]);

        Assert.Equal([7L], (await received.Task.WaitAsync(TimeSpan.FromSeconds(10))).Select(e => e.Sequence));
    }
}
