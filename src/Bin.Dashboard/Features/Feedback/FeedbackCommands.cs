using System.Security.Claims;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain;
using Bin.Domain.Feedback;
using Marten;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>
/// The feedback use cases, shared by the API and the dashboard's form: gather what the decision needs (the alert,
/// its incident's closing time), decide and append through the <see cref="CommandPipeline"/>, then put the Quartz trigger where the
/// stream now says. The trigger follows the stream, never the other way round: if this node dies between the
/// two, the live feed on the other nodes and the sweep set it.
/// </summary>
public sealed class FeedbackCommands(IDocumentStore store, CommandPipeline pipeline, FeedbackTriggers triggers, TimeProvider clock, ILogger<FeedbackCommands> logger) : IFeedbackScheduling
{
    public async Task<FeedbackScheduled> ScheduleAsync(ScheduleFeedback command, ClaimsPrincipal user, CancellationToken ct)
    {
        var alert = await AlertAsync(command.AlertId, ct);
        var scheduled = FeedbackDecisions.Schedule(null, alert, command, clock.GetUtcNow());
        await using (var session = store.OpenSessionFor(user))
        {
            session.Events.StartStream<FeedbackView>(command.FeedbackId, scheduled);
            await session.SaveChangesAsync(ct);
        }
        await SyncTriggerAsync(command.FeedbackId, ct);
        return scheduled;
    }

    public async Task<FeedbackRescheduled> RescheduleAsync(Guid alertId, RescheduleFeedback command, ClaimsPrincipal user, CancellationToken ct)
    {
        var rescheduled = await DecideAsync(alertId, command.FeedbackId, user,
            (state, alert) => FeedbackDecisions.Reschedule(state, alert, command, clock.GetUtcNow()), ct);
        await SyncTriggerAsync(command.FeedbackId, ct);
        return rescheduled;
    }

    public async Task<FeedbackCancelled> CancelAsync(Guid alertId, CancelFeedback command, ClaimsPrincipal user, CancellationToken ct)
    {
        var cancelled = await DecideAsync(alertId, command.FeedbackId, user,
            (state, _) => FeedbackDecisions.Cancel(state, command, clock.GetUtcNow()), ct);
        await SyncTriggerAsync(command.FeedbackId, ct);
        return cancelled;
    }

    /// <summary>The event is the truth and is already committed: a trigger that cannot be set now is set by the
    /// stream follower or the sweep, so the officer gets their answer, not an error.</summary>
    private async Task SyncTriggerAsync(Guid feedbackId, CancellationToken ct)
    {
        try
        {
            await triggers.SyncAsync(feedbackId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Trigger of feedback {FeedbackId} not set now; the sweep will set it", feedbackId);
        }
    }

    private Task<TEvent> DecideAsync<TEvent>(Guid alertId, Guid feedbackId, ClaimsPrincipal user,
        Func<FeedbackState?, FeedbackAlert, TEvent> decide, CancellationToken ct) where TEvent : class =>
        pipeline.RunAsync(feedbackId, user, async (IDocumentSession _, FeedbackState? state, CancellationToken token) =>
        {
            // A feedback is addressed through its alert: another alert's feedback is "no such feedback" here.
            if (state is not null && state.AlertId != alertId) state = null;
            var alert = await AlertAsync(alertId, token) ?? throw new DomainException(DomainMessages.AlertNotFound, "alertId");
            return decide(state, alert);
        }, null, ct);

    private async Task<FeedbackAlert?> AlertAsync(Guid alertId, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        var alert = await query.LoadAsync<AlertView>(alertId, ct);
        if (alert is null) return null;
        var incident = await query.LoadAsync<IncidentView>(alert.IncidentId, ct);
        return new FeedbackAlert(alert.Id, alert.IncidentId, alert.IssuedAt, incident?.ClosedAt);
    }
}
