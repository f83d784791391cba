using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Features.Networks;
using Bin.Domain.Feedback;
using Bin.Testing;
using Marten;
using Npgsql;
using Quartz;

namespace Bin.Dashboard.Tests.Feedback;

/// <summary>
/// Preconditions through the real API (an incident in Parelstrand, an alert to its demo members in their own
/// languages) and what the tests look at afterwards: the feedback's stream and view, and the outbox rows.
/// </summary>
internal static class FeedbackScenario
{
    public static Guid Parelstrand => SeedNetworks.Parelstrand;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One host for a test class: many alerts per officer, deliveries reported quickly, and a watchdog that
    /// calls an alert overdue after three seconds instead of the next working day.</summary>
    public static Dictionary<string, string?> Settings => new()
    {
        ["Alerts:MaxAlertsPerOfficerPerHour"] = "1000",
        ["Sms:Simulator:DeliveryDelay"] = "00:00:00.200",
        ["Feedback:OverdueAfter"] = "00:00:03",
        ["Scheduling:IdleWaitTime"] = "00:00:02",
    };

    public sealed record Alert(Guid AlertId, Guid IncidentId, int Recipients);

    public sealed record Row(Guid MessageId, Guid MemberId, string Kind, string Language, string? Phone, string Body, string Status);

    public static async Task<BinAppFactory> StartAsync(string? database = null)
    {
        var app = new BinAppFactory(database ?? await TestPostgres.CreateDatabaseAsync(), Settings);
        app.StartServer();
        return app;
    }

    /// <summary>A burglary in Parelstrand.</summary>
    public static Task<Guid> IncidentAsync(BinAppFactory app) => new Alerts.AlertScenario(app).IncidentAsync(51.2470, 5.3450);

    /// <summary>An alert to Parelstrand's members, once every tip has reached the (simulated) gateway.</summary>
    public static async Task<Alert> AlertAsync(BinAppFactory app, int? reminderAfterMinutes = null)
    {
        var incident = await IncidentAsync(app);
        var client = await app.ClientForAsync("officer");
        var response = await client.PostAsJsonAsync($"/api/incidents/{incident}/alerts",
            new { networkIds = new[] { Parelstrand }, tipTemplateId = "burglary-lights", reminderAfterMinutes });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var alert = new Alert(issued.GetProperty("alertId").GetGuid(), incident, issued.GetProperty("recipients").GetInt32());
        await UntilAsync(async () => (await RowsAsync(app, alert.AlertId)).Count(r => r.Kind == "tip" && r.Status is not ("queued" or "sending")) == alert.Recipients,
            "every tip handed to the gateway");
        return alert;
    }

    public static async Task<HttpResponseMessage> ScheduleAsync(BinAppFactory app, Guid alertId, object body) =>
        await (await app.ClientForAsync("officer")).PostAsJsonAsync($"/api/alerts/{alertId}/feedback", body);

    public static async Task<Guid> ScheduledAsync(BinAppFactory app, Guid alertId, object body)
    {
        var response = await ScheduleAsync(app, alertId, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feedbackId").GetGuid();
    }

    public static async Task<IReadOnlyList<object>> StreamAsync(BinAppFactory app, Guid streamId)
    {
        await using var session = app.Service<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(streamId)).Select(e => e.Data).ToList();
    }

    public static async Task<FeedbackView?> ViewAsync(BinAppFactory app, Guid feedbackId)
    {
        await using var session = app.Service<IDocumentStore>().QuerySession();
        return await session.LoadAsync<FeedbackView>(feedbackId);
    }

    public static async Task<AlertView?> AlertViewAsync(BinAppFactory app, Guid alertId)
    {
        await using var session = app.Service<IDocumentStore>().QuerySession();
        return await session.LoadAsync<AlertView>(alertId);
    }

    /// <summary>The alert's outbox rows, straight from the table.</summary>
    public static async Task<IReadOnlyList<Row>> RowsAsync(BinAppFactory app, Guid alertId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT message_id, member_id, kind, language, phone, body, status FROM bin.bin_outbox WHERE alert_id = @alert ORDER BY created_at", connection);
        command.Parameters.AddWithValue("alert", alertId);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new Row(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.GetString(6)));
        return rows;
    }

    public static async Task<FeedbackView> UntilStatusAsync(BinAppFactory app, Guid feedbackId, FeedbackStatus status, int seconds = 20)
    {
        FeedbackView? view = null;
        await UntilAsync(async () => (view = await ViewAsync(app, feedbackId))?.Status == status, $"feedback {status}", seconds);
        return view!;
    }

    /// <summary>Fires <paramref name="job"/> now and returns when it has run (its listener heard it finish), not after a
    /// guessed time.</summary>
    public static async Task RunJobAsync(IScheduler scheduler, JobKey job)
    {
        var run = new JobRun(job);
        scheduler.ListenerManager.AddJobListener(run, [Matchers.Key(job)]);
        try
        {
            await scheduler.TriggerJob(job);
            await run.Finished.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(run.Name);
        }
    }

    private sealed class JobRun(JobKey job) : IJobListener
    {
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name { get; } = $"test-run-{job}-{Guid.NewGuid():N}";

        public Task Finished => _finished.Task;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is null) _finished.TrySetResult();
            else _finished.TrySetException(jobException);
            return ValueTask.CompletedTask;
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 20) =>
        Eventually.HoldsAsync(condition, TimeSpan.FromSeconds(seconds), $"Timed out waiting for: {what}");
}

/// <summary>One host (fresh database, demo seed, <see cref="FeedbackScenario.Settings"/>) shared by a test class.</summary>
public sealed class FeedbackHostFixture : IAsyncLifetime
{
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await FeedbackScenario.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
