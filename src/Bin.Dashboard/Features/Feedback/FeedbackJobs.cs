using Bin.Dashboard.Features.Incidents;
using Bin.Domain.Feedback;
using Marten;
using Quartz;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>
/// The Quartz side of feedback: stable identities (job and trigger "feedback-{feedbackId}" in group "feedback",
/// "reminder-{alertId}" in group "reminder"), one-shot triggers whose misfire instruction is <b>fire now</b> — a
/// trigger that was due while every node was down fires as soon as a node is up again — and jobs that ask to be
/// recovered, so a node dying mid-job has the job re-run on another node (harmless: the jobs are idempotent).
/// </summary>
public sealed class FeedbackTriggers(ISchedulerFactory schedulers, IDocumentStore store, ILogger<FeedbackTriggers> logger)
{
    public const string FeedbackGroup = "feedback";
    public const string ReminderGroup = "reminder";
    public const string IdKey = "id";

    public static JobKey FeedbackJob(Guid feedbackId) => new($"feedback-{feedbackId}", FeedbackGroup);

    public static TriggerKey FeedbackTrigger(Guid feedbackId) => new($"feedback-{feedbackId}", FeedbackGroup);

    public static JobKey ReminderJob(Guid alertId) => new($"reminder-{alertId}", ReminderGroup);

    public static TriggerKey ReminderTrigger(Guid alertId) => new($"reminder-{alertId}", ReminderGroup);

    /// <summary>Makes the trigger of one feedback match its stream: due at its time (or its incident's closing time plus the
    /// delay), or gone when it is sent, cancelled or still waiting for its incident to close.</summary>
    public async Task SyncAsync(Guid feedbackId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var feedback = await session.LoadAsync<FeedbackView>(feedbackId, ct);
        if (feedback is null) return;
        var closedAt = feedback.SendAt is null ? (await session.LoadAsync<IncidentView>(feedback.IncidentId, ct))?.ClosedAt : null;
        await SyncAsync(feedback, closedAt, ct);
    }

    public async Task SyncAsync(FeedbackView feedback, DateTimeOffset? incidentClosedAt, CancellationToken ct)
    {
        var due = feedback.Status == FeedbackStatus.Scheduled ? feedback.DueAt(incidentClosedAt) : null;
        await EnsureAsync(FeedbackJob(feedback.Id), FeedbackTrigger(feedback.Id), typeof(SendFeedbackJob), feedback.Id, due, ct);
    }

    public Task ScheduleReminderAsync(Guid alertId, DateTimeOffset? due, CancellationToken ct) =>
        EnsureAsync(ReminderJob(alertId), ReminderTrigger(alertId), typeof(SendReminderJob), alertId, due, ct);

    // The command and this node's stream follower sync the same trigger at the same moment; Quartz's replace is not
    // safe against itself, so on one node they take turns (other nodes' rare clashes are retried by the sweep).
    private readonly SemaphoreSlim _ensuring = new(1, 1);

    private async Task EnsureAsync(JobKey jobKey, TriggerKey triggerKey, Type jobType, Guid id, DateTimeOffset? due, CancellationToken ct)
    {
        await _ensuring.WaitAsync(ct);
        try
        {
            await EnsureOnceAsync(jobKey, triggerKey, jobType, id, due, ct);
        }
        finally
        {
            _ensuring.Release();
        }
    }

    private async Task EnsureOnceAsync(JobKey jobKey, TriggerKey triggerKey, Type jobType, Guid id, DateTimeOffset? due, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (due is not { } at)
        {
            if (await scheduler.DeleteJob(jobKey, ct))
                logger.LogInformation("Unscheduled {Job}", jobKey);
            return;
        }
        var existing = await scheduler.GetTrigger(triggerKey, ct);
        if (existing is not null && existing.StartTimeUtc == at.ToUniversalTime() && existing.NextFireTimeUtc is not null) return;

        var job = JobBuilder.Create().OfType(jobType)
            .WithIdentity(jobKey)
            .UsingJobData(IdKey, id.ToString())
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, ct);
        logger.LogInformation("Scheduled {Job} at {DueAt}", jobKey, at);
    }

    internal static Guid IdOf(IJobExecutionContext context) => Guid.Parse(context.MergedJobDataMap.GetString(IdKey)!);
}

/// <summary>
/// Sends one scheduled feedback (idempotent: see <see cref="FeedbackDispatch"/>). It does not move its own trigger
/// when it finds the feedback moved later: the command that moved it did, and the sweep repairs what a crash left.
/// </summary>
public sealed class SendFeedbackJob(FeedbackDispatch dispatch) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await dispatch.SendFeedbackAsync(FeedbackTriggers.IdOf(context), ct);
}

/// <summary>Re-sends an alert's tip once to members who did not acknowledge it (idempotent: see <see cref="FeedbackDispatch"/>).</summary>
public sealed class SendReminderJob(FeedbackDispatch dispatch) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) =>
        await dispatch.SendReminderAsync(FeedbackTriggers.IdOf(context), ct);
}

/// <summary>
/// Every minute, on one node of the cluster: puts every pending feedback's and reminder's trigger where the streams
/// say it belongs. Commands and the live feed already do this as things happen; the sweep repairs what a node that
/// died between committing an event and touching Quartz left behind, and what happened while no node was running.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FeedbackSweepJob(IDocumentStore store, FeedbackTriggers triggers, ILogger<FeedbackSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("feedback-sweep", FeedbackTriggers.FeedbackGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var pending = await session.Query<FeedbackView>().Where(f => f.Status == FeedbackStatus.Scheduled).ToListAsync(ct);
        var incidentIds = pending.Where(f => f.SendAt is null).Select(f => f.IncidentId).Distinct().ToArray();
        var closed = incidentIds.Length == 0
            ? new Dictionary<Guid, DateTimeOffset?>()
            : (await session.LoadManyAsync<IncidentView>(ct, incidentIds)).ToDictionary(i => i.Id, i => i.ClosedAt);
        foreach (var feedback in pending)
            await triggers.SyncAsync(feedback, closed.GetValueOrDefault(feedback.IncidentId), ct);

        var reminders = await session.Query<Alerts.AlertView>().Where(a => a.ReminderAt != null && a.ReminderSentAt == null).ToListAsync(ct);
        foreach (var alert in reminders)
            await triggers.ScheduleReminderAsync(alert.Id, alert.ReminderAt, ct);
        logger.LogDebug("Feedback sweep checked {Feedback} feedback and {Reminders} reminders", pending.Count, reminders.Count);
    }
}
