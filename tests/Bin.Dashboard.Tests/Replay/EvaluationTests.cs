using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Replay;
using Bin.Dashboard.Features.Replay.Evaluation;
using Bin.Dashboard.Features.Replay.History;
using Bin.Dashboard.Features.Sms;
using Bin.DemoData;
using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using Bin.Domain.Members;
using Bin.Domain.Sms;
using Microsoft.Extensions.Options;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Replay;

/// <summary>
/// A small history in March 2021 (before any demo member existed), written through the domain's decisions and the
/// generator's writer, and the figures worked out by hand.
/// </summary>
[Collection(ReplayCollection.Name)]
public class EvaluationTests(ReplayFixture fixture)
{
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;
    private static Guid Leuken => SeedNetworks.Leuken;
    private static readonly DateTimeOffset Day = new(2021, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Period March = new(Day.AddDays(4), Day.AddDays(19)); // 5 – 20 March

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _written;

    private static DateTimeOffset At(int day, int hour, int minute) => Day.AddDays(day - 1).AddHours(hour).AddMinutes(minute);

    /// <summary>
    /// Members: K1–K4 in Kerkplein and L1–L2 in Leuken since 1 March; K5 joins Kerkplein on 10 March; K4 opts out on 12 March.
    /// Incidents in the period: a burglary in Kerkplein (6 March 10:00, alerted 10:06 to Kerkplein: K1–K4, K4's tip fails,
    /// K1 acknowledges after 2 min, K2 after 6 min and also replies), a theft in Kerkplein (11 March, no alert), a suspicious
    /// person in Leuken (15 March 20:00, alerted 20:15 to Leuken and Kerkplein: L1, L2, K1, K2, K3, K5, all delivered; L1
    /// acknowledges after 10 min, K3 after 4 min) and a burglary outside every network (16 March). Feedback: the first
    /// alert's goes half an hour after its incident closed, on a Saturday (on time: the deadline is Monday noon), to K1–K3;
    /// the second's on Wednesday 17 March at 10:00 Brussels time (late: the deadline was Tuesday noon) to its six recipients.
    /// Before the period: a burglary in Kerkplein on 2 March, alerted and acknowledged (not counted).
    /// </summary>
    private async Task WriteScenarioAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_written) return;
            var area = fixture.App.Service<ServiceArea>();
            var resolver = (await fixture.App.Service<NetworkDirectory>().CurrentAsync()).Resolver;
            var plan = new HistoryPlan();
            Guid Member(Guid network, DateTimeOffset at)
            {
                var id = Guid.NewGuid();
                plan.Events.Add(new PlannedEvent(at, id, MemberDecisions.Register(null, new RegisterMember(id, [network], "nl", at, "test"), at), "test", StreamStart.Member));
                return id;
            }
            var k = Enumerable.Range(1, 4).Select(i => Member(Kerkplein, At(1, 19, i))).ToList();
            var l = Enumerable.Range(1, 2).Select(i => Member(Leuken, At(1, 20, i))).ToList();
            k.Add(Member(Kerkplein, At(10, 19, 30)));
            plan.Events.Add(new PlannedEvent(At(12, 8, 0), k[3], new MemberOptedOut(k[3], "sms", At(12, 8, 0)), "sms"));

