using Bin.Dashboard.Infrastructure.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bin.Dashboard.Infrastructure.Health;

/// <summary>Degraded (still ready: every node shares the one outbox) when the oldest waiting SMS is older than
/// <see cref="TelemetryOptions.OutboxDegradedAfter"/> — the gateway refuses, or no node is sending.</summary>
internal sealed class OutboxHealthCheck(OutboxMonitor monitor, IOptions<TelemetryOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var data = new Dictionary<string, object>();
        OutboxSample sample;
        try
        {
            sample = monitor.Latest ?? await monitor.MeasureAsync(ct);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return HealthCheckResult.Degraded("The outbox cannot be measured (PostgreSQL away).", ex);
        }
        data["queued"] = sample.Queued;
        data["sending"] = sample.Sending;
        data["oldestAgeSeconds"] = Math.Round(sample.OldestAge?.TotalSeconds ?? 0, 1);
        var limit = options.Value.OutboxDegradedAfter;
        return sample.OldestAge > limit
            ? HealthCheckResult.Degraded($"The oldest queued SMS has waited {sample.OldestAge.Value.TotalSeconds:0} s (over {limit.TotalSeconds:0} s).", data: data)
            : HealthCheckResult.Healthy("The outbox is moving.", data);
    }
}

/// <summary>Timed work (feedback, reminders) runs only while this node's scheduler is started and not shutting down.</summary>
internal sealed class QuartzHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (scheduler.Status != SchedulerStatus.Running)
            return HealthCheckResult.Unhealthy($"The Quartz scheduler is not running ({scheduler.Status}).");
        return HealthCheckResult.Healthy("The Quartz scheduler is running.");
    }
}
