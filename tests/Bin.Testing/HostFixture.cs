using Xunit;

namespace Bin.Testing;

/// <summary>One dashboard host (fresh database, demo seed) shared by the tests of a class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BinAppFactory.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
