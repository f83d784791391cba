using System.Globalization;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
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
            : throw new DomainException(ServerMessages.IdempotencyKeyTooLong.With(MaxIdempotencyKeyLength), "Idempotency-Key");
    }

    /// <summary>The answer to a safeguard's refusal, or null for any other refusal.</summary>
    public static IResult? For(DomainException ex, HttpContext http)
    {
        switch (ex)
        {
            case AlertRateLimitedException rate:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(rate.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status429TooManyRequests, title: UiText.T("server.title.tooManyAlerts"));
            case AlertRepeatException repeat:
                return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: UiText.T("server.title.alertedMomentsAgo"),
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

    /// <summary>Unknown request → 404, decided already → 409.</summary>
    private static IResult? Decision(DomainException ex) => ex switch
    {
        ApprovalDecidedException => Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: UiText.T("server.title.alreadyDecided")),
        { Field: "id" } => Problems.NotFound(ex.Message),
        _ => null,
    };

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
                try
                {
                    var issued = await approvals.ApproveAsync(id, http.User, ct);
                    return Results.Accepted($"/api/alerts/{issued.AlertId}", new AlertEndpoints.Issued(issued.AlertId, issued.Recipients, issued.RecipientsPerNetwork));
                }
                catch (DomainException ex) when (Decision(ex) is { } answer)
                {
                    return answer;
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

        app.MapPost("/api/alert-approvals/{id:guid}/reject", async (Guid id, HttpContext http, AlertApprovals approvals, CancellationToken ct) =>
            {
                try
                {
                    await approvals.RejectAsync(id, http.User, ct);
                    return Results.NoContent();
                }
                catch (DomainException ex) when (Decision(ex) is { } answer)
                {
                    return answer;
                }
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Reject an alert waiting for approval → 204; decided already → 409.");
        return app;
    }
}
