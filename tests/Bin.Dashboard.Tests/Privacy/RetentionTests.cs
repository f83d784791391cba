using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Features.Privacy;
using Bin.Dashboard.Features.Sms.Simulator;
using Bin.Dashboard.Tests.Alerts;
using Bin.Domain.Alerts;
using Bin.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Bin.Dashboard.Tests.Privacy;

/// <summary>The retention limits, run against a clock the test moves forward.</summary>
public class RetentionTests
{
    /// <summary>The real clock plus an offset the test sets: timers and delays keep working, "now" jumps ahead.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    [Fact]
    public async Task Unconfirmed_applications_go_after_a_day_simulator_messages_after_a_week_outbox_numbers_after_a_month_and_reply_texts_after_a_year()
    {
        var clock = new ShiftedClock();
        await using var app = new BinAppFactory(await TestPostgres.CreateDatabaseAsync(), null, s => s.AddSingleton<TimeProvider>(clock));
        app.StartServer();
        var scenario = new AlertScenario(app);
        var numbers = await scenario.ImportMembersAsync(AlertScenario.Parelstrand, 2, "473");
        var issued = await scenario.AlertAsync(await scenario.IncidentAsync(51.2470, 5.3450), AlertScenario.Parelstrand);
        await scenario.WaitForAsync(issued.AlertId, p => p.Sum(x => x.Delivered + x.Failed) == issued.Recipients);
        await app.CreateClient().SendAsync(TwilioSigner.Inbound(numbers[0], "Verdachte bestelwagen aan de Dorpsstraat"));
        await scenario.RecordedAsync();
        var application = await app.Service<JoinService>().RequestAsync(
            new JoinForm(JoinPurpose.Join, 51.2307, 5.3135, NetworkSeed.KerkpleinId, "Lotte Vermeulen", "+32473999001", "nl", Consent: true), "client-r", default);
        var confirmed = await app.Service<JoinService>().RequestAsync(
            new JoinForm(JoinPurpose.Join, 51.2307, 5.3135, NetworkSeed.KerkpleinId, "Bart Jacobs", "+32473999002", "nl", Consent: true), "client-c", default);
        await app.Service<JoinService>().ConfirmAsync(confirmed, await JoinCodeAsync(app, confirmed), default);
        var retention = app.Service<PrivacyRetention>();
        var store = app.Service<IDocumentStore>();
        var outboxRows = await OutboxAsync(app, issued.AlertId);

        clock.Offset = TimeSpan.FromHours(25);
        var day = await retention.RunAsync(default);

        Assert.Equal(1, day.JoinApplicationsDeleted);
        Assert.Equal(1, day.ClientKeysDropped);
        await using (var session = store.QuerySession())
        {
            Assert.Null(await session.LoadAsync<JoinApplication>(application));
            var waiting = await session.LoadAsync<JoinApplication>(confirmed);
            Assert.Equal((JoinApplicationStatus.Confirmed, ""), (waiting!.Status, waiting.ClientKey));
            Assert.True(await session.Query<SimulatedSms>().AnyAsync());
        }
        Assert.All(await OutboxAsync(app, issued.AlertId), r => Assert.NotNull(r.Phone));

        clock.Offset = TimeSpan.FromDays(8);
        var week = await retention.RunAsync(default);

        Assert.True(week.SimulatorMessagesDeleted > 0);
        await using (var session = store.QuerySession())
            Assert.False(await session.Query<SimulatedSms>().AnyAsync(m => m.At < clock.GetUtcNow().AddDays(-7)));

        // The join codes go through the same outbox; a message still queued keeps its number, so let the sender
        // settle everything first: then the month's run must blank exactly what holds a number.
        await UntilNothingInFlightAsync(app);
        clock.Offset = TimeSpan.FromDays(31);
        var withNumber = await WithNumberBeforeAsync(app, clock.GetUtcNow().AddDays(-30));
        var month = await retention.RunAsync(default);

        Assert.True(withNumber >= outboxRows.Count, $"{withNumber} messages with a number, the alert alone has {outboxRows.Count}");
        Assert.Equal(withNumber, month.OutboxMessagesBlanked);
        Assert.Equal(0, await WithNumberBeforeAsync(app, clock.GetUtcNow().AddDays(-30)));
        var blanked = await OutboxAsync(app, issued.AlertId);
        Assert.Equal(outboxRows.Count, blanked.Count);
        Assert.All(blanked, r => Assert.True(r.Phone is null && r.Body == ""));
        await using (var session = store.QuerySession())
            Assert.Equal("Verdachte bestelwagen aan de Dorpsstraat", Assert.Single(await session.Events.QueryRawEventDataOnly<ReplyReceived>().ToListAsync()).Text);

        clock.Offset = TimeSpan.FromDays(366);
        var year = await retention.RunAsync(default);

        Assert.Equal(1, year.RepliesMasked);
        await using (var session = store.QuerySession())
        {
            var reply = Assert.Single(await session.Events.QueryRawEventDataOnly<ReplyReceived>().ToListAsync());
            Assert.Equal("", reply.Text);
            // The four runs here, and the job's own (it starts with the host).
            Assert.True(await session.Query<RetentionRun>().CountAsync() >= 4);
        }
        Assert.DoesNotContain("Dorpsstraat", await DatabaseDump.DumpAsync(app.ConnectionString));
        // The job that runs all this by itself is scheduled in the clustered store.
        var scheduler = await app.Service<ISchedulerFactory>().GetScheduler();
        Assert.Single(await scheduler.GetTriggersOfJob(RetentionJob.Key));
    }

    private sealed record OutboxRow(string? Phone, string Body);

    private static async Task<string> JoinCodeAsync(BinAppFactory app, Guid applicationId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body FROM bin.bin_outbox WHERE application_id = @id AND kind = 'joincode'", connection);
        command.Parameters.AddWithValue("id", applicationId);
        return System.Text.RegularExpressions.Regex.Match((string)(await command.ExecuteScalarAsync())!, @"\b\d{6}\b").Value;
    }

    private static async Task<long> WithNumberBeforeAsync(BinAppFactory app, DateTimeOffset cutoff) =>
        await CountAsync(app, "SELECT count(*) FROM bin.bin_outbox WHERE created_at < @cutoff AND phone IS NOT NULL", cutoff);

    /// <summary>Until the sender has settled every message (bounded: a message that never settles fails the test).</summary>
    private static Task UntilNothingInFlightAsync(BinAppFactory app) =>
        Eventually.HoldsAsync(async () => await CountAsync(app, "SELECT count(*) FROM bin.bin_outbox WHERE status IN ('queued', 'sending')") == 0,
            TimeSpan.FromSeconds(30), "The outbox never settled");

    private static async Task<long> CountAsync(BinAppFactory app, string sql, DateTimeOffset? cutoff = null)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (cutoff is { } at) command.Parameters.AddWithValue("cutoff", at);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<OutboxRow>> OutboxAsync(BinAppFactory app, Guid alertId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT phone, body FROM bin.bin_outbox WHERE alert_id = @alert", connection);
        command.Parameters.AddWithValue("alert", alertId);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(new OutboxRow(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
