using Bin.Dashboard.Infrastructure.Auth;
using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Infrastructure.LiveFeed;

/// <summary>
/// What of a live event a user of some scope may receive. The whole zone gets it as it is; a coordinator gets the
/// events touching their networks, naming only those networks and carrying only their figures: an alert shared
/// with other networks arrives with the coordinator's recipients, a total that cannot be split is left out.
/// </summary>
public static class LiveEventScoping
{
    /// <summary>The event as <paramref name="scope"/> may see it, or null when it concerns none of its networks.</summary>
    public static LiveEvent? For(LiveEvent e, NetworkScope scope)
    {
        if (scope.WholeZone) return e;
        var visible = e.NetworkIds.Where(scope.MaySee).ToList();
        if (visible.Count == 0) return null;
        if (visible.Count == e.NetworkIds.Count) return e;
        return e with { NetworkIds = visible, Data = Redact(e.Data, scope) };
    }

    /// <summary>The scope of one network's hub group.</summary>
    public static NetworkScope Network(Guid id) => new(false, new HashSet<Guid> { id });

    private static object Redact(object data, NetworkScope scope) => data switch
    {
        AlertIssued a => RedactAlert(a, scope),
        IncidentReported r => r with { NetworkIds = r.NetworkIds.Where(scope.MaySee).ToList() },
        IncidentUpdated u => u with { NetworkIds = u.NetworkIds.Where(scope.MaySee).ToList() },
        FeedbackSent f => new { f.FeedbackId, f.AlertId, f.SentAt },
        ReminderSent r => new { r.AlertId, r.SentAt },
        _ => data,
    };

    private static AlertIssued RedactAlert(AlertIssued a, NetworkScope scope)
    {
        var perNetwork = a.RecipientsPerNetwork.Where(p => scope.MaySee(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        return a with { NetworkIds = a.NetworkIds.Where(scope.MaySee).ToList(), RecipientsPerNetwork = perNetwork, Recipients = perNetwork.Values.Sum() };
    }
}
