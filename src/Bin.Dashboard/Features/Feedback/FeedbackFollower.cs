using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Feedback;
using Bin.Domain.Incidents;
using Marten;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>
/// On every node, follows committed events and keeps the Quartz triggers in step: an incident closing starts the
/// clock of its "N minutes after closing" feedback; a reminder asked for with an alert gets its trigger. Every node
/// does this for every event, which is safe because a trigger has one identity in the cluster — setting it twice
/// to the same time changes nothing.
/// </summary>
internal sealed class FeedbackFollower(LiveFeed feed, IDocumentStore store, FeedbackTriggers triggers, ILogger<FeedbackFollower> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken ct)
    {
        _subscription = feed.Subscribe(HandleAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task HandleAsync(IReadOnlyList<LiveEvent> batch)
    {
        foreach (var e in batch)
        {
            try
            {
                switch (e.Data)
                {
                    case IncidentClosed closed:
                        await FeedbackOfClosedIncidentAsync(closed);
                        break;
                    case ReminderScheduled reminder:
                        await triggers.ScheduleReminderAsync(reminder.AlertId, reminder.SendAt, CancellationToken.None);
                        break;
                    case FeedbackScheduled or FeedbackRescheduled or FeedbackCancelled:
                        await triggers.SyncAsync(e.StreamId, CancellationToken.None);
                        break;
                }
            }
            catch (Exception ex)
            {
                // The sweep sets the trigger within a minute; one failure here must not stop the rest of the batch.
                logger.LogWarning(ex, "Could not update the trigger for {Type} {Sequence}", e.Type, e.Sequence);
            }
        }
    }

    private async Task FeedbackOfClosedIncidentAsync(IncidentClosed closed)
    {
        await using var session = store.QuerySession();
        var waiting = await session.Query<FeedbackView>()
            .Where(f => f.IncidentId == closed.IncidentId && f.Status == FeedbackStatus.Scheduled && f.AfterCloseMinutes != null)
            .ToListAsync();
        foreach (var feedback in waiting)
            await triggers.SyncAsync(feedback, closed.ClosedAt, CancellationToken.None);
    }
}
