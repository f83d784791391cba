using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Geometry;
using Bin.Domain.Networks;
using Marten;

namespace Bin.Dashboard.Features.Networks;

/// <summary>
/// This node's current picture of the networks: the one <see cref="NetworkResolver"/> that answers "which
/// networks contain this point", and their names. Loaded on first use and rebuilt when any node registers a
/// network or changes a boundary or status (seen through the live feed), so every node resolves with current
/// boundaries. Dissolved networks keep their name but contain nothing any more.
/// </summary>
public sealed class NetworkDirectory : IDisposable
{
    private readonly IDocumentStore _store;
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    public NetworkDirectory(IDocumentStore store, LiveFeed feed)
    {
        _store = store;
        _subscription = feed.Subscribe(batch =>
        {
            if (batch.Any(e => e.Data is NetworkRegistered or NetworkBoundaryChanged or FoundingIdeaRegistered or ConsultationHeld
                    or NetworkRecognised or NetworkActivated or NetworkSuspended or NetworkReactivated or NetworkDissolved)) Invalidate();
            return Task.CompletedTask;
        });
    }

    public sealed record Snapshot(NetworkResolver Resolver, IReadOnlyDictionary<Guid, string> Names, IReadOnlyDictionary<Guid, NetworkStatus>? Statuses = null)
    {
        public string NameOf(Guid id) => Names.TryGetValue(id, out var name) ? name : id.ToString()[..8];

        public NetworkStatus? StatusOf(Guid id) => Statuses is not null && Statuses.TryGetValue(id, out var status) ? status : null;
    }

    public async ValueTask<Snapshot> CurrentAsync(CancellationToken ct = default)
    {
        if (_current is { } snapshot) return snapshot;
        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded) return loaded;
            await using var session = _store.QuerySession();
            var views = await session.Query<NetworkView>().ToListAsync(ct);
            var fresh = new Snapshot(
                new NetworkResolver(views.Where(v => v.Status != NetworkStatus.Dissolved).Select(v => new NetworkBoundary(v.Id, v.Boundary))),
                views.ToDictionary(v => v.Id, v => v.Name),
                views.ToDictionary(v => v.Id, v => v.Status));
            _current = fresh;
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The next lookup reloads from the database.</summary>
    public void Invalidate() => _current = null;

    public void Dispose() => _subscription.Dispose();
}
