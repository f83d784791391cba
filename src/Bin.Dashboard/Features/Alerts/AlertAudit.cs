using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.Auth;
using Marten;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>Which alerts the audit lists; null means no restriction. <see cref="Limit"/> caps the newest.</summary>
public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, Guid? IncidentId, Guid? NetworkId, string? IssuedBy, int Limit = AlertAudit.DefaultLimit);

/// <summary>An alert as the audit shows it: who sent which text, when, to how many per network, about what, and
/// what became of it per network (sent, delivered, failed, acknowledged). The first fields are <see cref="AlertView"/>'s.</summary>
public sealed record AuditedAlert(
    Guid Id,
    Guid IncidentId,
    IReadOnlyList<Guid> NetworkIds,
    string? TipTemplateId,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<Guid, int> RecipientsPerNetwork,
    int Recipients,
    int SegmentsPerMessage,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    long Version,
    string? IncidentCategory,
    string? IncidentDescription,
    IReadOnlyList<NetworkProgress> Outcome,
    IReadOnlyList<string>? PersonalDataConfirmed = null);

/// <summary>The audit of alerts: the alert views, their incidents and their progress per network, in three queries.</summary>
public static class AlertAudit
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 5_000;

    public static async Task<IReadOnlyList<AuditedAlert>> QueryAsync(IQuerySession session, AlertProgressReader progressReader, AuditFilter filter, NetworkScope scope, CancellationToken ct)
    {
        // Asking about a network outside one's scope would reveal which of one's own alerts also went there.
        if (filter.NetworkId is { } asked && !scope.MaySee(asked)) return [];
        IQueryable<AlertView> query = session.Query<AlertView>();
        if (filter.From is { } from) query = query.Where(a => a.IssuedAt >= from);
        if (filter.To is { } to) query = query.Where(a => a.IssuedAt < to);
        if (filter.IncidentId is { } incident) query = query.Where(a => a.IncidentId == incident);
        if (filter.NetworkId is { } network) query = query.Where(a => a.NetworkIds.Contains(network));
        if (!string.IsNullOrWhiteSpace(filter.IssuedBy))
        {
            var officer = filter.IssuedBy.Trim();
            query = query.Where(a => a.IssuedBy == officer);
        }
        var alerts = (await query.OrderByDescending(a => a.IssuedAt).Take(filter.Limit).ToListAsync(ct))
            .Where(a => scope.MaySeeAny(a.NetworkIds)).Select(a => AlertScoping.For(a, scope)).ToList();
        if (alerts.Count == 0) return [];

        var incidents = (await session.LoadManyAsync<IncidentView>(ct, alerts.Select(a => a.IncidentId).Distinct())).ToDictionary(i => i.Id);
        var progress = await progressReader.ByAlertAsync(alerts.Select(a => a.Id).ToList(), ct);
        return alerts.Select(a => new AuditedAlert(a.Id, a.IncidentId, a.NetworkIds, a.TipTemplateId, a.Texts, a.RecipientsPerNetwork, a.Recipients,
                a.SegmentsPerMessage, a.IssuedAt, a.IssuedBy, a.Version,
                incidents.GetValueOrDefault(a.IncidentId)?.Category, incidents.GetValueOrDefault(a.IncidentId)?.Description,
                (progress.GetValueOrDefault(a.Id) ?? []).Where(p => scope.MaySee(p.NetworkId)).ToList(), a.PersonalDataConfirmed))
            .ToList();
    }
}
