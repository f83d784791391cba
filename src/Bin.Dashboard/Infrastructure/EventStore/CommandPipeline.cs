using System.Security.Claims;
using Bin.Domain;
using Marten;

namespace Bin.Dashboard.Infrastructure.EventStore;

/// <summary>A stream's state as folded by the domain, and the version it was read at.</summary>
public sealed record LoadedStream<TState>(TState? State, long Version) where TState : class, IFolded<TState>;

/// <summary>
/// The one way a command changes an existing stream: load the stream, fold it with the aggregate's fold from the
/// domain, let the pure decision speak, append what it decided with the expected version — together with whatever the
/// use case stores alongside, in one transaction — and on a concurrent change decide once more
/// (<see cref="ConcurrentChange"/>). A decision that returns null (nothing to do) writes nothing.
/// Creating a stream (<c>StartStream</c>) needs none of this: a second start of the same id fails by itself.
/// </summary>
public sealed class CommandPipeline(IDocumentStore store)
{
    /// <summary>Loads and folds a stream; an unknown stream folds to null at version 0.</summary>
    public static async Task<LoadedStream<TState>> LoadAsync<TState>(IQuerySession session, Guid streamId, CancellationToken ct)
        where TState : class, IFolded<TState>
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return new LoadedStream<TState>(TState.Fold(events.Select(e => e.Data)), events.Count == 0 ? 0 : events[^1].Version);
    }

    /// <summary>A decision on the folded state alone; <paramref name="alongside"/> stages what goes into the same
    /// transaction as the event (documents, outbox rows).</summary>
    public Task<TEvent> RunAsync<TState, TEvent>(Guid streamId, ClaimsPrincipal user, Func<TState?, TEvent> decide, CancellationToken ct,
        Action<IDocumentSession, TEvent>? alongside = null)
        where TState : class, IFolded<TState>
        where TEvent : class? =>
        RunAsync<TState, TEvent>(streamId, user,
            (_, state, _) => Task.FromResult(decide(state)),
            alongside is null ? null : (session, decided, _) =>
            {
                alongside(session, decided);
                return Task.CompletedTask;
            }, ct);

    /// <summary>A decision that also reads through the session (under the same transaction's snapshot), e.g. the
    /// other networks' boundaries or the account being made coordinator. Both functions run again on the retry.</summary>
    public Task<TEvent> RunAsync<TState, TEvent>(Guid streamId, ClaimsPrincipal user,
        Func<IDocumentSession, TState?, CancellationToken, Task<TEvent>> decide,
        Func<IDocumentSession, TEvent, CancellationToken, Task>? alongside, CancellationToken ct)
        where TState : class, IFolded<TState>
        where TEvent : class? =>
        ConcurrentChange.RetryOnceAsync(TState.Subject, async token =>
        {
            await using var session = store.OpenSessionFor(user);
            var loaded = await LoadAsync<TState>(session, streamId, token);
            var decided = await decide(session, loaded.State, token);
            if (decided is null) return decided;
            session.Events.Append(streamId, loaded.Version + 1, decided);
            if (alongside is not null) await alongside(session, decided, token);
            await session.SaveChangesAsync(token);
            return decided;
        }, ct);
}
