using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Domain.Feedback;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>An alert whose feedback is overdue: no feedback sent or scheduled, and its deadline has passed.</summary>
public sealed record OverdueAlert(Guid AlertId, Guid IncidentId, IReadOnlyList<Guid> NetworkIds, DateTimeOffset IssuedAt, string IssuedBy, int Recipients, DateTimeOffset Deadline);

/// <summary>What the watchdog shows now, and when that changes without any event: the next deadline of an alert still
/// without feedback, or an overdue alert leaving the look-back window. Null when nothing is waiting.</summary>
public sealed record OverdueWatch(IReadOnlyList<OverdueAlert> Overdue, DateTimeOffset? NextChange);

/// <summary>
/// The watchdog as a query: asked by the dashboard on every relevant event and when <see cref="OverdueWatch.NextChange"/>
/// comes, and by the API. It needs no job of its own: being overdue is a fact about the clock and the streams, so every
/// node computes the same answer.
/// </summary>
public sealed class OverdueFeedback(IDocumentStore store, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<OverdueAlert>> ListAsync(NetworkScope scope, CancellationToken ct) => (await WatchAsync(scope, ct)).Overdue;

    public async Task<OverdueWatch> WatchAsync(NetworkScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var since = now - o.WatchdogLookback;
        await using var session = store.QuerySession();
        var alerts = (await session.Query<AlertView>().Where(a => a.IssuedAt > since).OrderBy(a => a.IssuedAt).ToListAsync(ct))
            .Where(a => scope.MaySeeAny(a.NetworkIds)).ToList();
        if (alerts.Count == 0) return new OverdueWatch([], null);
        var alertIds = alerts.Select(a => a.Id).ToArray();
        var covered = (await session.Query<FeedbackView>()
                .Where(f => alertIds.Contains(f.AlertId) && (f.Status == FeedbackStatus.Scheduled || f.Status == FeedbackStatus.Sent))
                .Select(f => f.AlertId)
                .ToListAsync(ct))
            .ToHashSet();
        var deadline = o.Deadline;
        var waiting = alerts.Where(a => !covered.Contains(a.Id)).ToList();
        var overdue = waiting
            .Where(a => deadline.IsOverdue(a.IssuedAt, false, now))
            .Select(a => new OverdueAlert(a.Id, a.IncidentId, a.NetworkIds, a.IssuedAt, a.IssuedBy, a.Recipients, deadline.For(a.IssuedAt)))
            .ToList();
        var changes = waiting.Select(a => deadline.For(a.IssuedAt)).Where(d => d > now)
            .Concat(overdue.Select(a => a.IssuedAt + o.WatchdogLookback));
        return new OverdueWatch(overdue, changes.Any() ? changes.Min() : null);
    }
}
