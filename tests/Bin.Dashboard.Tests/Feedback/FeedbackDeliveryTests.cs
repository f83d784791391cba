using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Feedback;
using Bin.Domain.Feedback;
using Bin.Domain.Members;
using Bin.Domain.Tips;
using Bin.Testing;
using Quartz;
using static Bin.Dashboard.Tests.Feedback.FeedbackScenario;

namespace Bin.Dashboard.Tests.Feedback;

/// <summary>Feedback and reminders all the way to the simulated phones.</summary>
public class FeedbackDeliveryTests(FeedbackHostFixture host) : IClassFixture<FeedbackHostFixture>
{
    private sealed record Simulated(string Sid, string Direction, Guid? MessageId, string To, string Body);

    private async Task<IReadOnlyList<Simulated>> SimulatorAsync()
    {
        var client = await host.App.ClientForAsync("admin");
        return (await client.GetFromJsonAsync<Simulated[]>("/api/sms-simulator/messages?limit=1000", Json))!;
    }

    [Fact]
    public async Task Feedback_reaches_exactly_the_alerts_recipients_in_their_languages_through_the_simulator_and_skips_who_left()
    {
        var alert = await AlertAsync(host.App);
        var tips = (await RowsAsync(host.App, alert.AlertId)).Where(r => r.Kind == "tip").ToList();
        Assert.True(tips.Select(t => t.Language).Distinct().Count() > 1, "Parelstrand's members should speak more than one language");
        var leaver = tips[0];
        var admin = await host.App.ClientForAsync("admin");
        var optOut = await admin.PostAsync($"/api/members/{leaver.MemberId}/opt-out", null);
        Assert.True(optOut.IsSuccessStatusCode, $"{optOut.StatusCode} {await optOut.Content.ReadAsStringAsync()}");

        var feedbackId = await ScheduledAsync(host.App, alert.AlertId, new { templateId = "feedback-suspect-caught", sendAt = DateTimeOffset.UtcNow.AddSeconds(1) });

        var sent = await UntilStatusAsync(host.App, feedbackId, FeedbackStatus.Sent);
        var feedback = (await RowsAsync(host.App, alert.AlertId)).Where(r => r.Kind == "feedback").ToList();
        var expected = tips.Where(t => t.MemberId != leaver.MemberId).ToList();
        Assert.Equal(expected.Count, sent.Recipients);
        Assert.Equal(expected.Select(t => t.MemberId).Order(), feedback.Select(f => f.MemberId).Order());
        var template = FeedbackTemplates.Get("feedback-suspect-caught");
        Assert.All(feedback, f =>
        {
            Assert.Equal(tips.Single(t => t.MemberId == f.MemberId).Language, f.Language);
            Assert.Equal(template.Text(Languages.Parse(f.Language)), f.Body);
        });

        await UntilAsync(async () => (await RowsAsync(host.App, alert.AlertId)).Where(r => r.Kind == "feedback").All(r => r.Status is "sent" or "delivered"), "feedback handed to the gateway");
        var outbound = (await SimulatorAsync()).Where(m => m.Direction == "outbound" && feedback.Any(f => f.MessageId == m.MessageId)).ToList();
        Assert.Equal(feedback.Count, outbound.Count);
        Assert.All(outbound, m =>
        {
            var row = feedback.Single(f => f.MessageId == m.MessageId);
            Assert.Equal(row.Phone, m.To);
            Assert.Equal(template.Text(Languages.Parse(row.Language)), m.Body);
        });
        Assert.DoesNotContain(outbound, m => m.To == leaver.Phone);
    }

    [Fact]
    public async Task Feedback_after_closing_waits_for_the_incident_to_close_then_goes()
    {
        var alert = await AlertAsync(host.App);
        var feedbackId = await ScheduledAsync(host.App, alert.AlertId, new { text = "Interventie afgelopen. Bedankt!", afterCloseMinutes = 0 });
        // Nothing can fire before the incident closes: the command left no trigger for it.
        var scheduler = await host.App.Service<ISchedulerFactory>().GetScheduler();
        Assert.Null(await scheduler.GetTrigger(FeedbackTriggers.FeedbackTrigger(feedbackId)));
        Assert.Equal(FeedbackStatus.Scheduled, (await ViewAsync(host.App, feedbackId))!.Status);

        var closed = await (await host.App.ClientForAsync("officer")).PostAsJsonAsync($"/api/incidents/{alert.IncidentId}/close", new { outcome = "suspect-caught" });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var sent = await UntilStatusAsync(host.App, feedbackId, FeedbackStatus.Sent);
        Assert.Equal(alert.Recipients, sent.Recipients);
    }

