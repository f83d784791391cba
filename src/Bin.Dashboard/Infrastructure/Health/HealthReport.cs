using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bin.Dashboard.Infrastructure.Health;

/// <summary>/health/ready as JSON: the overall status and each check's, so an operator sees which part is wrong.
/// Status codes stay the framework's (Healthy and Degraded 200, Unhealthy 503): a degraded outbox is shared by all
/// nodes, and taking this one out of the load balancer would not help it.</summary>
internal static class HealthReport
{
    public static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, JsonSerializerOptions.Web);
    }
}
