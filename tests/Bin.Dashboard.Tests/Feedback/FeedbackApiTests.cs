using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bin.Dashboard.Features.Feedback;
using Bin.Domain.Feedback;
using Marten;
using Npgsql;
using Quartz;
using static Bin.Dashboard.Tests.Feedback.FeedbackScenario;

namespace Bin.Dashboard.Tests.Feedback;

public class FeedbackApiTests(FeedbackHostFixture host) : IClassFixture<FeedbackHostFixture>
{
    private async Task<ITrigger?> TriggerAsync(Guid feedbackId) =>
        await (await host.App.Service<ISchedulerFactory>().GetScheduler()).GetTrigger(FeedbackTriggers.FeedbackTrigger(feedbackId));

    private async Task<int> FeedbackCountAsync(Guid alertId)
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return await session.Query<FeedbackView>().CountAsync(f => f.AlertId == alertId);
    }

    [Fact]
    public async Task Scheduling_changing_and_cancelling_record_their_events_and_move_the_trigger()
    {
        var alert = await AlertAsync(host.App);
        var officer = await host.App.ClientForAsync("officer");
        var at = DateTimeOffset.UtcNow.AddHours(1);

        var created = await officer.PostAsJsonAsync($"/api/alerts/{alert.AlertId}/feedback", new { text = "Verdachte gevat. Bedankt!", sendAt = at });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feedbackId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feedbackId").GetGuid();
        Assert.Equal($"/api/alerts/{alert.AlertId}/feedback/{feedbackId}", created.Headers.Location!.OriginalString);
        var scheduled = Assert.IsType<FeedbackScheduled>(Assert.Single(await StreamAsync(host.App, feedbackId)));
        Assert.Equal(at, scheduled.SendAt);
        Assert.Equal(alert.IncidentId, scheduled.IncidentId);
        Assert.Equal(at.ToUniversalTime(), (await TriggerAsync(feedbackId))!.StartTimeUtc);
        Assert.Equal("officer", (await ViewAsync(host.App, feedbackId))!.ScheduledBy);

        var later = at.AddHours(2);
        var moved = await officer.PutAsJsonAsync($"/api/alerts/{alert.AlertId}/feedback/{feedbackId}", new { sendAt = later });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var rescheduled = Assert.IsType<FeedbackRescheduled>((await StreamAsync(host.App, feedbackId))[1]);
        Assert.Equal(later, rescheduled.SendAt);
        Assert.Equal("Verdachte gevat. Bedankt!", rescheduled.Texts["fr"]);
        Assert.Equal(later.ToUniversalTime(), (await TriggerAsync(feedbackId))!.StartTimeUtc);

        var afterClose = await officer.PutAsJsonAsync($"/api/alerts/{alert.AlertId}/feedback/{feedbackId}", new { afterCloseMinutes = 30 });

        Assert.Equal(HttpStatusCode.OK, afterClose.StatusCode);
        Assert.Null(await TriggerAsync(feedbackId)); // the incident is still open: nothing to count from yet

        var cancelled = await officer.DeleteAsync($"/api/alerts/{alert.AlertId}/feedback/{feedbackId}");

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.IsType<FeedbackCancelled>((await StreamAsync(host.App, feedbackId))[^1]);
        Assert.Equal(FeedbackStatus.Cancelled, (await ViewAsync(host.App, feedbackId))!.Status);
        Assert.Null(await TriggerAsync(feedbackId));

        var again = await officer.DeleteAsync($"/api/alerts/{alert.AlertId}/feedback/{feedbackId}");
        var change = await officer.PutAsJsonAsync($"/api/alerts/{alert.AlertId}/feedback/{feedbackId}", new { sendAt = later });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("al geannuleerd", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal(4, (await StreamAsync(host.App, feedbackId)).Count);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_orders_scheduled_feedback_by_due_time()
    {
        var alert = await AlertAsync(host.App);
        var later = await ScheduledAsync(host.App, alert.AlertId, new { text = "Later", sendAt = DateTimeOffset.UtcNow.AddHours(5) });
        var sooner = await ScheduledAsync(host.App, alert.AlertId, new { templateId = "feedback-all-clear", sendAt = DateTimeOffset.UtcNow.AddHours(4) });
        var cancelled = await ScheduledAsync(host.App, alert.AlertId, new { text = "Weg", sendAt = DateTimeOffset.UtcNow.AddHours(3) });
        var officer = await host.App.ClientForAsync("officer");
        await officer.DeleteAsync($"/api/alerts/{alert.AlertId}/feedback/{cancelled}");
        var chief = await host.App.ClientForAsync("chief");

        var pending = await chief.GetFromJsonAsync<JsonElement>($"/api/feedback?status=scheduled&alertId={alert.AlertId}");
        var gone = await chief.GetFromJsonAsync<JsonElement>($"/api/feedback?status=cancelled&alertId={alert.AlertId}");
        var bad = await chief.GetAsync("/api/feedback?status=someday");

        Assert.Equal([sooner, later], pending.EnumerateArray().Select(l => l.GetProperty("feedback").GetProperty("id").GetGuid()));
        Assert.Equal(Parelstrand, pending[0].GetProperty("networkIds")[0].GetGuid());
        Assert.Equal(cancelled, Assert.Single(gone.EnumerateArray()).GetProperty("feedback").GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{ "text": "Bedankt", "sendAt": "2020-01-01T10:00:00+01:00" }""", "sendAt" },
        { """{ "text": "Bedankt", "sendAt": "tomorrow" }""", "sendAt" },
        { """{ "text": "Bedankt", "sendAt": "2030-01-01T10:00:00" }""", "sendAt" },
        { """{ "text": "Bedankt" }""", "sendAt" },
        { """{ "text": "Bedankt", "sendAt": "2030-01-01T10:00:00Z", "afterCloseMinutes": 10 }""", "sendAt" },
        { """{ "text": "Bedankt", "afterCloseMinutes": -5 }""", "afterCloseMinutes" },
        { """{ "text": "Bedankt", "afterCloseMinutes": "ten" }""", "afterCloseMinutes" },
        { """{ "text": "   ", "afterCloseMinutes": 10 }""", "text" },
        { $$"""{ "text": "{{new string('x', 700)}}", "afterCloseMinutes": 10 }""", "text" },
        { """{ "text": "Bedankt", "templateId": "feedback-all-clear", "afterCloseMinutes": 10 }""", "text" },
        { """{ "templateId": "feedback-unknown", "afterCloseMinutes": 10 }""", "templateId" },
        { """{ "text": "Bedankt", "afterCloseMinutes": 10 """, "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_gets_a_400_problem_naming_the_field_and_schedules_nothing(string json, string field)
    {
        var alert = await AlertAsync(host.App);
        var officer = await host.App.ClientForAsync("officer");

        var response = await officer.PostAsync($"/api/alerts/{alert.AlertId}/feedback", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem.RootElement}");
        Assert.Equal(0, await FeedbackCountAsync(alert.AlertId));
    }

    [Fact]
    public async Task Feedback_for_an_unknown_alert_is_a_404_and_chiefs_may_not_schedule()
    {
        var alert = await AlertAsync(host.App);

        var unknown = await (await host.App.ClientForAsync("officer")).PostAsJsonAsync($"/api/alerts/{Guid.NewGuid()}/feedback", new { text = "x", afterCloseMinutes = 5 });
        var chief = await (await host.App.ClientForAsync("chief")).PostAsJsonAsync($"/api/alerts/{alert.AlertId}/feedback", new { text = "x", afterCloseMinutes = 5 });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chief.StatusCode);
    }

    [Fact]
    public async Task A_reminder_out_of_range_refuses_the_alert_naming_reminderAfterMinutes()
    {
        var incident = await IncidentAsync(host.App);

        var response = await (await host.App.ClientForAsync("officer")).PostAsJsonAsync($"/api/incidents/{incident}/alerts",
            new { networkIds = new[] { Parelstrand }, tipTemplateId = "burglary-lights", reminderAfterMinutes = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reminderAfterMinutes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sweep_puts_back_a_trigger_lost_between_the_event_and_Quartz()
    {
        var alert = await AlertAsync(host.App);
        var at = DateTimeOffset.UtcNow.AddHours(2);
        var feedbackId = await ScheduledAsync(host.App, alert.AlertId, new { text = "Bedankt!", sendAt = at });
        var scheduler = await host.App.Service<ISchedulerFactory>().GetScheduler();
        await scheduler.DeleteJob(FeedbackTriggers.FeedbackJob(feedbackId)); // as if the node died right after the commit

        await scheduler.TriggerJob(FeedbackSweepJob.Key);

        await UntilAsync(async () => (await TriggerAsync(feedbackId))?.StartTimeUtc == at.ToUniversalTime(), "the trigger back at its time");
    }

    [Fact]
    public async Task Quartz_keeps_its_tables_in_a_schema_of_their_own()
    {
        await using var connection = new NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name LIKE 'qrtz%'", connection);
        var schemas = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) schemas.Add(reader.GetString(0));

        Assert.Equal(["bin_quartz"], schemas);
    }
}
