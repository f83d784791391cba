namespace Bin.Domain.Alerts;

/// <summary>An alert issued earlier for the same incident: what the repeat guard compares with.</summary>
public sealed record RecentAlert(Guid AlertId, IReadOnlyList<Guid> NetworkIds, DateTimeOffset IssuedAt);

/// <summary>A network the request would alert again within the repeat window, and when it was last alerted.</summary>
public sealed record RepeatedNetwork(Guid NetworkId, DateTimeOffset LastAlertedAt);

/// <summary>The hourly cap per account is reached; <see cref="RetryAfter"/> is when the oldest alert of the hour leaves it.</summary>
public sealed class AlertRateLimitedException(DomainText text, TimeSpan retryAfter) : DomainException(text, "rate")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The request alerts networks that got an alert for the same incident moments ago; sent again only on purpose.</summary>
public sealed class AlertRepeatException(IReadOnlyList<RepeatedNetwork> repeats, DateTimeOffset now)
    : DomainException(
        DomainMessages.AlertRepeat.With(repeats.Count, Math.Max(1, (int)(now - repeats.Max(r => r.LastAlertedAt)).TotalMinutes)),
        "repeat")
{
    public IReadOnlyList<RepeatedNetwork> Repeats { get; } = repeats;
}

/// <summary>
/// The safeguards around issuing an alert that count or compare (the decision itself is <see cref="AlertDecisions"/>):
/// pure, so the host only gathers the numbers under its locks.
/// </summary>
public static class AlertSafeguards
{
    /// <summary>Alerting a network again for the same incident within this time needs a deliberate "send again".</summary>
    public static readonly TimeSpan DefaultRepeatWindow = TimeSpan.FromMinutes(30);

    /// <summary>The requested networks alerted for the incident within <paramref name="window"/> before <paramref name="now"/>.</summary>
    public static IReadOnlyList<RepeatedNetwork> Repeats(IEnumerable<RecentAlert> alertsOfIncident, IEnumerable<Guid> networkIds, TimeSpan window, DateTimeOffset now)
    {
        var recent = alertsOfIncident.Where(a => a.IssuedAt > now - window && a.IssuedAt <= now).ToList();
        return networkIds.Distinct()
            .Select(n => (Network: n, Last: recent.Where(a => a.NetworkIds.Contains(n)).Select(a => (DateTimeOffset?)a.IssuedAt).Max()))
            .Where(x => x.Last is not null)
            .Select(x => new RepeatedNetwork(x.Network, x.Last!.Value))
            .OrderByDescending(r => r.LastAlertedAt)
            .ToList();
    }

    /// <summary>How long until the account may send again: when the oldest of the hour's alerts is an hour old. At
    /// least one second (a Retry-After of 0 invites a busy loop).</summary>
    public static TimeSpan RetryAfter(IEnumerable<DateTimeOffset> issuedInLastHour, DateTimeOffset now)
    {
        var oldest = issuedInLastHour.DefaultIfEmpty(now).Min();
        var wait = oldest + TimeSpan.FromHours(1) - now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    /// <summary>True when sending <paramref name="segments"/> more today would pass the zone's daily budget.</summary>
    public static bool NeedsApproval(int usedToday, int segments, int dailyBudget) => usedToday + segments > dailyBudget;
}
