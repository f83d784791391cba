using Bin.Dashboard.Infrastructure.Localization;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using Bin.Domain.Alerts;
using Marten;

namespace Bin.Dashboard.Features.Alerts;

/// <summary>Alerting over HTTP: issue (officers), read with progress, and the audit list (chiefs, admins).</summary>
public static class AlertEndpoints
{
    public sealed record Issued(Guid AlertId, int Recipients, IReadOnlyDictionary<Guid, int> RecipientsPerNetwork);

    public sealed record AlertDetails(AlertView Alert, IReadOnlyList<NetworkProgress> Progress);

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/incidents/{id:guid}/alerts", async (Guid id, HttpContext http, AlertCommands commands, CancellationToken ct) =>
            {
                try
                {
                    var body = await JsonBody.ReadAsync(http.Request, ct);
                    var command = new IssueAlert(Guid.CreateVersion7(), id, body.GuidList("networkIds"),
                        body.OptionalString("tipTemplateId"), body.OptionalString("tip"), body.OptionalInteger("reminderAfterMinutes"),
                        body.OptionalBool("confirmPersonalData") ?? false);
                    var request = new AlertRequest(body.OptionalBool("repeat") ?? false, AlertSafeguardAnswers.IdempotencyKey(http.Request));
                    var issued = await commands.IssueAsync(command, http.User, ct, request);
                    return Results.Accepted($"/api/alerts/{issued.AlertId}", new Issued(issued.AlertId, issued.Recipients, issued.RecipientsPerNetwork));
                }
                catch (PersonalDataFound ex)
                {
                    // The tip is well-formed but needs the officer's word: 422, each finding named under errors.tip.
                    // Each finding: its stable code and value for clients, why it matters in the caller's language.
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                        {
                            ["tip"] = [.. ex.Findings.Select(f => $"{PersonalDataCheck.Code(f.Kind)} \"{f.Value}\": {UiText.T("pd.why." + PersonalDataCheck.Code(f.Kind))}")],
                        },
                        detail: UiText.T("pd.explain"), title: UiText.T("pd.title"), statusCode: StatusCodes.Status422UnprocessableEntity);
                }
                catch (DomainException ex) when (AlertSafeguardAnswers.For(ex, http) is { } answer)
                {
                    return answer;
                }
                catch (DomainException ex) when (ex.Field == "rate")
                {
                    return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many alerts");
                }
                catch (DomainException ex)
                {
                    return Problems.From(ex);
                }
            })
            .RequireAuthorization(Policies.Alert)
            .WithSummary("Alert the members of networks with a tip: { networkIds, tip } or { networkIds, tipTemplateId }, optionally reminderAfterMinutes, repeat and confirmPersonalData; Idempotency-Key header → 202 { alertId, recipients }; personal data in the tip without confirmPersonalData → 422 naming each finding in errors.tip; 429 with Retry-After; 409 repeat; 202 { approvalId } past the daily budget.");

        app.MapGet("/api/alerts/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, OutboxProgress outbox, CancellationToken ct) =>
        {
            var alert = await session.LoadAsync<AlertView>(id, ct);
            var scope = NetworkScope.Of(http.User);
            if (alert is null || !scope.MaySeeAny(alert.NetworkIds)) return Problems.NotFound($"No alert {id}.");
            var progress = (await outbox.ProgressAsync([id], ct)).Where(p => scope.MaySee(p.NetworkId)).ToList();
            return Results.Ok(new AlertDetails(AlertScoping.For(alert, scope), progress));
        }).WithSummary("An alert with sent/delivered/failed/acknowledged counts per network.");

        app.MapGet("/api/alerts", async (HttpContext http, IQuerySession session, OutboxProgress outbox, CancellationToken ct) =>
        {
            try
            {
                var query = http.Request.Query;
                var filter = new AuditFilter(OptionalTime(query["from"], "from"), OptionalTime(query["to"], "to"), OptionalGuid(query["incidentId"], "incidentId"),
                    OptionalGuid(query["networkId"], "networkId"), query["issuedBy"].ToString() is { Length: > 0 } by ? by : null, Limit(query["limit"]));
                return Results.Ok(await AlertAudit.QueryAsync(session, outbox, filter, NetworkScope.Of(http.User), ct));
            }
            catch (DomainException ex)
            {
                return Problems.From(ex);
            }
        })
        // The audit is the chief's; a coordinator sees the alerts of their own networks (scoped by AlertAudit).
        .RequireAuthorization(p => p.RequireRole(Roles.Chief, Roles.Admin, Roles.Coordinator))
        .WithSummary("The audit: alerts newest first (from, to, incidentId, networkId, issuedBy, limit ≤ 5000): who issued which tip, when, to how many per network, and the outcome per network.");
        return app;
    }

    private static DateTimeOffset? OptionalTime(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at
        : throw new DomainException($"{field} must be an ISO 8601 date-time, e.g. 2026-11-28T08:00:00Z.", field);

    private static Guid? OptionalGuid(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new DomainException($"{field} must be an id (GUID).", field);

    private static int Limit(string? value) =>
        string.IsNullOrWhiteSpace(value) ? AlertAudit.DefaultLimit
        : int.TryParse(value, out var n) && n is > 0 and <= AlertAudit.MaxLimit ? n
        : throw new DomainException($"limit must be a whole number from 1 to {AlertAudit.MaxLimit}.", "limit");
}