    [Fact]
    public async Task The_reminder_reaches_only_members_who_neither_acknowledged_nor_failed_and_only_once()
    {
        var admin = await host.App.ClientForAsync("admin");
        var unreachable = $"0476 {Random.Shared.Next(0, 10000):0000}99";
        var registered = await admin.PostAsJsonAsync($"/api/networks/{Parelstrand}/members",
            new { name = "Onbereikbaar Lid", phone = unreachable, language = "nl", consentMethod = "paper form at info evening" });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var unreachableId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var alert = await AlertAsync(host.App, reminderAfterMinutes: 30);
        var view = await AlertViewAsync(host.App, alert.AlertId);
        Assert.Equal(view!.IssuedAt.AddMinutes(30), view.ReminderAt);
        var scheduler = await host.App.Service<ISchedulerFactory>().GetScheduler();
        await UntilAsync(async () => (await scheduler.GetTrigger(FeedbackTriggers.ReminderTrigger(alert.AlertId)))?.StartTimeUtc == view.ReminderAt!.Value.ToUniversalTime(),
            "the reminder's trigger");
        var tips = (await RowsAsync(host.App, alert.AlertId)).Where(r => r.Kind == "tip").ToList();
        await UntilAsync(async () => (await RowsAsync(host.App, alert.AlertId)).Single(r => r.MemberId == unreachableId).Status == "failed", "the unreachable member's tip failed");
        var acknowledging = tips.Where(t => t.MemberId != unreachableId).Take(3).ToList();
        var webhook = host.App.CreateClient();
        foreach (var member in acknowledging)
            Assert.True((await webhook.SendAsync(Bin.Testing.TwilioSigner.Inbound(member.Phone!, "OK"))).IsSuccessStatusCode);
        // The webhook only stores the answers; the inbound processor records them a moment later.
        var inbox = host.App.Service<Bin.Dashboard.Features.Alerts.InboundStore>();
        await UntilAsync(async () => await inbox.PendingCountAsync(default) == 0, "the acknowledgements recorded");

        // Fire it now instead of in 30 minutes: what is tested here is who gets it.
        await RunJobAsync(scheduler, FeedbackTriggers.ReminderJob(alert.AlertId));

        Assert.NotNull((await AlertViewAsync(host.App, alert.AlertId))!.ReminderSentAt);
        var reminded = (await RowsAsync(host.App, alert.AlertId)).Where(r => r.Kind == "reminder").ToList();
        var expected = tips.Where(t => t.MemberId != unreachableId && acknowledging.All(a => a.MemberId != t.MemberId)).ToList();
        Assert.Equal(expected.Select(t => t.MemberId).Order(), reminded.Select(r => r.MemberId).Order());
        Assert.All(reminded, r => Assert.Equal(tips.Single(t => t.MemberId == r.MemberId).Body, r.Body));
        Assert.Equal(expected.Count, (await AlertViewAsync(host.App, alert.AlertId))!.ReminderRecipients);

        await RunJobAsync(scheduler, FeedbackTriggers.ReminderJob(alert.AlertId));
        Assert.Single((await StreamAsync(host.App, alert.AlertId)).OfType<ReminderSent>());
        Assert.Equal(reminded.Count, (await RowsAsync(host.App, alert.AlertId)).Count(r => r.Kind == "reminder"));
    }

    [Fact]
    public async Task The_watchdog_flags_an_alert_without_feedback_and_unflags_it_when_feedback_is_scheduled_or_sent()
    {
        var alert = await AlertAsync(host.App);
        var chief = await host.App.ClientForAsync("chief");
        async Task<bool> OverdueAsync() =>
            (await chief.GetFromJsonAsync<JsonElement>("/api/feedback/overdue")).EnumerateArray().Any(a => a.GetProperty("alertId").GetGuid() == alert.AlertId);

        await UntilAsync(OverdueAsync, "the alert overdue (3 s in these tests)");

        var feedbackId = await ScheduledAsync(host.App, alert.AlertId, new { text = "Bedankt!", sendAt = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.False(await OverdueAsync());

        await (await host.App.ClientForAsync("officer")).DeleteAsync($"/api/alerts/{alert.AlertId}/feedback/{feedbackId}");
        Assert.True(await OverdueAsync());

        var now = await ScheduledAsync(host.App, alert.AlertId, new { text = "Bedankt!", sendAt = DateTimeOffset.UtcNow });
        await UntilStatusAsync(host.App, now, FeedbackStatus.Sent);
        Assert.False(await OverdueAsync());
    }
}
