using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Alerts;
using Marten;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>The alert safeguards over HTTP: the Idempotency-Key header, the approval and budget endpoints (refusals: ProblemMapping).</summary>
public static class AlertSafeguardAnswers
{
    public const int MaxIdempotencyKeyLength = 200;

    public sealed record AwaitingApproval(Guid ApprovalId, string Status, int Segments, int UsedToday, int Budget);

    public static string? IdempotencyKey(HttpRequest request)
    {
        var key = request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length == 0) return null;
        return key.Length <= MaxIdempotencyKeyLength ? key
            : throw new DomainException(string.Format(System.Globalization.CultureInfo.CurrentCulture,
                Infrastructure.Localization.UiText.T("http.idempotencyKey"), MaxIdempotencyKeyLength), "Idempotency-Key");
    }

    public static IEndpointRouteBuilder MapAlertSafeguards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts/budget", (AlertBudget budget, CancellationToken ct) => budget.TodayAsync(ct))
            .RequireAuthorization(Policies.Alert)
            .WithSummary("Today's use of the zone's SMS segment budget: { since, used, budget, pendingApprovals }.");

        app.MapGet("/api/alert-approvals", (AlertApprovals approvals, CancellationToken ct) => approvals.PendingAsync(ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Alerts waiting for an administrator's approval (past the daily budget), oldest first.");

        app.MapPost("/api/alert-approvals/{id:guid}/approve", async (Guid id, HttpContext http, AlertApprovals approvals, CancellationToken ct) =>
            {
                var issued = await approvals.ApproveAsync(id, http.User, ct);
                return TypedResults.Accepted($"/api/alerts/{issued.AlertId}", new AlertEndpoints.Issued(issued.AlertId, issued.Recipients, issued.RecipientsPerNetwork));
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests)
            .WithSummary("Approve an alert past the daily budget: it is issued once, in the requester's name → 202 { alertId, recipients }; decided already → 409.");

        app.MapPost("/api/alert-approvals/{id:guid}/reject", async (Guid id, HttpContext http, AlertApprovals approvals, CancellationToken ct) =>
            {
                await approvals.RejectAsync(id, http.User, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Reject an alert waiting for approval → 204; decided already → 409.");
        return app;
    }
}
