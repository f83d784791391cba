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
                        body.OptionalString("tipTemplateId"), body.OptionalString("tip"), body.OptionalInteger("reminderAfterMinutes"));
                    var issued = await commands.IssueAsync(command, http.User, ct);
                    return Results.Accepted($"/api/alerts/{issued.AlertId}", new Issued(issued.AlertId, issued.Recipients, issued.RecipientsPerNetwork));
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
            .WithSummary("Alert the members of networks with a tip: { networkIds, tip } or { networkIds, tipTemplateId }, optionally reminderAfterMinutes → 202 { alertId, recipients }.");

        app.MapGet("/api/alerts/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, OutboxStore outbox, CancellationToken ct) =>
        {
            var alert = await session.LoadAsync<AlertView>(id, ct);
            var scope = NetworkScope.Of(http.User);
            if (alert is null || !scope.MaySeeAny(alert.NetworkIds)) return Problems.NotFound($"No alert {id}.");
            var progress = (await outbox.ProgressAsync([id], ct)).Where(p => scope.MaySee(p.NetworkId)).ToList();
            return Results.Ok(new AlertDetails(alert, progress));
        }).WithSummary("An alert with sent/delivered/failed/acknowledged counts per network.");

        app.MapGet("/api/alerts", async (Guid? incidentId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            IQueryable<AlertView> query = session.Query<AlertView>();
            if (incidentId is { } incident) query = query.Where(a => a.IncidentId == incident);
            var alerts = await query.OrderByDescending(a => a.IssuedAt).Take(500).ToListAsync(ct);
            var scope = NetworkScope.Of(http.User);
            return Results.Ok(alerts.Where(a => scope.MaySeeAny(a.NetworkIds)));
        }).WithSummary("Alerts, newest first: who issued which tip, when, to how many per network (the audit).");
        return app;
    }
}
