using System.Globalization;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using Bin.Domain.Alerts;
using Marten;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>How the alert API answers the safeguards, and the approval and budget endpoints.</summary>
public static class AlertSafeguardAnswers
{
    public const int MaxIdempotencyKeyLength = 200;

    public sealed record AwaitingApproval(Guid ApprovalId, string Status, int Segments, int UsedToday, int Budget);

    public static string? IdempotencyKey(HttpRequest request)
    {
        var key = request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length == 0) return null;
        return key.Length <= MaxIdempotencyKeyLength ? key
            : throw new DomainException($"Idempotency-Key may be at most {MaxIdempotencyKeyLength} characters.", "Idempotency-Key");
    }

    /// <summary>The answer to a safeguard's refusal, or null for any other refusal.</summary>
    public static IResult? For(DomainException ex, HttpContext http)
    {
        switch (ex)
        {
            case AlertRateLimitedException rate:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(rate.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many alerts");
            case AlertRepeatException repeat:
                return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Alerted moments ago",
                    extensions: new Dictionary<string, object?>
                    {
                        ["field"] = "repeat",
                        ["repeats"] = repeat.Repeats.Select(r => new { networkId = r.NetworkId, lastAlertedAt = r.LastAlertedAt }).ToList(),
                    });
            case AlertNeedsApprovalException approval:
                var a = approval.Approval;
                return Results.Accepted($"/api/alert-approvals/{a.Id}", new AwaitingApproval(a.Id, "awaiting-approval", a.Segments, a.UsedToday, a.Budget));
            default:
                return null;
        }
    }

    public static IEndpointRouteBuilder MapAlertSafeguards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts/budget", (AlertBudget budget, CancellationToken ct) => budget.TodayAsync(ct))
            .RequireAuthorization(Policies.Alert)
            .WithSummary("Today's use of the zone's SMS segment budget: { since, used, budget, pendingApprovals }.");

        app.MapGet("/api/alert-approvals", async (IQuerySession session, CancellationToken ct) =>
                await session.Query<AlertApproval>().Where(a => a.Status == AlertApprovalStatus.Pending).OrderBy(a => a.RequestedAt).ToListAsync(ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Alerts waiting for an administrator's approval (past the daily budget), oldest first.");

        app.MapPost("/api/alert-approvals/{id:guid}/approve", async (Guid id, HttpContext http, IQuerySession session, AlertCommands commands, CancellationToken ct) =>
            {
                var approval = await session.LoadAsync<AlertApproval>(id, ct);
                if (approval is null) return Problems.NotFound($"No approval request {id}.");
                if (approval.Status != AlertApprovalStatus.Pending)
                    return Results.Problem(detail: $"This request was {approval.Status.ToString().ToLowerInvariant()} already.", statusCode: StatusCodes.Status409Conflict, title: "Already decided");
                try
                {
                    // Issued in the requester's name (the audit shows who sent it; the approval who allowed it), counted against their cap.
                    var requester = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                        [new(System.Security.Claims.ClaimTypes.Name, approval.RequestedBy), .. approval.RequesterRoles.Select(r => new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, r))],
                        "approval", System.Security.Claims.ClaimTypes.Name, System.Security.Claims.ClaimTypes.Role));
                    var command = new IssueAlert(Guid.CreateVersion7(), approval.IncidentId, approval.NetworkIds, approval.TipTemplateId, approval.Tip, approval.ReminderAfterMinutes);
                    var issued = await commands.IssueAsync(command, requester, ct, new AlertRequest(Repeat: true, ApprovalId: id, ApprovedBy: http.User.Identity?.Name));
                    return Results.Accepted($"/api/alerts/{issued.AlertId}", new AlertEndpoints.Issued(issued.AlertId, issued.Recipients, issued.RecipientsPerNetwork));
                }
                catch (DomainException ex) when (ex.Field == "approval")
                {
                    return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Already decided");
                }
                catch (DomainException ex) when (For(ex, http) is { } answer)
                {
                    return answer;
                }
                catch (DomainException ex)
                {
                    return Problems.From(ex);
                }
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Approve an alert past the daily budget: it is issued once, in the requester's name → 202 { alertId, recipients }; decided already → 409.");

        app.MapPost("/api/alert-approvals/{id:guid}/reject", async (Guid id, HttpContext http, IDocumentStore store, OutboxStore outbox, TimeProvider clock, CancellationToken ct) =>
            {
                await using var connection = new Npgsql.NpgsqlConnection(outbox.ConnectionString);
                await connection.OpenAsync(ct);
                await using var transaction = await connection.BeginTransactionAsync(ct);
                // The approval's lock: an approval and a rejection at the same moment are decided one after the other.
                await AlertLocks.ApprovalAsync(connection, transaction, id, ct);
                await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
                var approval = await session.LoadAsync<AlertApproval>(id, ct);
                if (approval is null) return Problems.NotFound($"No approval request {id}.");
                if (approval.Status != AlertApprovalStatus.Pending)
                    return Results.Problem(detail: $"This request was {approval.Status.ToString().ToLowerInvariant()} already.", statusCode: StatusCodes.Status409Conflict, title: "Already decided");
                approval.Status = AlertApprovalStatus.Rejected;
                approval.DecidedBy = http.User.Identity?.Name;
                approval.DecidedAt = clock.GetUtcNow();
                session.Store(approval);
                await session.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Reject an alert waiting for approval → 204.");
        return app;
    }
}
