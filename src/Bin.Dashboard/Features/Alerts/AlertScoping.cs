using Bin.Dashboard.Infrastructure.Auth;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>
/// An alert as a user of limited scope may see it: a coordinator learns that their networks were alerted and how
/// many of their members, never which other networks shared the alert or their figures.
/// </summary>
public static class AlertScoping
{
    /// <summary>The alert itself for the whole zone; for a coordinator a copy holding only their networks (totals re-summed).</summary>
    public static AlertView For(AlertView alert, NetworkScope scope)
    {
        if (scope.WholeZone || alert.NetworkIds.All(scope.MaySee)) return alert;
        var perNetwork = alert.RecipientsPerNetwork.Where(p => scope.MaySee(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        return new AlertView
        {
            Id = alert.Id,
            IncidentId = alert.IncidentId,
            NetworkIds = alert.NetworkIds.Where(scope.MaySee).ToList(),
            TipTemplateId = alert.TipTemplateId,
            Texts = alert.Texts,
            RecipientsPerNetwork = perNetwork,
            Recipients = perNetwork.Values.Sum(),
            SegmentsPerMessage = alert.SegmentsPerMessage,
            IssuedAt = alert.IssuedAt,
            IssuedBy = alert.IssuedBy,
            ReminderAt = alert.ReminderAt,
            ReminderSentAt = alert.ReminderSentAt,
            // Counted over every network alerted: not split per network, so not shown to a coordinator of some of them.
            ReminderRecipients = null,
            Version = alert.Version,
        };
    }
}
