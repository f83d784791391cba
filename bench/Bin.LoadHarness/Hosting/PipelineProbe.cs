using System.Collections.Concurrent;
using System.Diagnostics;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Incidents;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.LoadHarness.Hosting;

/// <summary>
/// Read-only timestamps from inside the dashboard's live-feed pipeline, on the harness's Stopwatch clock, to
/// show where an event's time goes. Two points per incident stream:
/// <list type="bullet">
/// <item><see cref="TailMapped"/>: the event tail has read the committed IncidentReported and maps it — the probe
/// is registered as the first network resolver, answers "not mine" and lets the incidents' resolver decide.</item>
/// <item><see cref="Forwarded"/>: the feed's earlier subscribers — the hub forwarder — have finished handing the
/// batch to SignalR (the feed awaits its subscribers one after another, and this one subscribes last).</item>
/// </list>
/// </summary>
internal sealed class PipelineProbe : ILiveNetworkResolver
{
    public ConcurrentDictionary<Guid, long> TailMapped { get; } = new();
    public ConcurrentDictionary<Guid, long> Forwarded { get; } = new();

    /// <summary>Registers the probe ahead of the dashboard's own resolvers.</summary>
    public void Register(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<ILiveNetworkResolver>(this));

    /// <summary>Subscribes to the feed; call once the host has started, so the hub forwarder is ahead of us.</summary>
    public IDisposable AttachBehindForwarder(LiveFeed feed) => feed.Subscribe(batch =>
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var e in batch)
            if (e.Type == nameof(IncidentReported)) Forwarded.TryAdd(e.StreamId, now);
        return Task.CompletedTask;
    });

    public ValueTask<IReadOnlyList<Guid>?> NetworksOfAsync(IEvent e, IQuerySession session, CancellationToken ct)
    {
        if (e.Data is IncidentReported) TailMapped.TryAdd(e.StreamId, Stopwatch.GetTimestamp());
        return ValueTask.FromResult<IReadOnlyList<Guid>?>(null);
    }
}
