using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Feedback;
using Marten;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>
/// Feedback over HTTP. Schedule with <c>{ text | templateId, sendAt | afterCloseMinutes }</c>; change with the same
/// fields (those left out stay); cancel; list by status. Bad input is a 400 problem naming the field; an unknown
/// alert or feedback a 404; changing what was already sent or cancelled a 409.
/// </summary>
public static class FeedbackEndpoints
{
    public sealed record Scheduled(Guid FeedbackId, DateTimeOffset? SendAt, int? AfterCloseMinutes);

    /// <summary>A feedback as listed: the view plus when it goes (null while waiting for its incident to close) and the
    /// networks of its alert.</summary>
    public sealed record Listed(FeedbackView Feedback, DateTimeOffset? DueAt, IReadOnlyList<Guid> NetworkIds);

    /// <param name="Text">The message, or <paramref name="TemplateId"/> (alias feedbackTemplateId) for a template.</param>
    /// <param name="SendAt">When to send (ISO 8601 with offset), or <paramref name="AfterCloseMinutes"/> after the incident is closed.</param>
    public sealed record ScheduleRequest(string? Text, string? TemplateId, string? FeedbackTemplateId, DateTimeOffset? SendAt, int? AfterCloseMinutes)
    {
        public string? Template => TemplateId ?? FeedbackTemplateId;
    }

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var alertFeedback = app.MapGroup("/api/alerts/{alertId:guid}/feedback").AnswersNotFoundFor("alertId", "feedbackId");

        alertFeedback.MapPost("", async (Guid alertId, ScheduleRequest body, HttpContext http, FeedbackCommands commands, CancellationToken ct) =>
            {
                var command = new ScheduleFeedback(Guid.CreateVersion7(), alertId, body.Template, body.Text, body.SendAt, body.AfterCloseMinutes);
                var scheduled = await commands.ScheduleAsync(command, http.User, ct);
                return TypedResults.Created($"/api/alerts/{alertId}/feedback/{scheduled.FeedbackId}",
                    new Scheduled(scheduled.FeedbackId, scheduled.SendAt, scheduled.AfterCloseMinutes));
            })
            .RequireAuthorization(Policies.Alert)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Schedule feedback to an alert's recipients: { text | templateId, sendAt | afterCloseMinutes } → 201 { feedbackId }.");

        alertFeedback.MapPut("/{feedbackId:guid}", async (Guid alertId, Guid feedbackId, ScheduleRequest body, HttpContext http, FeedbackCommands commands, CancellationToken ct) =>
            {
                var command = new RescheduleFeedback(feedbackId, body.Template, body.Text, body.SendAt, body.AfterCloseMinutes);
                var changed = await commands.RescheduleAsync(alertId, command, http.User, ct);
                return TypedResults.Ok(new Scheduled(feedbackId, changed.SendAt, changed.AfterCloseMinutes));
            })
            .RequireAuthorization(Policies.Alert)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Change scheduled feedback before it is sent; fields left out stay as they are.");

        alertFeedback.MapDelete("/{feedbackId:guid}", async (Guid alertId, Guid feedbackId, HttpContext http, FeedbackCommands commands, CancellationToken ct) =>
            {
                await commands.CancelAsync(alertId, new CancelFeedback(feedbackId), http.User, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Alert)
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Cancel scheduled feedback before it is sent.");

        alertFeedback.MapGet("/{feedbackId:guid}", async (Guid alertId, Guid feedbackId, HttpContext http, IQuerySession session, CancellationToken ct) =>
            {
                var listed = await ListAsync(session, NetworkScope.Of(http.User), new Filter(null, alertId, null), ct);
                return listed.FirstOrDefault(l => l.Feedback.Id == feedbackId) is { } found ? Results.Ok(found) : Problems.NotFound($"No feedback {feedbackId} for alert {alertId}.");
            })
            .Produces<Listed>()
            .Refuses(StatusCodes.Status404NotFound)
            .WithSummary("One feedback with its status and due time.");

        app.MapGet("/api/feedback", async (string? status, Guid? alertId, Guid? incidentId, HttpContext http, IQuerySession session, CancellationToken ct) =>
            {
                FeedbackStatus? wanted = null;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    if (!Enum.TryParse<FeedbackStatus>(status.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                        throw new DomainException(string.Format(System.Globalization.CultureInfo.CurrentCulture, UiText.T("http.feedbackStatus"), status), "status");
                    wanted = parsed;
                }
                return TypedResults.Ok(await ListAsync(session, NetworkScope.Of(http.User), new Filter(wanted, alertId, incidentId), ct));
            })
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("Feedback across the zone, soonest due first for scheduled, newest first otherwise: ?status=scheduled|sent|cancelled, alertId, incidentId.");

        app.MapGet("/api/feedback/overdue", async (HttpContext http, OverdueFeedback overdue, CancellationToken ct) =>
                TypedResults.Ok(await overdue.ListAsync(NetworkScope.Of(http.User), ct)))
            .WithSummary("Alerts without feedback sent or scheduled past their deadline (the watchdog).");
        return app;
    }

    public sealed record Filter(FeedbackStatus? Status, Guid? AlertId, Guid? IncidentId);

    /// <summary>The one feedback listing, for the API and the dashboard's pages.</summary>
    public static async Task<IReadOnlyList<Listed>> ListAsync(IQuerySession session, NetworkScope scope, Filter filter, CancellationToken ct)
    {
        IQueryable<FeedbackView> query = session.Query<FeedbackView>();
        if (filter.Status is { } status) query = query.Where(f => f.Status == status);
        if (filter.AlertId is { } alert) query = query.Where(f => f.AlertId == alert);
        if (filter.IncidentId is { } incident) query = query.Where(f => f.IncidentId == incident);
        var feedback = await query.OrderByDescending(f => f.ScheduledAt).Take(1000).ToListAsync(ct);
        if (feedback.Count == 0) return [];
        var alerts = (await session.LoadManyAsync<AlertView>(ct, feedback.Select(f => f.AlertId).Distinct().ToArray())).ToDictionary(a => a.Id);
        var incidents = (await session.LoadManyAsync<IncidentView>(ct, feedback.Select(f => f.IncidentId).Distinct().ToArray())).ToDictionary(i => i.Id);
        var listed = feedback
            .Where(f => alerts.TryGetValue(f.AlertId, out var a) && scope.MaySeeAny(a.NetworkIds))
            // A coordinator learns their own networks were alerted, not which others shared the alert.
            .Select(f => new Listed(f, f.DueAt(incidents.GetValueOrDefault(f.IncidentId)?.ClosedAt), alerts[f.AlertId].NetworkIds.Where(scope.MaySee).ToList()));
        return filter.Status == FeedbackStatus.Scheduled
            ? [.. listed.OrderBy(l => l.DueAt ?? DateTimeOffset.MaxValue)]
            : [.. listed];
    }
}
