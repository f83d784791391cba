using System.Net.Http.Json;
using System.Threading.Channels;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Bin.Dashboard.Tests.Incidents;

public class LiveFeedTests
{
    private sealed record Received(long Sequence, string Type, Guid StreamId, Guid[] NetworkIds, JsonElement Data);

    private static Channel<Received> Listen(HubConnection hub)
    {
        var channel = Channel.CreateUnbounded<Received>();
        hub.On<Received>("event", e => channel.Writer.TryWrite(e));
        return channel;
    }

    private static async Task<Received> WaitForAsync(Channel<Received> channel, Func<Received, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var e = await channel.Reader.ReadAsync(timeout.Token);
            if (match(e)) return e;
        }
    }

    private static async Task<Guid> ReportAsync(BinAppFactory app, double lat, double lon)
    {
        var client = await app.ClientForAsync("dispatcher");
        var response = await client.PostAsJsonAsync("/api/incidents", new { lat, lon, category = "suspicious-person", description = "Persoon kijkt in auto's" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_hub_client_receives_IncidentReported_after_a_post()
    {
        await using var app = await BinAppFactory.StartAsync();
        await using var hub = await app.HubForAsync("officer");
        var events = Listen(hub);

        var id = await ReportAsync(app, 51.2307, 5.3135);

        var e = await WaitForAsync(events, e => e.StreamId == id);
        Assert.Equal("IncidentReported", e.Type);
        Assert.Equal([NetworkSeed.KerkpleinId], e.NetworkIds);
        Assert.Equal("suspicious-person", e.Data.GetProperty("category").GetString());
    }

    [Fact]
    public async Task An_incident_posted_to_one_node_reaches_a_hub_client_of_another()
    {
        await using var nodeA = await BinAppFactory.StartAsync();
        await using var nodeB = new BinAppFactory(nodeA.ConnectionString);
        nodeB.StartServer();
        await using var hubOnB = await nodeB.HubForAsync("dispatcher");
        var events = Listen(hubOnB);

        var id = await ReportAsync(nodeA, 51.2307, 5.3135);

        Assert.Equal("IncidentReported", (await WaitForAsync(events, e => e.StreamId == id)).Type);
    }

    [Fact]
    public async Task A_coordinator_receives_only_events_of_their_network()
    {
        await using var app = await BinAppFactory.StartAsync();
        await using var hub = await app.HubForAsync("coordinator");
        var events = Listen(hub);

        var outside = await ReportAsync(app, 51.2050, 5.2500);
        var inside = await ReportAsync(app, 51.2307, 5.3135);

        var first = await WaitForAsync(events, _ => true);
        Assert.Equal(inside, first.StreamId);
        Assert.NotEqual(outside, first.StreamId);
    }

    [Fact]
    public async Task A_reconnecting_client_catches_up_on_what_it_missed()
    {
        await using var app = await BinAppFactory.StartAsync();
        long lastSeen;
        await using (var hub = await app.HubForAsync("officer"))
        {
            var events = Listen(hub);
            var seen = await ReportAsync(app, 51.2307, 5.3135);
            lastSeen = (await WaitForAsync(events, e => e.StreamId == seen)).Sequence;
        }
        var missed = await ReportAsync(app, 51.2307, 5.3135);

        await using var reconnected = await app.HubForAsync("officer");
        var caughtUp = await reconnected.InvokeAsync<List<Received>>("CatchUp", lastSeen);

        Assert.Contains(caughtUp, e => e.StreamId == missed && e.Type == "IncidentReported");
        Assert.All(caughtUp, e => Assert.True(e.Sequence > lastSeen));
    }

    [Fact]
    public async Task Clients_cannot_broadcast_through_the_hub()
    {
        await using var app = await BinAppFactory.StartAsync();
        await using var hub = await app.HubForAsync("officer");

        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("SendAsync", "event", new { }));
    }
}
