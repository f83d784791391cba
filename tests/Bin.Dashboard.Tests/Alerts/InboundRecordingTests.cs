using System.Net;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Members;
using Bin.Domain.Alerts;
using Bin.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>
/// Two dashboard nodes on one database, both recording received SMS. Their member directory fails for one number, so
/// a message that can never be recorded is at hand.
/// </summary>
public sealed class InboundNodes : IAsyncLifetime
{
    public const string PoisonNumber = "+32470999111";
    public const int MaxAttempts = 3;

    public BinAppFactory A { get; private set; } = null!;
    public BinAppFactory B { get; private set; } = null!;

    /// <summary>Holds the processors of both nodes where they read a sender's state, so a test can line them up.</summary>
    public SenderGate Gate { get; } = new();

    /// <summary>The real directory, except that looking up <see cref="PoisonNumber"/> always throws and that lookups
    /// of the gated number wait at the <see cref="SenderGate"/>.</summary>
    private sealed class PoisonedDirectory(MemberDirectory inner, SenderGate gate) : IMemberDirectory
    {
        public Task<IReadOnlyList<Recipient>> ActiveRecipientsAsync(IReadOnlyList<Guid> networkIds, CancellationToken ct) => inner.ActiveRecipientsAsync(networkIds, ct);
        public Task<MemberMatch?> FindByPhoneAsync(string e164, CancellationToken ct) => inner.FindByPhoneAsync(e164, ct);
        public Task<IReadOnlyDictionary<Guid, int>> ActiveCountsAsync(CancellationToken ct) => inner.ActiveCountsAsync(ct);
        public Task<bool> OptOutAsync(Guid memberId, string via, CancellationToken ct) => inner.OptOutAsync(memberId, via, ct);

        public async Task<IReadOnlyDictionary<string, MemberMatch>> FindByPhonesAsync(IReadOnlyCollection<string> e164s, CancellationToken ct)
        {
            if (e164s.Contains(PoisonNumber)) throw new InvalidOperationException("The directory cannot read this number.");
            await gate.PassAsync(e164s, ct);
            return await inner.FindByPhonesAsync(e164s, ct);
        }
    }

    private void Poison(IServiceCollection services)
    {
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<IMemberDirectory>(sp => new PoisonedDirectory(sp.GetRequiredService<MemberDirectory>(), Gate));
    }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Alerts:InboundMaxAttempts"] = MaxAttempts.ToString() };
        A = new BinAppFactory(await TestPostgres.CreateDatabaseAsync(), settings, Poison);
        A.StartServer();
        B = new BinAppFactory(A.ConnectionString, settings, Poison);
        B.StartServer();
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

/// <summary>
/// Stops every lookup of one number until released, and tells how many lookups arrived: with it a test holds one
/// node's processor between reading a sender and writing what the message means, while the other node takes the
/// sender's next message.
/// </summary>
public sealed class SenderGate
{
    private readonly Lock _lock = new();
    private string? _number;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int Arrived { get { lock (_lock) return _arrived; } }

    public void Close(string number)
    {
        lock (_lock)
        {
            (_number, _arrived) = (number, 0);
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Open()
    {
        lock (_lock)
        {
            _number = null;
            _released.TrySetResult();
        }
    }

    public Task PassAsync(IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_number is null || !numbers.Contains(_number)) return Task.CompletedTask;
            _arrived++;
            return _released.Task.WaitAsync(ct);
        }
    }
}

/// <summary>The inbound path after the webhook: the inbox, the batch processor on every node, and what it records.</summary>
public class InboundRecordingTests(InboundNodes nodes) : IClassFixture<InboundNodes>
{
    private AlertScenario Scenario => new(nodes.A);

    private async Task<(Issued Issued, List<string> Numbers)> AlertedMembersAsync(int count, string prefix)
    {
        var numbers = await Scenario.ImportMembersAsync(AlertScenario.Parelstrand, count, prefix);
        var issued = await Scenario.AlertAsync(await Scenario.IncidentAsync(51.2470, 5.3450), AlertScenario.Parelstrand);
        await Scenario.WaitUntilHandedOverAsync(issued.AlertId);
        return (issued, numbers);
    }

