using Quartz;

namespace Bin.Dashboard.Infrastructure.Telemetry;

/// <summary>Counts misfires (a trigger found later than the misfire threshold: the cluster was down or too busy).</summary>
internal sealed class QuartzMisfireListener : ITriggerListener
{
    public string Name => "bin-misfires";

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken ct = default)
    {
        BinTelemetry.QuartzMisfires.Add(1, new KeyValuePair<string, object?>("group", trigger.Key.Group));
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken ct = default) => ValueTask.FromResult(false);

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction instruction, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken ct = default) => ValueTask.CompletedTask;
}