            Incident Report(DateTimeOffset at, double lat, double lon, string category)
            {
                var id = Guid.NewGuid();
                var reported = IncidentDecisions.Report(null, new ReportIncident(id, lat, lon, category, "scenario", ReporterKind.Member), area, resolver.Containing(lat, lon), at);
                plan.Events.Add(new PlannedEvent(at, id, reported, "dispatcher", StreamStart.Incident));
                return Incident.Create(reported);
            }
            void Close(Incident incident, DateTimeOffset at) =>
                plan.Events.Add(new PlannedEvent(at, incident.Id, IncidentDecisions.Close(incident, new CloseIncident(incident.Id, IncidentOutcome.NothingFound, null), at), "officer"));
            AlertIssued Alert(Incident incident, DateTimeOffset at, (Guid Member, Guid Network, bool Delivered)[] recipients)
            {
                var verified = incident.Apply(IncidentDecisions.Verify(incident, new VerifyIncident(incident.Id), at.AddMinutes(-1)));
                plan.Events.Add(new PlannedEvent(at.AddMinutes(-1), incident.Id, new IncidentVerified(incident.Id, at.AddMinutes(-1)), "officer"));
                var networks = recipients.Select(r => r.Network).Distinct().ToList();
                var context = new AlertContext(verified, new HashSet<Guid> { Kerkplein, Leuken }, recipients.GroupBy(r => r.Network).ToDictionary(g => g.Key, g => g.Count()), 0, 10);
                var issued = AlertDecisions.Issue(context, new IssueAlert(Guid.NewGuid(), incident.Id, networks, "burglary-lights", null), at);
                plan.Events.Add(new PlannedEvent(at, issued.AlertId, issued, "inspecteur.test", StreamStart.Alert));
                foreach (var (member, network, delivered) in recipients)
                {
                    var body = issued.Texts["nl"];
                    var message = new OutboxMessage(Guid.NewGuid(), issued.AlertId, member, network, MessageKind.Tip, "nl", "+32479909999", body, SmsEncoding.Analyze(body).Segments);
                    plan.Messages.Add(new(message, delivered ? MessageStatus.Delivered : MessageStatus.Failed, 1, at, at.AddSeconds(1),
                        delivered ? at.AddSeconds(5) : null, delivered ? null : at.AddSeconds(6), null, delivered ? null : "30003"));
                }
                return issued;
            }
            void Feedback(AlertIssued alert, DateTimeOffset? closedAt, int? afterCloseMinutes, DateTimeOffset? sendAt, (Guid Member, Guid Network)[] recipients)
            {
                var id = Guid.NewGuid();
                var scheduledAt = alert.IssuedAt.AddMinutes(5);
                var scheduled = FeedbackDecisions.Schedule(null, new FeedbackAlert(alert.AlertId, alert.IncidentId, alert.IssuedAt, null),
                    new ScheduleFeedback(id, alert.AlertId, "feedback-nothing-found", null, sendAt, afterCloseMinutes), scheduledAt);
                plan.Events.Add(new PlannedEvent(scheduledAt, id, scheduled, "inspecteur.test", StreamStart.Feedback));
                var state = FeedbackState.Create(scheduled);
                var due = state.DueAt(closedAt)!.Value;
                plan.Events.Add(new PlannedEvent(due, id, FeedbackDecisions.Send(state, closedAt, recipients.Length, due)!, "scheduler"));
                foreach (var (member, network) in recipients)
                {
                    var body = scheduled.Texts["nl"];
                    var message = new OutboxMessage(Guid.NewGuid(), alert.AlertId, member, network, MessageKind.Feedback, "nl", "+32479909999", body, SmsEncoding.Analyze(body).Segments);
                    plan.Messages.Add(new(message, MessageStatus.Delivered, 1, due, due.AddSeconds(1), due.AddSeconds(4), null, null, null));
                }
            }
            void Ack(AlertIssued alert, Guid member, Guid network, int minutes)
            {
                var at = alert.IssuedAt.AddMinutes(minutes);
                plan.Events.Add(new PlannedEvent(at, member, new TipAcknowledged(member, alert.AlertId, alert.IncidentId, network, Guid.NewGuid(), at), "sms"));
                var index = plan.Messages.FindIndex(m => m.Message.AlertId == alert.AlertId && m.Message.MemberId == member);
                plan.Messages[index] = plan.Messages[index] with { AckedAt = at };
            }

            var inKerkplein = await PointInAsync(Kerkplein);
            var inLeuken = await PointInAsync(Leuken);
            var before = Report(At(2, 9, 0), inKerkplein.Lat, inKerkplein.Lon, "burglary");
            var a0 = Alert(before, At(2, 9, 5), [(k[0], Kerkplein, true), (k[1], Kerkplein, true)]);
            Ack(a0, k[0], Kerkplein, 1);
            Close(before, At(2, 10, 0));

