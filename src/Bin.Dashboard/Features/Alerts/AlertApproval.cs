using Bin.Dashboard.Infrastructure.Localization;
namespace Bin.Dashboard.Features.Alerts;

public enum AlertApprovalStatus { Pending, Approved, Rejected }

/// <summary>
/// An alert that would pass the zone's daily SMS segment budget, held until an administrator approves (then it is
/// issued, once, in the requester's name) or rejects it. Holds the request, never recipients' data.
/// </summary>
public sealed class AlertApproval
{
    public Guid Id { get; set; }
    public Guid IncidentId { get; set; }
    public List<Guid> NetworkIds { get; set; } = [];
    public string? TipTemplateId { get; set; }
    public string? Tip { get; set; }
    public int? ReminderAfterMinutes { get; set; }
    /// <summary>The requester confirmed the personal data the tip carries (docs/alerting-beyond.md); the approved alert keeps that word.</summary>
    public bool ConfirmPersonalData { get; set; }
    public string RequestedBy { get; set; } = "";
    public List<string> RequesterRoles { get; set; } = [];
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Segments the alert would cost, and the zone's use of the day when it was asked.</summary>
    public int Segments { get; set; }
    public int UsedToday { get; set; }
    public int Budget { get; set; }

    public AlertApprovalStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? AlertId { get; set; }
}

/// <summary>The alert was not sent: it waits for an administrator's approval (<see cref="Approval"/>).</summary>
public sealed class AlertNeedsApprovalException(AlertApproval approval)
    : Bin.Domain.DomainException(ServerMessages.AlertNeedsApproval.With(approval.Segments, approval.Budget, approval.UsedToday), "budget")
{
    public AlertApproval Approval { get; } = approval;
}

/// <summary>An <c>Idempotency-Key</c> the account used before, and the alert it produced.</summary>
public sealed class AlertIdempotencyKey
{
    /// <summary>"{account}\n{key}": a key is the account's own.</summary>
    public string Id { get; set; } = "";
    public Guid IncidentId { get; set; }
    public Guid AlertId { get; set; }
    public DateTimeOffset UsedAt { get; set; }
}

/// <summary>How the request wants the safeguards applied: a deliberate repeat, an idempotency key, an approved request.</summary>
public sealed record AlertRequest(bool Repeat = false, string? IdempotencyKey = null, Guid? ApprovalId = null, string? ApprovedBy = null)
{
    public static readonly AlertRequest Default = new();
}
