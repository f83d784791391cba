using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Replay.Evaluation;

/// <summary><c>GET /api/evaluation?from=&amp;to=[&amp;networkId=][&amp;format=csv]</c>: the figures per network and for the zone.</summary>
public static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/evaluation", async (string? from, string? to, string[]? networkId, string? format, EvaluationQuery evaluation, CancellationToken ct) =>
            {
                var period = Period.Parse(from, to);
                var networks = HistoryFilter.Parse(networkId, default).Networks;
                var csv = ApiContracts.IsCsv(format);
                var report = await evaluation.LoadAsync(period, networks, ct);
                return csv
                    ? ToCsv(report).ToResult($"bin-evaluation-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv")
                    : Results.Json(report, HistoryJson.Options);
            })
            .RequireAuthorization(Policies.Chief)
            .Produces<EvaluationReport>()
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("Evaluation figures per network and for the zone over a period (at most 366 days); format=csv for a spreadsheet.");
        return app;
    }

    public static Csv ToCsv(EvaluationReport report)
    {
        var csv = new Csv();
        csv.Row(["network", "network_id", "from_utc", "to_utc", "members_at_start", "members_at_end", "joined", "left", "incidents",
            .. IncidentCategories.All.Select(c => "incidents_" + c.Id.Replace('-', '_')),
            "alerts", "recipients", "median_minutes_report_to_alert", "delivered", "failed", "delivery_rate", "acknowledged", "acknowledgement_rate",
            "median_minutes_to_acknowledge", "replies", "alerts_with_feedback", "feedback_on_time", "sms_segments", "sms_cost_eur"]);
        foreach (var f in report.Networks.Append(report.Zone))
            csv.Row([f.NetworkId is null ? "zone" : f.Name, f.NetworkId, report.From, report.To, f.MembersAtStart, f.MembersAtEnd, f.Joined, f.Left, f.Incidents,
                .. IncidentCategories.All.Select(c => (object?)f.IncidentsByCategory.GetValueOrDefault(c.Id)),
                f.Alerts, f.Recipients, Round(f.MedianMinutesToAlert), f.Delivered, f.Failed, Round(f.DeliveryRate, 4), f.Acknowledged, Round(f.AcknowledgementRate, 4),
                Round(f.MedianMinutesToAcknowledge), f.Replies, f.AlertsWithFeedback, f.FeedbackOnTime, f.Segments, f.Cost]);
        return csv;
    }

    private static double? Round(double? value, int digits = 1) => value is { } v ? Math.Round(v, digits) : null;
}
