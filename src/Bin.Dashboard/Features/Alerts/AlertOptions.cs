using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Features.Alerts;

public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>An officer cannot send more alerts than this in any hour (a runaway or mistaken sender stops here).</summary>
    [Range(1, 1000)] public int MaxAlertsPerOfficerPerHour { get; set; } = 10;

    /// <summary>An "OK" acknowledges the member's most recent tip sent within this window.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")] public TimeSpan AcknowledgementWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Attempts per message before a transient failure becomes final.</summary>
    [Range(1, 20)] public int MaxAttempts { get; set; } = 5;

    /// <summary>Messages claimed per round trip by the sender when there is no rate limit (with one, it claims two
    /// seconds' worth). Each round costs a claim and a record round trip, so big alerts want big batches
    /// (bench: 10,000 recipients in 1.3–3.0 s at 2000, 3.5–8.3 s at 200 on a loaded 2-core machine).</summary>
    [Range(1, 5000)] public int SendBatchSize { get; set; } = 2000;

    /// <summary>Messages handed to the gateway at the same time.</summary>
    [Range(1, 256)] public int SendParallelism { get; set; } = 16;

    /// <summary>A claimed message whose send was not recorded within this time is in doubt (its sender died):
    /// the gateway is asked whether it took it before it is sent again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")] public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Received SMS recorded per transaction by the inbound processor. The webhook only stores the message;
    /// batching the rest is what carries hundreds of acknowledgements a second (bench: the acks scenario).</summary>
    [Range(1, 5000)] public int InboundBatchSize { get; set; } = 500;

    /// <summary>Attempts to record one received SMS before it is given up (logged, kept without number or text).</summary>
    [Range(1, 100)] public int InboundMaxAttempts { get; set; } = 5;

    /// <summary>Recorded SMS are kept this long in the inbox (MessageSid, member id, intent, times) to recognise a
    /// gateway's repeated webhook; then they are deleted.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")] public TimeSpan InboundRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Administrators are capped too, by their own limit (they may alert more, never without end).</summary>
    [Range(1, 1000)] public int MaxAlertsPerAdminPerHour { get; set; } = 30;

    /// <summary>Alerting a network again for the same incident within this time is refused unless the request says "repeat".</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>SMS segments the zone may send in a day (Europe/Brussels) before an alert needs an administrator's approval.</summary>
    [Range(1, 10_000_000)] public int DailySegmentBudget { get; set; } = 5000;
}
