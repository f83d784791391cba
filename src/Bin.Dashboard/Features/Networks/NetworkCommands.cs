using System.Security.Claims;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Geometry;
using Bin.Domain.Networks;
using Marten;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Bin.Dashboard.Features.Networks;

/// <summary>Only administrators manage networks, boundaries, founding steps and charters (→ 403).</summary>
public sealed class NetworkAccessDeniedException()
    : Exception(ServerMessages.NetworkAccessDenied.With().ToString());

/// <summary>What an import did, per feature.</summary>
public sealed record ImportResult(int Registered, int Changed, int Unchanged, IReadOnlyList<PlannedImport> Networks);

/// <summary>An import that was refused as a whole: nothing was saved. Problems are keyed by feature number (0: the file).</summary>
public sealed class ImportRejectedException(IReadOnlyDictionary<int, IReadOnlyList<string>> problems)
    : DomainException(Describe(problems), "features")
{
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Problems { get; } = problems;

    private static DomainText Describe(IReadOnlyDictionary<int, IReadOnlyList<string>> problems) =>
        problems.ContainsKey(0) && problems.Count == 1 ? ServerMessages.ImportNothingFile.With(string.Join(" ", problems[0]))
        : problems.Count == 1 ? ServerMessages.ImportNothingOneFeature
        : ServerMessages.ImportNothingFeatures.With(problems.Count);
}

