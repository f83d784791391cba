using Bin.Domain.Incidents;
using Bin.Domain.Members;
using Bin.Domain.Tips;

namespace Bin.Domain.Alerts;

/// <summary>The officer's request: which networks, and either a library tip or their own text; optionally a reminder
/// to members who have not acknowledged it after <paramref name="ReminderAfterMinutes"/>. <paramref name="ConfirmPersonalData"/>:
/// the officer confirmed that personal data in their text is needed (see <see cref="PersonalDataDecisions"/>).</summary>
public sealed record IssueAlert(Guid AlertId, Guid IncidentId, IReadOnlyList<Guid> NetworkIds, string? TipTemplateId, string? Text, int? ReminderAfterMinutes = null,
    bool ConfirmPersonalData = false);

/// <summary>The texts an alert would send, per language, with their SMS cost drivers; what the composer previews.</summary>
public sealed record AlertTexts(string? TipTemplateId, IReadOnlyDictionary<Language, TipText> ByLanguage)
{
    public int MaxSegments => ByLanguage.Values.Max(t => t.Sms.Segments);
}

/// <summary>What the decision needs to know besides the command; gathered by the host.</summary>
public sealed record AlertContext(
    Incident? Incident,
    IReadOnlySet<Guid> KnownNetworks,
    IReadOnlyDictionary<Guid, int> RecipientsPerNetwork,
    int AlertsByOfficerInLastHour,
    int MaxAlertsPerOfficerPerHour);

public static class AlertDecisions
{
    /// <summary>
    /// The texts for each member language: a library tip in every language it has (falling back to Dutch), or the
    /// officer's own text for everyone. Refuses an unknown template, an empty or over-long text, or both at once.
    /// </summary>
    public static AlertTexts ComposeTexts(string? tipTemplateId, string? text)
    {
        var hasTemplate = !string.IsNullOrWhiteSpace(tipTemplateId);
        var hasText = !string.IsNullOrWhiteSpace(text);
        if (hasTemplate && hasText)
            throw new DomainException(DomainMessages.TipBoth, "tip");
        if (!hasTemplate && !hasText)
            throw new DomainException(DomainMessages.TipMissing, "tip");
        if (hasTemplate)
        {
            var template = TipLibrary.Get(tipTemplateId!.Trim());
            return new AlertTexts(template.Id, Languages.All.ToDictionary(l => l, l => TipText.Validate(template.Text(l))));
        }
        var own = TipText.Validate(text);
        return new AlertTexts(null, Languages.All.ToDictionary(l => l, _ => own));
    }

    public static AlertIssued Issue(AlertContext context, IssueAlert command, DateTimeOffset now)
    {
        var incident = context.Incident ?? throw new DomainException(DomainMessages.AlertIncidentMissing, "incidentId");
        if (incident.Status == IncidentStatus.Closed)
            throw new DomainException(DomainMessages.AlertIncidentClosed, "incidentId");
        var networks = command.NetworkIds.Distinct().ToList();
        if (networks.Count == 0)
            throw new DomainException(DomainMessages.AlertNoNetworks, "networkIds");
        var unknown = networks.Where(n => !context.KnownNetworks.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new DomainException(DomainMessages.AlertUnknownNetworks.With(string.Join(", ", unknown)), "networkIds");
        var texts = ComposeTexts(command.TipTemplateId, command.Text);
        var perNetwork = networks.ToDictionary(n => n, n => context.RecipientsPerNetwork.GetValueOrDefault(n));
        var recipients = perNetwork.Values.Sum();
        if (recipients == 0)
            throw new DomainException(DomainMessages.AlertNoRecipients, "networkIds");
        if (context.AlertsByOfficerInLastHour >= context.MaxAlertsPerOfficerPerHour)
            throw new DomainException(
                DomainMessages.AlertHourlyCap.With(context.AlertsByOfficerInLastHour, context.MaxAlertsPerOfficerPerHour), "rate");
        return new AlertIssued(command.AlertId, incident.Id, networks, texts.TipTemplateId,
            texts.ByLanguage.ToDictionary(t => t.Key.Code(), t => t.Value.Value), perNetwork, recipients, texts.MaxSegments, now);
    }
}