            var burglary = Report(At(6, 10, 0), inKerkplein.Lat, inKerkplein.Lon, "burglary");
            var a1 = Alert(burglary, At(6, 10, 6), [(k[0], Kerkplein, true), (k[1], Kerkplein, true), (k[2], Kerkplein, true), (k[3], Kerkplein, false)]);
            Ack(a1, k[0], Kerkplein, 2);
            Ack(a1, k[1], Kerkplein, 6);
            plan.Events.Add(new PlannedEvent(At(6, 10, 20), k[1], new ReplyReceived(k[1], a1.AlertId, a1.IncidentId, Kerkplein, "Zag iemand weglopen", At(6, 10, 20)), "sms"));
            Close(burglary, At(6, 11, 0));
            Feedback(a1, At(6, 11, 0), 30, null, [(k[0], Kerkplein), (k[1], Kerkplein), (k[2], Kerkplein)]);

            var theft = Report(At(11, 14, 0), inKerkplein.Lat, inKerkplein.Lon, "theft");
            Close(theft, At(11, 14, 30));

            var person = Report(At(15, 20, 0), inLeuken.Lat, inLeuken.Lon, "suspicious-person");
            var a2 = Alert(person, At(15, 20, 15),
                [(l[0], Leuken, true), (l[1], Leuken, true), (k[0], Kerkplein, true), (k[1], Kerkplein, true), (k[2], Kerkplein, true), (k[4], Kerkplein, true)]);
            Ack(a2, l[0], Leuken, 10);
            Ack(a2, k[2], Kerkplein, 4);
            Close(person, At(15, 21, 0));
            Feedback(a2, At(15, 21, 0), null, At(17, 9, 0), [(l[0], Leuken), (l[1], Leuken), (k[0], Kerkplein), (k[1], Kerkplein), (k[2], Kerkplein), (k[4], Kerkplein)]);

            var outside = Report(At(16, 3, 0), 51.2700, 5.2600, "burglary");
            Assert.Empty(outside.NetworkIds);
            Close(outside, At(16, 4, 0));