/// <summary>
/// The network use cases, shared by the API and the pages: changes of a network go through the
/// <see cref="CommandPipeline"/> (load, fold, decide, append with the expected version, decide once more on a
/// concurrent change). Boundary changes also take a cluster-wide lock (a PostgreSQL advisory lock) around
/// "read the other boundaries, check, write", so two administrators drawing at once cannot create an overlap.
/// </summary>
public sealed class NetworkCommands(IDocumentStore store, CommandPipeline pipeline, ServiceArea zone, TimeProvider clock,
    [FromKeyedServices(EventStoreRegistration.LockWaiters)] NpgsqlDataSource lockWaiters)
{
    /// <summary>The acting user recorded for what residents start from the public join page.</summary>
    public static readonly ClaimsPrincipal PublicActor = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "join-page")], "system"));

    private const long BoundaryLockKey = 0x42_49_4E_5371; // "BIN" 5371

    public static bool MayManage(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static void EnsureMayManage(ClaimsPrincipal user)
    {
        if (!MayManage(user)) throw new NetworkAccessDeniedException();
    }

    /// <summary>An administrator proposes a network with a drawn boundary: registered as proposed, with its idea.</summary>
    public async Task<NetworkRegistered> ProposeAsync(ProposeNetwork command, ClaimsPrincipal user, CancellationToken ct)
    {
        EnsureMayManage(user);
        return await ProposeUncheckedAsync(command, user, ct);
    }

    /// <summary>
    /// Residents asked for a BIN where there is none (from the public page, which has no dashboard user): an idea with a
    /// provisional outline around the place, drawn under the boundary lock so it overlaps nothing. When another request
    /// opened an idea there meanwhile, the interest goes to that idea instead. Returns the network the interest went to.
    /// </summary>
    internal async Task<Guid> RegisterResidentsIdeaAsync(double latitude, double longitude, CancellationToken ct)
    {
        await using (var gate = await LockBoundariesAsync(ct))
        {
            await using var session = store.OpenSessionFor(PublicActor);
            var open = await OpenIdeaAtAsync(session, latitude, longitude, ct);
            if (open is null)
            {
                var context = await ContextAsync(session, ct);
                var name = $"BIN-idee {Math.Round(latitude, 3):0.000} N {Math.Round(longitude, 3):0.000} O";
                var boundary = ProvisionalBoundary.Around(latitude, longitude, context);
                var command = new ProposeNetwork(Guid.CreateVersion7(), name, boundary, Indicative: true, IdeaSource.Residents,
                    "Bewoners vroegen via de website om een BIN.");
                var (registered, idea) = NetworkDecisions.Propose(null, command, context, clock.GetUtcNow());
                session.Events.StartStream<NetworkView>(command.NetworkId, registered, idea);
                await session.SaveChangesAsync(ct);
                return command.NetworkId;
            }
        }
        Guid ideaId;
        await using (var query = store.QuerySession())
            ideaId = (await OpenIdeaAtAsync(query, latitude, longitude, ct))!.Value;
        await RegisterInterestAsync(ideaId, ct);
        return ideaId;
    }

    /// <summary>A network being founded (idea recorded, not yet recognised) that covers the place.</summary>
    private static async Task<Guid?> OpenIdeaAtAsync(IQuerySession session, double latitude, double longitude, CancellationToken ct)
    {
        var founding = await session.Query<NetworkView>()
            .Where(v => v.Status == NetworkStatus.Proposed || v.Status == NetworkStatus.Founding).ToListAsync(ct);
        var point = new NetTopologySuite.Geometries.Point(longitude, latitude);
        return founding.Where(v => v.Reached is not null && v.Boundary.Covers(point)).Select(v => (Guid?)v.Id).FirstOrDefault();
    }

    private async Task<NetworkRegistered> ProposeUncheckedAsync(ProposeNetwork command, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var gate = await LockBoundariesAsync(ct);
        await using var session = store.OpenSessionFor(user);
        var context = await ContextAsync(session, ct);
        var (registered, idea) = NetworkDecisions.Propose(null, command, context, clock.GetUtcNow());
        session.Events.StartStream<NetworkView>(command.NetworkId, registered, idea);
        await session.SaveChangesAsync(ct);
        return registered;
    }

    public async Task<NetworkBoundaryChanged> ChangeBoundaryAsync(Guid networkId, Polygon boundary, bool indicative, ClaimsPrincipal user, CancellationToken ct)
    {
        EnsureMayManage(user);
        await using var gate = await LockBoundariesAsync(ct);
        return await pipeline.RunAsync(networkId, user, async (IDocumentSession session, Network? state, CancellationToken token) =>
        {
            var context = await ContextAsync(session, token);
            return NetworkDecisions.ChangeBoundary(state, new ChangeNetworkBoundary(networkId, boundary, indicative), context, clock.GetUtcNow());
        }, null, ct);
    }

    /// <summary>Imports boundaries as one transaction: every feature is applied, or (with any problem) none.</summary>
    /// <exception cref="ImportRejectedException">Problems per feature; nothing was saved.</exception>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<ImportFeature> features, ClaimsPrincipal user, CancellationToken ct)
    {
        EnsureMayManage(user);
        await using var gate = await LockBoundariesAsync(ct);
        // The lock keeps other boundary changes out, not founding steps: a network changed meanwhile fails the whole
        // import, which is planned once more on what is there now.
        return await ConcurrentChange.RetryOnceAsync("network", token => ImportOnceAsync(features, user, token), ct);
    }

    private async Task<ImportResult> ImportOnceAsync(IReadOnlyList<ImportFeature> features, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var session = store.OpenSessionFor(user);
        var views = await session.Query<NetworkView>().ToListAsync(ct);
        var existing = views.Select(v => new Network(v.Id, v.Name, v.Boundary, v.Status, v.Indicative)).ToList();
        var plan = BoundaryImport.Plan(features, existing, zone, clock.GetUtcNow(), Guid.CreateVersion7);
        if (!plan.Accepted) throw new ImportRejectedException(plan.Problems);

        var versions = views.ToDictionary(v => v.Id, v => v.Version);
        foreach (var change in plan.Changes)
        {
            switch (change.Outcome)
            {
                case ImportOutcome.Registered:
                    session.Events.StartStream<NetworkView>(change.NetworkId, [.. change.Events]);
                    break;
                case ImportOutcome.BoundaryChanged:
                    // Expected version: a network changed by someone else since it was read fails the whole import.
                    session.Events.Append(change.NetworkId, versions[change.NetworkId] + change.Events.Count, [.. change.Events]);
                    break;
            }
        }
        await session.SaveChangesAsync(ct);
        return new ImportResult(
            plan.Changes.Count(c => c.Outcome == ImportOutcome.Registered),
            plan.Changes.Count(c => c.Outcome == ImportOutcome.BoundaryChanged),
            plan.Changes.Count(c => c.Outcome == ImportOutcome.Unchanged),
            plan.Changes);
    }

    /// <summary>A founding step or a change of status: the decision gets the folded state and the time.</summary>
    public async Task<TEvent> DecideAsync<TEvent>(Guid networkId, ClaimsPrincipal user, Func<Network?, DateTimeOffset, TEvent> decide, CancellationToken ct)
        where TEvent : INetworkEvent
    {
        EnsureMayManage(user);
        return (TEvent)await pipeline.RunAsync(networkId, user, (Network? state) => (INetworkEvent)decide(state, clock.GetUtcNow()), ct);
    }

    /// <summary>Residents add their interest to an open idea (from the public page).</summary>
    internal async Task RegisterInterestAsync(Guid networkId, CancellationToken ct)
    {
        await pipeline.RunAsync(networkId, PublicActor,
            (Network? state) => FoundingDecisions.RegisterInterest(state, new RegisterFoundingInterest(networkId), clock.GetUtcNow()), ct);
    }

    /// <summary>A charter version: the event carries the texts, the erasable document the contact details.</summary>
    public async Task<CharterDrawnUp> DrawUpCharterAsync(DrawUpCharter command, ClaimsPrincipal user, CancellationToken ct)
    {
        EnsureMayManage(user);
        return await pipeline.RunAsync(command.NetworkId, user, (Network? state) => FoundingDecisions.DrawUpCharter(state, command, clock.GetUtcNow()), ct,
            (session, drawn) => session.Store(new CharterContacts
            {
                Id = CharterContacts.IdOf(command.NetworkId, drawn.Version),
                NetworkId = command.NetworkId,
                Version = drawn.Version,
                ContactDetails = command.Charter.ContactDetails.Trim(),
            }));
    }

    /// <summary>
    /// A dashboard account becomes a coordinator of the network. The account's network list (its <c>bin:network</c>
    /// claims at the next sign-in) changes in the same transaction as the event, so the two never disagree.
    /// </summary>
    public async Task<CoordinatorAssigned> AssignCoordinatorAsync(AssignCoordinator command, ClaimsPrincipal user, CancellationToken ct)
    {
        EnsureMayManage(user);
        var accountId = FoundingDecisions.AccountId(command.AccountId);
        UserAccount? account = null;
        return await pipeline.RunAsync(command.NetworkId, user, async (IDocumentSession session, Network? state, CancellationToken token) =>
        {
            account = await session.LoadAsync<UserAccount>(accountId, token)
                      ?? throw new DomainException(ServerMessages.NoDashboardAccount.With(accountId), "accountId");
            return FoundingDecisions.AssignCoordinator(state, command, clock.GetUtcNow());
        }, (session, assigned, _) =>
        {
            if (!account!.NetworkIds.Contains(command.NetworkId)) account.NetworkIds.Add(command.NetworkId);
            // A new stamp ends the account's sessions, so the next one carries the network (see docs/security.md).
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            session.Store(account);
            Accounts.AccountCommands.Record(session, account.Id, user, assigned.AssignedAt, [$"coordinator of {command.NetworkId}"]);
            return Task.CompletedTask;
        }, ct);
    }

    public async Task<CoordinatorRemoved> RemoveCoordinatorAsync(RemoveCoordinator command, ClaimsPrincipal user, CancellationToken ct)
    {
        EnsureMayManage(user);
        return await pipeline.RunAsync(command.NetworkId, user,
            (IDocumentSession _, Network? state, CancellationToken _) => Task.FromResult(FoundingDecisions.RemoveCoordinator(state, command, clock.GetUtcNow())),
            async (session, removed, token) =>
            {
                if (await session.LoadAsync<UserAccount>(removed.AccountId, token) is not { } account) return;
                account.NetworkIds.Remove(command.NetworkId);
                account.SecurityStamp = Guid.NewGuid().ToString("N");
                session.Store(account);
                Accounts.AccountCommands.Record(session, account.Id, user, removed.RemovedAt, [$"no longer coordinator of {command.NetworkId}"]);
            }, ct);
    }

    /// <summary>Assigns the demo coordinator to Kerkplein (demo seed); nothing when already done.</summary>
    internal async Task SeedCoordinatorAsync(Guid networkId, string accountId, string actor, CancellationToken ct)
    {
        var seed = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, actor)], "system"));
        await pipeline.RunAsync<Network, CoordinatorAssigned?>(networkId, seed, async (session, state, token) =>
            state is null || state.Coordinators.Contains(accountId) || await session.LoadAsync<UserAccount>(accountId, token) is null
                ? null
                : FoundingDecisions.AssignCoordinator(state, new AssignCoordinator(networkId, accountId), clock.GetUtcNow()), null, ct);
    }

    /// <summary>The zone and the boundaries of every network that is not dissolved.</summary>
    public async Task<BoundaryContext> ContextAsync(IQuerySession session, CancellationToken ct)
    {
        var live = await session.Query<NetworkView>().Where(v => v.Status != NetworkStatus.Dissolved).ToListAsync(ct);
        return new BoundaryContext(zone, live.Select(v => new NeighbourBoundary(v.Id, v.Name, v.Boundary)).ToList());
    }

    /// <summary>Holds the zone-wide boundary lock until disposed (one connection, session-level advisory lock).</summary>
    private async Task<IAsyncDisposable> LockBoundariesAsync(CancellationToken ct)
    {
        var connection = lockWaiters.CreateConnection();
        await connection.OpenAsync(ct);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", BoundaryLockKey);
            await command.ExecuteNonQueryAsync(ct);
        }
        return new Unlock(connection);
    }

    private sealed class Unlock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Closing the connection ends the session and with it the lock, even if the unlock below fails.
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", BoundaryLockKey);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
