using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Geometry;
using Bin.Domain.Networks;
using Marten;

namespace Bin.Dashboard.Features.Networks;

/// <summary>
/// This node's current picture of the networks: the one <see cref="NetworkResolver"/> that answers "which
/// networks contain this point", and their names. Loaded on first use and rebuilt when any node registers a
/// network or changes a boundary (seen through the live feed), so every node resolves with current boundaries.
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
            if (batch.Any(e => e.Data is NetworkRegistered or NetworkBoundaryChanged)) Invalidate();
            return Task.CompletedTask;
        });
    }

    public sealed record Snapshot(NetworkResolver Resolver, IReadOnlyDictionary<Guid, string> Names)
    {
        public string NameOf(Guid id) => Names.TryGetValue(id, out var name) ? name : id.ToString()[..8];
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
                new NetworkResolver(views.Select(v => new NetworkBoundary(v.Id, v.Boundary))),
                views.ToDictionary(v => v.Id, v => v.Name));
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
