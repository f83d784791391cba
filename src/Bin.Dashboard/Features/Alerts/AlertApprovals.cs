using System.Security.Claims;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Alerts;
using Marten;
using Npgsql;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>The request was approved or rejected before (→ 409).</summary>
public sealed class ApprovalDecidedException(AlertApprovalStatus status)
    : DomainException(status == AlertApprovalStatus.Approved ? ServerMessages.ApprovalAlreadyApproved : ServerMessages.ApprovalAlreadyRejected, "approval");

/// <summary>
/// An administrator's decision on an alert held past the daily budget, for the API and the approvals page alike.
/// Approving issues the alert through <see cref="AlertCommands"/> (which marks the request approved in the same
/// transaction, under the request's lock); rejecting takes the same lock, so the two never both win.
/// </summary>
public sealed class AlertApprovals(IDocumentStore store, AlertCommands commands, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<IReadOnlyList<AlertApproval>> PendingAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Query<AlertApproval>().Where(a => a.Status == AlertApprovalStatus.Pending).OrderBy(a => a.RequestedAt).ToListAsync(ct);
    }

    public async Task<AlertIssued> ApproveAsync(Guid id, ClaimsPrincipal admin, CancellationToken ct)
    {
        AlertApproval approval;
        await using (var session = store.QuerySession())
            approval = await session.LoadAsync<AlertApproval>(id, ct) ?? throw new DomainException(ServerMessages.ApprovalNotFound, "id");
        if (approval.Status != AlertApprovalStatus.Pending) throw new ApprovalDecidedException(approval.Status);
        // Issued in the requester's name (the audit shows who sent it, the approval who allowed it), counted against their cap.
        var requester = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, approval.RequestedBy), .. approval.RequesterRoles.Select(r => new Claim(ClaimTypes.Role, r))],
            "approval", ClaimTypes.Name, ClaimTypes.Role));
        var command = new IssueAlert(Guid.CreateVersion7(), approval.IncidentId, approval.NetworkIds, approval.TipTemplateId, approval.Tip, approval.ReminderAfterMinutes, approval.ConfirmPersonalData);
        return await commands.IssueAsync(command, requester, ct, new AlertRequest(Repeat: true, ApprovalId: id, ApprovedBy: admin.Identity?.Name));
    }

    public async Task RejectAsync(Guid id, ClaimsPrincipal admin, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await AlertLocks.ApprovalAsync(connection, transaction, id, ct);
        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
        var approval = await session.LoadAsync<AlertApproval>(id, ct) ?? throw new DomainException(ServerMessages.ApprovalNotFound, "id");
        if (approval.Status != AlertApprovalStatus.Pending) throw new ApprovalDecidedException(approval.Status);
        approval.Status = AlertApprovalStatus.Rejected;
        approval.DecidedBy = admin.Identity?.Name;
        approval.DecidedAt = clock.GetUtcNow();
        session.Store(approval);
        await session.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
