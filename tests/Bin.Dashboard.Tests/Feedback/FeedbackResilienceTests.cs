using System.Net.Http.Json;
using Bin.Dashboard.Features.Feedback;
using Bin.Domain.Feedback;
using Bin.Testing;
using Marten;
using Npgsql;
using Quartz;
using static Bin.Dashboard.Tests.Feedback.FeedbackScenario;

namespace Bin.Dashboard.Tests.Feedback;

/// <summary>Restarts, two nodes, and jobs that run twice: the feedback goes once.</summary>
public class FeedbackResilienceTests
{
    private static async Task<FeedbackStatus?> StatusInDatabaseAsync(string connectionString, Guid feedbackId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data->>'Status' FROM bin.mt_doc_feedbackview WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", feedbackId);
        return await command.ExecuteScalarAsync() is string s ? Enum.Parse<FeedbackStatus>(s) : null;
    }

    private static async Task AssertSentOnceAsync(BinAppFactory app, Alert alert, params Guid[] feedbackIds)
    {
        foreach (var id in feedbackIds)
            Assert.Single((await StreamAsync(app, id)).OfType<FeedbackSent>());
        var rows = (await RowsAsync(app, alert.AlertId)).Where(r => r.Kind == "feedback").ToList();
        Assert.Equal(alert.Recipients * feedbackIds.Length, rows.Count);
        Assert.All(rows.GroupBy(r => r.MemberId), g => Assert.Equal(feedbackIds.Length, g.Count()));
    }

    [Fact]
    public async Task Feedback_due_while_the_app_was_down_is_sent_once_right_after_it_starts_again()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        Alert alert;
        Guid feedbackId;
        DateTimeOffset due;
        await using (var before = await StartAsync(database))
        {
            alert = await AlertAsync(before);
            due = DateTimeOffset.UtcNow.AddSeconds(20);
            feedbackId = await ScheduledAsync(before, alert.AlertId, new { text = "Verdachte gevat. Bedankt!", sendAt = due });
        }
        Assert.Equal(FeedbackStatus.Scheduled, await StatusInDatabaseAsync(database, feedbackId)); // stopped before it was due
        var wait = due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);

        await using var after = await StartAsync(database);

        var sent = await UntilStatusAsync(after, feedbackId, FeedbackStatus.Sent);
        Assert.True(sent.SentAt >= due);
        await AssertSentOnceAsync(after, alert, feedbackId);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_send_each_scheduled_feedback_exactly_once()
    {
        await using var nodeA = await StartAsync();
        await using var nodeB = await StartAsync(nodeA.ConnectionString);
        var alert = await AlertAsync(nodeA);
        var nodes = await (await nodeA.Service<ISchedulerFactory>().GetScheduler()).QueryClusterNodes();
        Assert.Equal(2, nodes.Count);

        var fromA = await ScheduledAsync(nodeA, alert.AlertId, new { text = "Bedankt voor uw hulp!", sendAt = DateTimeOffset.UtcNow.AddSeconds(2) });
        var fromB = await ScheduledAsync(nodeB, alert.AlertId, new { templateId = "feedback-all-clear", sendAt = DateTimeOffset.UtcNow.AddSeconds(2) });

        await UntilStatusAsync(nodeA, fromA, FeedbackStatus.Sent);
        await UntilStatusAsync(nodeA, fromB, FeedbackStatus.Sent);
        // A second firing needs a trigger: once both are gone (fired once and removed), none can come.
        var scheduler = await nodeA.Service<ISchedulerFactory>().GetScheduler();
        await Eventually.HoldsAsync(async () => await scheduler.GetTrigger(FeedbackTriggers.FeedbackTrigger(fromA)) is null
                                                && await scheduler.GetTrigger(FeedbackTriggers.FeedbackTrigger(fromB)) is null,
            TimeSpan.FromSeconds(10), "the feedback triggers should be gone once the feedback is sent");
        await AssertSentOnceAsync(nodeA, alert, fromA, fromB);
    }

    [Fact]
    public async Task A_job_run_again_or_twice_at_once_on_two_nodes_writes_the_feedback_once()
    {
        await using var nodeA = await StartAsync();
        await using var nodeB = await StartAsync(nodeA.ConnectionString);
        var alert = await AlertAsync(nodeA);
        var feedbackId = await ScheduledAsync(nodeA, alert.AlertId, new { text = "Bedankt!", sendAt = DateTimeOffset.UtcNow.AddMilliseconds(500) });
        await Task.Delay(400);

        // The scheduled firing, a "re-fired" run on each node, all at the same time: one transaction wins, and the
        // others, deciding once more on its result, find the feedback sent and do nothing (no error either).
        var runs = new[] { nodeA, nodeB, nodeA, nodeB }.Select(node => node.Service<FeedbackDispatch>().SendFeedbackAsync(feedbackId, default));
        var results = await Task.WhenAll(runs);

        await UntilStatusAsync(nodeA, feedbackId, FeedbackStatus.Sent);
        Assert.True(results.Count(r => r is not null) <= 1);
        Assert.Null(await nodeB.Service<FeedbackDispatch>().SendFeedbackAsync(feedbackId, default)); // run again later: nothing to do
        await AssertSentOnceAsync(nodeA, alert, feedbackId);
    }
}
