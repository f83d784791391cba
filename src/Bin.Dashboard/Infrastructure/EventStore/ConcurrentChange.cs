using Bin.Domain;
using JasperFx.Events;

namespace Bin.Dashboard.Infrastructure.EventStore;

/// <summary>
/// The one answer to a concurrent change of a stream: decide once more on the new state, and if that is overtaken
/// too, refuse with <see cref="ConcurrentChangeException"/> (409, "reload"). Once, not in a loop: a decision that
/// commutes with the other writer's (a STOP while a coordinator changes the language) settles on the second try,
/// and a stream so busy that it does not is better told to the person than retried until a timeout.
/// </summary>
public static class ConcurrentChange
{
    /// <summary>Marten refused the write because the stream is no longer at the version the decision saw (or, for a
    /// document with optimistic concurrency, the document changed).</summary>
    public static bool IsConflict(Exception exception)
    {
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
            if (ex is EventStreamUnexpectedMaxEventIdException or JasperFx.ConcurrencyException) return true;
        return false;
    }

    /// <summary>Runs <paramref name="attempt"/>; on a conflict runs it once more; a second conflict becomes
    /// <see cref="ConcurrentChangeException"/> for <paramref name="subject"/>. Each attempt must read afresh and write
    /// all-or-nothing (one transaction), so a refused attempt leaves nothing behind.</summary>
    public static Task<T> RetryOnceAsync<T>(string subject, Func<CancellationToken, Task<T>> attempt, CancellationToken ct) =>
        RetryOnceAsync(subject, attempt, IsConflict, ct);

    /// <inheritdoc cref="RetryOnceAsync{T}(string, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    internal static async Task<T> RetryOnceAsync<T>(string subject, Func<CancellationToken, Task<T>> attempt, Func<Exception, bool> isConflict, CancellationToken ct)
    {
        try
        {
            return await attempt(ct);
        }
        catch (Exception ex) when (isConflict(ex))
        {
            // Someone else appended between our read and our write: the second attempt decides on their result.
        }
        try
        {
            return await attempt(ct);
        }
        catch (Exception ex) when (isConflict(ex))
        {
            throw new ConcurrentChangeException(subject);
        }
    }
}
