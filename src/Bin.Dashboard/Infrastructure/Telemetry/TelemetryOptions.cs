using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Bin.Dashboard.Infrastructure.Telemetry;

/// <summary>Where metrics and traces go, and who may scrape <c>/metrics</c>.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The service name in traces and metrics (e.g. a zone's installation).</summary>
    [Required] public string ServiceName { get; set; } = "bin-dashboard";

    /// <summary>An OTLP collector (e.g. <c>http://otel-collector:4317</c>); empty = no OTLP export.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) allowed to scrape /metrics besides loopback.</summary>
    public List<string> MetricsAllowedNetworks { get; set; } = [];

    /// <summary>A bearer token that admits a scraper from anywhere; empty = none. A secret: set it by environment.</summary>
    public string MetricsToken { get; set; } = "";

    /// <summary>The outbox counts as degraded in /health/ready when its oldest queued message waits longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")] public TimeSpan OutboxDegradedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each node measures the outbox (depth, oldest age) for the gauges and the health check.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan OutboxSampleInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var network in MetricsAllowedNetworks)
            if (!IPNetwork.TryParse(network, out _))
                yield return new ValidationResult($"Telemetry:MetricsAllowedNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).", [nameof(MetricsAllowedNetworks)]);
        if (OtlpEndpoint.Length > 0 && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
            yield return new ValidationResult("Telemetry:OtlpEndpoint must be an absolute URL (e.g. http://otel-collector:4317).", [nameof(OtlpEndpoint)]);
    }
}
