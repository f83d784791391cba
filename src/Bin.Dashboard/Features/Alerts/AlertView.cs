using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>An issued alert as the audit and the incident show it: who sent what, when, to how many.</summary>
public sealed class AlertView
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public List<Guid> NetworkIds { get; set; } = [];
    public string? TipTemplateId { get; set; }
    public Dictionary<string, string> Texts { get; set; } = [];
    public Dictionary<Guid, int> RecipientsPerNetwork { get; set; } = [];
    public int Recipients { get; set; }
    public int SegmentsPerMessage { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";

    /// <summary>When the tip is re-sent to members who did not acknowledge it; null: no reminder.</summary>
    public DateTimeOffset? ReminderAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    public int? ReminderRecipients { get; set; }

    /// <summary>The kinds of personal data the officer confirmed the tip needed (e.g. "licence-plate"); empty: none found.</summary>
    public List<string> PersonalDataConfirmed { get; set; } = [];

    [Marten.Schema.Version]
    public long Version { get; set; }
}

public sealed partial class AlertViewProjection : SingleStreamProjection<AlertView, Guid>
{
    public static AlertView Create(IEvent<AlertIssued> @event)
    {
        var e = @event.Data;
        return new AlertView
        {
            Id = e.AlertId,
            IncidentId = e.IncidentId,
            NetworkIds = [.. e.NetworkIds],
            TipTemplateId = e.TipTemplateId,
            Texts = new Dictionary<string, string>(e.Texts),
            RecipientsPerNetwork = new Dictionary<Guid, int>(e.RecipientsPerNetwork),
            Recipients = e.Recipients,
            SegmentsPerMessage = e.SegmentsPerMessage,
            IssuedAt = e.IssuedAt,
            IssuedBy = @event.UserName ?? "",
        };
    }

    public static void Apply(ReminderScheduled e, AlertView view) => view.ReminderAt = e.SendAt;

    public static void Apply(PersonalDataConfirmed e, AlertView view) => view.PersonalDataConfirmed = [.. e.Kinds];

    public static void Apply(ReminderSent e, AlertView view)
    {
        view.ReminderSentAt = e.SentAt;
        view.ReminderRecipients = e.Recipients;
    }
}
