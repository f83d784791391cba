using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bin.Dashboard.Infrastructure.Telemetry;

/// <summary>
/// The dashboard's own trace source and instruments, one name for both ("Bin.Dashboard"). Static like the
/// framework's own sources: a listener (the OpenTelemetry SDK) decides whether anything is recorded, so code that
/// measures costs nothing when nobody listens. What each instrument means, and the thresholds to alert on, is in
/// docs/operations.md.
/// </summary>
public static class BinTelemetry
{
    public const string Name = "Bin.Dashboard";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Messages the gateway accepted, by kind (tip, reminder, feedback, confirmation…).</summary>
    public static readonly Counter<long> SmsSent = Meter.CreateCounter<long>("bin.sms.sent", "{message}", "SMS handed to the gateway and accepted");

    /// <summary>Send attempts that failed, by outcome: transient (will be retried) or permanent (given up).</summary>
    public static readonly Counter<long> SmsFailures = Meter.CreateCounter<long>("bin.sms.failures", "{message}", "SMS send attempts that failed");

    public static readonly Histogram<double> AcknowledgementLatency = Meter.CreateHistogram<double>(
        "bin.alert.acknowledgement.latency", "s", "From a tip handed to the gateway to the member's acknowledgement",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 14400, 86400] });

    public static readonly Histogram<double> LiveFeedLag = Meter.CreateHistogram<double>(
        "bin.livefeed.lag", "s", "From an event's commit to this node publishing it to its dashboards",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public static readonly Counter<long> QuartzMisfires = Meter.CreateCounter<long>("bin.quartz.misfires", "{trigger}", "Timed work that fired later than its misfire threshold");

    /// <summary>Own spans of an alert's life: incident reported → alert issued → SMS sent → acknowledged. The spans of
    /// one alert carry <c>bin.alert_id</c> (and <c>bin.incident_id</c>) so a trace back-end can join them: the later ones
    /// run in background services, after the request that issued the alert has ended.</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);
}
