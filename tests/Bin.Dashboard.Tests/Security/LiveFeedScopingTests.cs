using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Alerts;
using Bin.Domain.Feedback;
using Bin.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Security;

/// <summary>The live feed as a coordinator receives it: their networks' events, with their figures only.</summary>
public class LiveFeedScopingTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;
    private static Guid Leuken => SeedNetworks.Leuken;
    private static Guid Parelstrand => SeedNetworks.Parelstrand;

    private sealed record Received(long Sequence, string Type, Guid StreamId, Guid[] NetworkIds, JsonElement Data);

    private static readonly NetworkScope KerkpleinOnly = new(false, new HashSet<Guid> { Kerkplein });

    private static LiveEvent Event(object data, params Guid[] networks) => new(1, data.GetType().Name, Guid.NewGuid(), DateTimeOffset.UtcNow, networks, data);

    [Fact]
    public void An_alert_shared_with_other_networks_reaches_a_coordinator_with_their_network_and_recipients_only()
    {
        var alert = new AlertIssued(Guid.NewGuid(), Guid.NewGuid(), [Kerkplein, Leuken], "burglary-lights", new Dictionary<string, string> { ["nl"] = "Tip" },
            new Dictionary<Guid, int> { [Kerkplein] = 40, [Leuken] = 25 }, 65, 1, DateTimeOffset.UtcNow);

        var seen = LiveEventScoping.For(Event(alert, Kerkplein, Leuken), KerkpleinOnly)!;

        var data = Assert.IsType<AlertIssued>(seen.Data);
        Assert.Equal([Kerkplein], seen.NetworkIds);
        Assert.Equal([Kerkplein], data.NetworkIds);
        Assert.Equal(new Dictionary<Guid, int> { [Kerkplein] = 40 }, data.RecipientsPerNetwork);
        Assert.Equal(40, data.Recipients);
    }

    [Fact]
    public void A_total_that_cannot_be_split_per_network_is_left_out_for_a_coordinator_of_some_of_them()
    {
        var sent = new FeedbackSent(Guid.NewGuid(), Guid.NewGuid(), 65, DateTimeOffset.UtcNow);

        var seen = LiveEventScoping.For(Event(sent, Kerkplein, Leuken), KerkpleinOnly)!;

        Assert.DoesNotContain("Recipients", JsonSerializer.Serialize(seen.Data));
        Assert.Same(sent, LiveEventScoping.For(Event(sent, Kerkplein), KerkpleinOnly)!.Data);
    }

    [Fact]
    public void The_whole_zone_gets_events_as_they_are_and_a_coordinator_nothing_of_other_networks()
    {
        var e = Event(new FeedbackSent(Guid.NewGuid(), Guid.NewGuid(), 3, DateTimeOffset.UtcNow), Leuken);

        Assert.Same(e, LiveEventScoping.For(e, new NetworkScope(true, new HashSet<Guid>())));
        Assert.Null(LiveEventScoping.For(e, KerkpleinOnly));
        Assert.Null(LiveEventScoping.For(Event(new object()), KerkpleinOnly));
    }

    [Fact]
    public async Task A_coordinator_receives_and_catches_up_on_a_shared_alert_without_the_other_networks_figures()
    {
        await using var coordinator = await host.App.HubForAsync("coordinator");
        var live = Channel.CreateUnbounded<Received>();
        coordinator.On<Received>(LiveHub.EventMethod, e => live.Writer.TryWrite(e));
        var officer = await host.App.ClientForAsync("officer");
        var reported = await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Gedeeld" });
        var incident = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var alerted = await officer.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = new[] { Kerkplein, Parelstrand }, tipTemplateId = "burglary-lights" });
        Assert.Equal(HttpStatusCode.Accepted, alerted.StatusCode);
        var alertId = (await alerted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetGuid();

        Received received;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
            do received = await live.Reader.ReadAsync(timeout.Token);
            while (received.StreamId != alertId);
        var caughtUp = Assert.Single(await coordinator.InvokeAsync<List<Received>>("CatchUp", 0L), e => e.StreamId == alertId);

        foreach (var e in new[] { received, caughtUp })
        {
            Assert.Equal([Kerkplein], e.NetworkIds);
            Assert.Equal([Kerkplein], e.Data.GetProperty("networkIds").EnumerateArray().Select(n => n.GetGuid()));
            var perNetwork = e.Data.GetProperty("recipientsPerNetwork").EnumerateObject().ToList();
            Assert.Equal(Kerkplein.ToString(), Assert.Single(perNetwork).Name);
            Assert.Equal(perNetwork[0].Value.GetInt32(), e.Data.GetProperty("recipients").GetInt32());
        }
        await using var chief = await host.App.HubForAsync("chief");
        var whole = Assert.Single(await chief.InvokeAsync<List<Received>>("CatchUp", 0L), e => e.StreamId == alertId);
        Assert.Equal(2, whole.NetworkIds.Length);
    }

    [Fact]
    public async Task Catching_up_reaches_back_over_the_window_only_not_through_the_whole_history()
    {
        var officer = await host.App.ClientForAsync("officer");
        (await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "theft", description = "Oud" })).EnsureSuccessStatusCode();
        await using var later = host.App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new ShiftedClock(LiveHub.CatchUpWindow + TimeSpan.FromMinutes(5)))));
        later.StartServer();
        // A token of the later node: its clock would find one minted now long expired.
        var signIn = await later.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "officer", password = "bin-demo" });
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(later.Server.BaseAddress, LiveHub.Path), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.HttpMessageHandlerFactory = _ => later.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            })
            .Build();
        await hub.StartAsync();

        Assert.Empty(await hub.InvokeAsync<List<Received>>("CatchUp", 0L));
    }

    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }
}