            plan.Events.Sort((x, y) => x.At.CompareTo(y.At));
            await fixture.App.Service<HistoryGenerator>().WriteAsync(plan, null, () => 0, default);
            _written = true;
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task The_figures_of_a_period_match_the_ones_worked_out_by_hand()
    {
        await WriteScenarioAsync();
        var segments = SmsEncoding.Analyze(Bin.Domain.Tips.TipLibrary.Get("burglary-lights").Text(Language.Nl)).Segments;
        var feedbackSegments = SmsEncoding.Analyze(Bin.Domain.Tips.FeedbackTemplates.Get("feedback-nothing-found").Text(Language.Nl)).Segments;
        var cost = fixture.App.Service<IOptions<SmsOptions>>().Value.CostPerSegment;

        var report = await fixture.App.Service<EvaluationQuery>().LoadAsync(March, [], default);

        var kerkplein = report.Networks.Single(n => n.NetworkId == Kerkplein);
        Assert.Equal((4, 4, 1, 1), (kerkplein.MembersAtStart, kerkplein.MembersAtEnd, kerkplein.Joined, kerkplein.Left));
        Assert.Equal(2, kerkplein.Incidents);
        Assert.Equal(new Dictionary<string, int> { ["burglary"] = 1, ["theft"] = 1 }, kerkplein.IncidentsByCategory);
        Assert.Equal((2, 8), (kerkplein.Alerts, kerkplein.Recipients));
        Assert.Equal(10.5, kerkplein.MedianMinutesToAlert!.Value, 3);   // 6 and 15 minutes
        Assert.Equal((7, 1), (kerkplein.Delivered, kerkplein.Failed));
        Assert.Equal(3, kerkplein.Acknowledged);
        Assert.Equal(3.0 / 8, kerkplein.AcknowledgementRate!.Value, 6);
        Assert.Equal(7.0 / 8, kerkplein.DeliveryRate!.Value, 6);
        Assert.Equal(4, kerkplein.MedianMinutesToAcknowledge!.Value, 3); // 2, 4 and 6 minutes
        Assert.Equal(1, kerkplein.Replies);
        Assert.Equal((2, 1), (kerkplein.AlertsWithFeedback, kerkplein.FeedbackOnTime));
        // The failed tip was handed to the gateway too; feedback: three after the first alert, four after the second.
        Assert.Equal(8 * segments + 7 * feedbackSegments, kerkplein.Segments);
        Assert.Equal((8 * segments + 7 * feedbackSegments) * cost, kerkplein.Cost);

        var leuken = report.Networks.Single(n => n.NetworkId == Leuken);
        Assert.Equal((2, 2, 0, 0), (leuken.MembersAtStart, leuken.MembersAtEnd, leuken.Joined, leuken.Left));
        Assert.Equal((1, 1, 2, 2, 1, 0), (leuken.Incidents, leuken.Alerts, leuken.Recipients, leuken.Delivered, leuken.Acknowledged, leuken.Replies));
        Assert.Equal(15, leuken.MedianMinutesToAlert!.Value, 3);
        Assert.Equal(10, leuken.MedianMinutesToAcknowledge!.Value, 3);
        Assert.Equal(0.5, leuken.AcknowledgementRate!.Value, 6);
        Assert.Equal((1, 0), (leuken.AlertsWithFeedback, leuken.FeedbackOnTime));
        Assert.Equal(2 * segments + 2 * feedbackSegments, leuken.Segments);

        var zone = report.Zone;
        Assert.Null(zone.NetworkId);
        Assert.Equal((6, 6, 1, 1), (zone.MembersAtStart, zone.MembersAtEnd, zone.Joined, zone.Left));
        Assert.Equal(4, zone.Incidents); // also the one outside every network
        Assert.Equal(new Dictionary<string, int> { ["burglary"] = 2, ["theft"] = 1, ["suspicious-person"] = 1 }, zone.IncidentsByCategory);
        Assert.Equal((2, 10, 9, 1, 4, 1), (zone.Alerts, zone.Recipients, zone.Delivered, zone.Failed, zone.Acknowledged, zone.Replies));
        Assert.Equal(10.5, zone.MedianMinutesToAlert!.Value, 3);
        Assert.Equal(5, zone.MedianMinutesToAcknowledge!.Value, 3);      // 2, 4, 6 and 10 minutes
        Assert.Equal((2, 1), (zone.AlertsWithFeedback, zone.FeedbackOnTime));
        Assert.Equal(0.5, zone.FeedbackOnTimeRate!.Value, 6);
        Assert.Equal(10 * segments + 9 * feedbackSegments, zone.Segments);

        Assert.All(report.Networks.Where(n => n.NetworkId != Kerkplein && n.NetworkId != Leuken),
            n => Assert.Equal((0, 0, 0), (n.Incidents, n.Alerts, n.MembersAtEnd)));
        Assert.Equal("day", report.Bucket);
        Assert.Equal(4, report.Series.Sum(p => p.Incidents));
        Assert.Equal(2, report.Series.Sum(p => p.Alerts));
    }

    [Fact]
    public async Task One_network_alone_and_the_csv_export_give_the_same_figures()
    {
        await WriteScenarioAsync();
        var client = await fixture.App.ClientForAsync("chief");
        var query = $"from={Uri.EscapeDataString(March.From.ToString("O"))}&to={Uri.EscapeDataString(March.To.ToString("O"))}&networkId={Leuken}";

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/evaluation?{query}");
        var csv = await client.GetStringAsync($"/api/evaluation?{query}&format=csv");

        var networks = json.GetProperty("networks");
        Assert.Equal(1, networks.GetArrayLength());
        Assert.Equal(0.5, networks[0].GetProperty("acknowledgementRate").GetDouble());
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // header, Leuken, zone
        var header = lines[0].Split(';');
        var leuken = lines[1].Split(';');
        Assert.Equal("Leuken", leuken[0]);
        Assert.Equal("0,5", leuken[Array.IndexOf(header, "acknowledgement_rate")]);
        Assert.Equal("15", leuken[Array.IndexOf(header, "median_minutes_report_to_alert")]);
        Assert.Equal("1", leuken[Array.IndexOf(header, "incidents_suspicious_person")]);
    }

