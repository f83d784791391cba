using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain.Alerts;
using Marten;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>Alerting over HTTP: issue (officers), read with progress, and the audit list (chiefs, admins).</summary>
public static class AlertEndpoints
{
    public sealed record Issued(Guid AlertId, int Recipients, IReadOnlyDictionary<Guid, int> RecipientsPerNetwork);

    public sealed record AlertDetails(AlertView Alert, IReadOnlyList<NetworkProgress> Progress);

    /// <param name="NetworkIds">The networks to alert.</param>
    /// <param name="TipTemplateId">A tip from the library, or <paramref name="Tip"/>: the officer's own text.</param>
    /// <param name="ReminderAfterMinutes">Remind members who did not acknowledge after this many minutes.</param>
    /// <param name="Repeat">Alert again a network alerted for this incident in the last 30 minutes.</param>
    /// <param name="ConfirmPersonalData">The officer confirms the personal data found in their own tip is needed.</param>
    public sealed record IssueRequest(IReadOnlyList<Guid>? NetworkIds, string? TipTemplateId, string? Tip, int? ReminderAfterMinutes,
        bool? Repeat, bool? ConfirmPersonalData);

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/incidents/{id:guid}/alerts", async (Guid id, IssueRequest body, HttpContext http, AlertCommands commands, CancellationToken ct) =>
            {
                var command = new IssueAlert(Guid.CreateVersion7(), id, body.NetworkIds ?? [], body.TipTemplateId, body.Tip, body.ReminderAfterMinutes,
                    body.ConfirmPersonalData ?? false);
                var request = new AlertRequest(body.Repeat ?? false, AlertSafeguardAnswers.IdempotencyKey(http.Request));
                // Past the daily budget the command answers with AlertNeedsApprovalException, which ProblemMapping turns into 202 { approvalId }.
                var issued = await commands.IssueAsync(command, http.User, ct, request);
                return TypedResults.Accepted($"/api/alerts/{issued.AlertId}", new Issued(issued.AlertId, issued.Recipients, issued.RecipientsPerNetwork));
            })
            .RequireAuthorization(Policies.Alert)
            .Produces<AlertSafeguardAnswers.AwaitingApproval>(StatusCodes.Status202Accepted)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests)
            .WithSummary("Alert the members of networks with a tip: { networkIds, tip } or { networkIds, tipTemplateId }, optionally reminderAfterMinutes, repeat and confirmPersonalData; Idempotency-Key header → 202 { alertId, recipients }; personal data in the tip without confirmPersonalData → 422 naming each finding in errors.tip; 429 with Retry-After; 409 repeat; 202 { approvalId } past the daily budget.");

        app.MapGet("/api/alerts/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, AlertProgressReader progressReader, CancellationToken ct) =>
            {
                var alert = await session.LoadAsync<AlertView>(id, ct);
                var scope = NetworkScope.Of(http.User);
                if (alert is null || !scope.MaySeeAny(alert.NetworkIds)) return Problems.NotFound($"No alert {id}.");
                var progress = (await progressReader.PerNetworkAsync([id], ct)).Where(p => scope.MaySee(p.NetworkId)).ToList();
                return Results.Ok(new AlertDetails(AlertScoping.For(alert, scope), progress));
            })
            .Produces<AlertDetails>()
            .Refuses(StatusCodes.Status404NotFound)
            .WithSummary("An alert with sent/delivered/failed/acknowledged counts per network.");

        app.MapGet("/api/alerts", async (string? from, string? to, string? incidentId, string? networkId, string? issuedBy, string? limit,
                HttpContext http, IQuerySession session, AlertProgressReader progressReader, CancellationToken ct) =>
            {
                var filter = new AuditFilter(IsoTime.Optional(from, "from"), IsoTime.Optional(to, "to"), ApiContracts.OptionalGuid(incidentId, "incidentId"),
                    ApiContracts.OptionalGuid(networkId, "networkId"), string.IsNullOrEmpty(issuedBy) ? null : issuedBy,
                    ApiContracts.Limit(limit, AlertAudit.DefaultLimit, AlertAudit.MaxLimit));
                return TypedResults.Ok(await AlertAudit.QueryAsync(session, progressReader, filter, NetworkScope.Of(http.User), ct));
            })
            // The audit is the chief's; a coordinator sees the alerts of their own networks (scoped by AlertAudit).
            .RequireAuthorization(p => p.RequireRole(Roles.Chief, Roles.Admin, Roles.Coordinator))
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("The audit: alerts newest first (from, to, incidentId, networkId, issuedBy, limit ≤ 5000): who issued which tip, when, to how many per network, and the outcome per network.");
        return app;
    }
}