    private async Task<List<TipAcknowledged>> AcknowledgementsAsync(Guid alertId)
    {
        await using var session = nodes.A.Service<IDocumentStore>().QuerySession();
        return (await session.Events.QueryRawEventDataOnly<TipAcknowledged>().Where(a => a.AlertId == alertId).ToListAsync()).ToList();
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(nodes.A.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Acknowledgements_posted_to_two_nodes_with_repeats_across_them_are_each_recorded_once()
    {
        var (issued, numbers) = await AlertedMembersAsync(240, "481");
        var a = nodes.A.CreateClient();
        var b = nodes.B.CreateClient();

        // Every member answers once through one node; every 8th message is posted again, to the other node, at once.
        var requests = numbers.SelectMany((number, i) =>
        {
            var sid = "SM" + Guid.NewGuid().ToString("N");
            var (first, other) = i % 2 == 0 ? (a, b) : (b, a);
            var posts = new List<Task<HttpResponseMessage>> { first.SendAsync(TwilioSigner.Inbound(number, "OK", sid)) };
            if (i % 8 == 0) posts.Add(other.SendAsync(TwilioSigner.Inbound(number, "OK", sid)));
            return posts;
        }).ToList();
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await new AlertScenario(nodes.B).RecordedAsync();
        var acknowledged = await AcknowledgementsAsync(issued.AlertId);
        Assert.Equal(240, acknowledged.Count);
        Assert.Equal(240, acknowledged.Select(x => x.MemberId).Distinct().Count());
        Assert.Equal(240, (await Scenario.ProgressAsync(issued.AlertId)).Sum(p => p.Acknowledged));
    }

    [Fact]
    public async Task A_message_that_cannot_be_recorded_is_given_up_after_its_attempts_and_holds_up_no_other()
    {
        var (issued, numbers) = await AlertedMembersAsync(5, "482");
        var inbox = nodes.A.Service<InboundStore>();
        var now = DateTimeOffset.UtcNow;
        // Stored directly, as webhooks would: the poison first, so that it heads the batch the others are in.
        await inbox.ReceiveAsync("SMpoison" + Guid.NewGuid().ToString("N"), InboundNodes.PoisonNumber, "Hallo?", now, default);
        foreach (var number in numbers)
            await inbox.ReceiveAsync("SM" + Guid.NewGuid().ToString("N"), number, "OK", now.AddMilliseconds(1), default);

        await Scenario.RecordedAsync();

        Assert.Equal(5, (await AcknowledgementsAsync(issued.AlertId)).Count);
        var (intent, attempts, keptNumber, keptText) = await GivenUpAsync();
        Assert.Equal(("given-up", InboundNodes.MaxAttempts, false, false), (intent, attempts, keptNumber, keptText));
    }

    private async Task<(string Intent, int Attempts, bool KeptNumber, bool KeptText)> GivenUpAsync()
    {
        await using var connection = new NpgsqlConnection(nodes.A.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT intent, attempts, from_number IS NOT NULL, body IS NOT NULL, error FROM bin.bin_inbound WHERE message_sid LIKE 'SMpoison%'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Contains("cannot read this number", reader.GetString(4));
        return (reader.GetString(0), reader.GetInt32(1), reader.GetBoolean(2), reader.GetBoolean(3));
    }

    [Fact]
    public async Task A_message_left_in_the_inbox_without_a_wake_up_is_recorded_by_the_next_poll()
    {
        // What a node that died between storing and recording leaves behind: another node finds it on its own.
        var (issued, numbers) = await AlertedMembersAsync(1, "483");

        await nodes.A.Service<InboundStore>().ReceiveAsync("SM" + Guid.NewGuid().ToString("N"), numbers[0], "ja", DateTimeOffset.UtcNow, default);

        await Scenario.RecordedAsync();
        Assert.Single(await AcknowledgementsAsync(issued.AlertId));
    }

    [Fact]
    public async Task STOP_sent_twice_at_once_through_two_nodes_opts_the_member_out_and_confirms_once()
    {
        // Each member's two STOPs arrive together, one at each node, so each node's processor may take one of them and
        // both find the member still active: the race that once sent two confirmations. Several members at once make
        // that interleaving likely in every run.
        var (_, numbers) = await AlertedMembersAsync(8, "484");
        var (a, b) = (nodes.A.CreateClient(), nodes.B.CreateClient());

        var responses = await Task.WhenAll(numbers.SelectMany(number => new[]
        {
            a.SendAsync(TwilioSigner.Inbound(number, "STOP")),
            b.SendAsync(TwilioSigner.Inbound(number, "Stop.")),
        }));
        await Scenario.RecordedAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var number in numbers)
        {
            var member = await nodes.A.Service<IMemberDirectory>().FindByPhoneAsync(number, default);
            Assert.False(member!.Active);
            Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bin.bin_outbox WHERE member_id = $1 AND kind = 'confirmation'", member.MemberId));
        }
    }

    [Fact]
    public async Task A_STOP_taken_by_one_node_while_the_other_records_the_first_is_not_confirmed_again()
    {
        var (_, numbers) = await AlertedMembersAsync(1, "486");
        var (a, b) = (nodes.A.CreateClient(), nodes.B.CreateClient());
        nodes.Gate.Close(numbers[0]);
        try
        {
            // The first STOP's processor stops after claiming it, before it reads whether the member is active.
            Assert.Equal(HttpStatusCode.OK, (await a.SendAsync(TwilioSigner.Inbound(numbers[0], "STOP"))).StatusCode);
            await Eventually.HoldsAsync(() => Task.FromResult(nodes.Gate.Arrived == 1), TimeSpan.FromSeconds(10), "The first STOP was never taken.");
            // That processor is busy, so the other node's takes the second STOP: it must wait for the first to be
            // recorded (blocked on the sender's lock) rather than read the member as still active beside it.
            Assert.Equal(HttpStatusCode.OK, (await b.SendAsync(TwilioSigner.Inbound(numbers[0], "STOP"))).StatusCode);
            await Eventually.HoldsAsync(async () => nodes.Gate.Arrived == 2 || await ScalarAsync<long>(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0,
                TimeSpan.FromSeconds(10), "The second STOP was never taken.");
        }
        finally
        {
            nodes.Gate.Open();
        }
        await Scenario.RecordedAsync();

        var member = await nodes.A.Service<IMemberDirectory>().FindByPhoneAsync(numbers[0], default);
        Assert.False(member!.Active);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM bin.bin_outbox WHERE member_id = $1 AND kind = 'confirmation'", member.MemberId));
        Assert.Equal(["opt-out", "opt-out-repeated"], await IntentsAsync(member.MemberId));
    }

    private async Task<List<string>> IntentsAsync(Guid memberId)
    {
        await using var connection = new NpgsqlConnection(nodes.A.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT intent FROM bin.bin_inbound WHERE member_id = $1 ORDER BY recorded_at", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = memberId });
        var intents = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) intents.Add(reader.GetString(0));
        return intents;
    }

    [Fact]
    public async Task A_recorded_message_keeps_neither_the_number_nor_the_text()
    {
        var (_, numbers) = await AlertedMembersAsync(1, "485");
        var sid = "SM" + Guid.NewGuid().ToString("N");

        await nodes.A.CreateClient().SendAsync(TwilioSigner.Inbound(numbers[0], "Verdachte wagen aan de kerk", sid));
        await Scenario.RecordedAsync();

        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM bin.bin_inbound WHERE message_sid = $1 AND (from_number IS NOT NULL OR body IS NOT NULL)", sid));
        Assert.Equal("reply", (await nodes.A.Service<InboundStore>().FindRecordedAsync(sid, default))!.Intent);
    }

    [Fact]
    public async Task A_big_alert_has_the_outbox_analyzed_before_the_answers_come_in()
    {
        // On statistics from before a big alert PostgreSQL plans the acknowledgements' outbox update as if the table
        // were small; autovacuum analyzes only later. The alert does it itself, in the background.
        var westKei = SeedNetworks.WestKei;
        await Scenario.ImportMembersAsync(westKei, 1000, "487");

        var issued = await Scenario.AlertAsync(await Scenario.IncidentAsync(), westKei);

        Assert.True(issued.Recipients >= 1000);
        await Eventually.HoldsAsync(
            async () => await ScalarAsync<long>("SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = 'bin' AND relname = 'bin_outbox' AND last_analyze IS NOT NULL") > 0,
            TimeSpan.FromSeconds(20), "The outbox was not analyzed after an alert of 1,000 recipients.");
    }

    [Fact]
    public async Task Recorded_messages_past_their_retention_are_deleted_and_newer_ones_kept()
    {
        var inbox = nodes.A.Service<InboundStore>();
        var (old, recent) = ("SMold" + Guid.NewGuid().ToString("N"), "SMnew" + Guid.NewGuid().ToString("N"));
        await inbox.ReceiveAsync(old, "+32470000001", "OK", DateTimeOffset.UtcNow, default);
        await inbox.ReceiveAsync(recent, "+32470000002", "OK", DateTimeOffset.UtcNow, default);
        await Scenario.RecordedAsync();
        await ScalarAsync<int>("WITH aged AS (UPDATE bin.bin_inbound SET recorded_at = now() - interval '40 days' WHERE message_sid = $1 RETURNING 1) SELECT count(*)::int FROM aged", old);

        var pruned = await inbox.PruneAsync(DateTimeOffset.UtcNow.AddDays(-30), default);

        Assert.True(pruned >= 1);
        Assert.Null(await inbox.FindRecordedAsync(old, default));
        Assert.NotNull(await inbox.FindRecordedAsync(recent, default));
    }
}
