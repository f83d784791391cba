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
/// <item><see cref="Forwarded"/>: the feed has handed the batch to a subscriber of its own (each subscriber, the hub
/// forwarder among them, has its own queue, so this marks the fan-out point, not the end of the hub's sends).</item>
/// </list>
/// </summary>
internal sealed class PipelineProbe : ILiveNetworkResolver
{
    public ConcurrentDictionary<Guid, long> TailMapped { get; } = new();
    public ConcurrentDictionary<Guid, long> Forwarded { get; } = new();

    /// <summary>Registers the probe ahead of the dashboard's own resolvers.</summary>
    public void Register(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<ILiveNetworkResolver>(this));

    /// <summary>Subscribes to the feed; call once the host has started.</summary>
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
