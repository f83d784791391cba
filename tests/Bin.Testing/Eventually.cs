using Xunit;

namespace Bin.Testing;

/// <summary>
/// The one way tests wait for something that happens in the background (a sender, a node, a projection): ask until
/// the answer is yes, bounded, and fail naming what never happened. The answer is checked, never the time.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(25);

    /// <summary>Whether the condition held within the time (for tests that assert on the answer themselves).</summary>
    public static async Task<bool> WithinAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(Pause);
        }
        return await condition();
    }

    /// <summary>Asks until <paramref name="probe"/> yields a value (background work such as the simulator's reports).</summary>
    public static Task<T> FindAsync<T>(Func<T?> probe, TimeSpan? timeout = null) where T : class =>
        FindAsync(() => Task.FromResult(probe()), timeout);

    public static async Task<T> FindAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null) where T : class
    {
        T? found = null;
        return await WithinAsync(async () => (found = await probe()) is not null, timeout ?? TimeSpan.FromSeconds(10))
            ? found!
            : throw new TimeoutException("The expected result did not appear in time.");
    }

    /// <summary>Fails with <paramref name="what"/> when the condition does not hold within the time.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string what) =>
        Assert.True(await WithinAsync(condition, within), what);
}