    [Fact]
    public async Task The_audit_lists_who_sent_what_to_whom_with_the_outcome_filtered_by_officer_and_network()
    {
        await WriteScenarioAsync();
        var client = await fixture.App.ClientForAsync("chief");
        var period = $"from={Uri.EscapeDataString(March.From.ToString("O"))}&to={Uri.EscapeDataString(March.To.ToString("O"))}";

        var all = await client.GetFromJsonAsync<AuditedAlert[]>($"/api/alerts?{period}", HistoryJson.Options);
        var mine = await client.GetFromJsonAsync<AuditedAlert[]>($"/api/alerts?{period}&issuedBy=inspecteur.test&networkId={Leuken}", HistoryJson.Options);
        var nobody = await client.GetFromJsonAsync<AuditedAlert[]>($"/api/alerts?{period}&issuedBy=someone.else", HistoryJson.Options);

        Assert.Equal(2, all!.Length);
        Assert.True(all[0].IssuedAt > all[1].IssuedAt);
        var second = Assert.Single(mine!);
        Assert.Equal("inspecteur.test", second.IssuedBy);
        Assert.Equal("suspicious-person", second.IncidentCategory);
        Assert.Equal(new Dictionary<Guid, int> { [Leuken] = 2, [Kerkplein] = 4 }, second.RecipientsPerNetwork);
        Assert.Equal(Bin.Domain.Tips.TipLibrary.Get("burglary-lights").Text(Language.Nl), second.Texts["nl"]);
        var outcome = second.Outcome.ToDictionary(o => o.NetworkId);
        Assert.Equal((2, 2, 1), (outcome[Leuken].Recipients, outcome[Leuken].Delivered, outcome[Leuken].Acknowledged));
        Assert.Equal((4, 4, 1), (outcome[Kerkplein].Recipients, outcome[Kerkplein].Delivered, outcome[Kerkplein].Acknowledged));
        Assert.Empty(nobody!);
    }

    [Fact]
    public async Task A_coordinator_audits_only_alerts_touching_their_network_without_other_networks_figures()
    {
        await WriteScenarioAsync();
        var coordinator = await fixture.App.ClientForAsync("coordinator");
        var period = $"from={Uri.EscapeDataString(March.From.ToString("O"))}&to={Uri.EscapeDataString(March.To.ToString("O"))}";

        var alerts = await coordinator.GetFromJsonAsync<AuditedAlert[]>($"/api/alerts?{period}", HistoryJson.Options);
        var askedAboutLeuken = await coordinator.GetFromJsonAsync<AuditedAlert[]>($"/api/alerts?{period}&networkId={Leuken}", HistoryJson.Options);

        Assert.Equal(2, alerts!.Length);
        var shared = Assert.Single(alerts!, a => a.IncidentCategory == "suspicious-person");
        Assert.All(alerts!, a => Assert.Equal([Kerkplein], a.NetworkIds));
        Assert.Equal(new Dictionary<Guid, int> { [Kerkplein] = 4 }, shared.RecipientsPerNetwork);
        Assert.Equal(4, shared.Recipients);
        Assert.Equal([Kerkplein], shared.Outcome.Select(o => o.NetworkId));
        Assert.Empty(askedAboutLeuken!);
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("officer")]
    public async Task The_audit_api_is_refused_to_dispatchers_and_officers(string user)
    {
        var client = await fixture.App.ClientForAsync(user);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.GetAsync("/api/alerts")).StatusCode);
    }

    private async Task<(double Lat, double Lon)> PointInAsync(Guid network)
    {
        var resolver = (await fixture.App.Service<NetworkDirectory>().CurrentAsync()).Resolver;
        for (var lat = 51.18; lat < 51.30; lat += 0.0015)
            for (var lon = 5.22; lon < 5.42; lon += 0.0015)
                if (resolver.Containing(lat, lon) is [var only] && only == network) return (lat, lon);
        throw new InvalidOperationException("No point found inside the network.");
    }
}
