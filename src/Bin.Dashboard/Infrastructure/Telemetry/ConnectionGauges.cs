using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.SignalR;
using Bin.Dashboard.Infrastructure.LiveFeed;

namespace Bin.Dashboard.Infrastructure.Telemetry;

/// <summary>
/// The gauges read from this node's state: open Blazor circuits, /hubs/live connections, the outbox as last
/// measured, the live feed's connection. Created through <see cref="IMeterFactory"/> so they belong to this host
/// and stop being observed when it is disposed.
/// </summary>
public sealed class ConnectionGauges
{
    private long _circuits;
    private long _hubConnections;

    public ConnectionGauges(IMeterFactory meters, OutboxMonitor outbox, LiveFeed.LiveFeed feed)
    {
        var meter = meters.Create(BinTelemetry.Name);
        meter.CreateObservableUpDownCounter("bin.circuits.open", () => Interlocked.Read(ref _circuits), "{circuit}", "Blazor Server circuits open on this node");
        meter.CreateObservableUpDownCounter("bin.hub.connections", () => Interlocked.Read(ref _hubConnections), "{connection}", "Connections to /hubs/live on this node");
        meter.CreateObservableGauge("bin.outbox.depth", () => outbox.Latest is { } s
            ? [new Measurement<long>(s.Queued, new KeyValuePair<string, object?>("status", "queued")), new Measurement<long>(s.Sending, new KeyValuePair<string, object?>("status", "sending"))]
            : Array.Empty<Measurement<long>>(), "{message}", "SMS waiting in the outbox (queued, or claimed and being sent), all nodes");
        meter.CreateObservableGauge("bin.outbox.oldest_age", () => outbox.Latest is { } s
            ? [new Measurement<double>(s.OldestAge?.TotalSeconds ?? 0)]
            : Array.Empty<Measurement<double>>(), "s", "Age of the oldest SMS waiting in the outbox (0 when empty)");
        meter.CreateObservableGauge("bin.livefeed.connected", () => feed.Status.Connected ? 1 : 0, null, "1 while this node's live feed is tailing the event log");
    }

    /// <summary>Circuits open on this node now (what <c>bin.circuits.open</c> reports).</summary>
    internal long OpenCircuits => Interlocked.Read(ref _circuits);

    internal void CircuitOpened() => Interlocked.Increment(ref _circuits);
    internal void CircuitClosed() => Interlocked.Decrement(ref _circuits);
    internal void HubConnected() => Interlocked.Increment(ref _hubConnections);
    internal void HubDisconnected() => Interlocked.Decrement(ref _hubConnections);
}

internal sealed class CircuitCounter(ConnectionGauges gauges) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        gauges.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct)
    {
        gauges.CircuitClosed();
        return Task.CompletedTask;
    }
}

/// <summary>Counts connections whose hub accepted them: one refused in OnConnectedAsync is never counted, so its
/// disconnection must not be subtracted either.</summary>
internal sealed class HubConnectionCounter(ConnectionGauges gauges) : IHubFilter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _counted = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        if (_counted.TryAdd(context.Context.ConnectionId, 0)) gauges.HubConnected();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (_counted.TryRemove(context.Context.ConnectionId, out _)) gauges.HubDisconnected();
        await next(context, exception);
    }
}
