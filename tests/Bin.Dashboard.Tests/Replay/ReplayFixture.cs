using Bin.DemoData;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Replay;

/// <summary>
/// One dashboard (fresh database, demo networks and members) with three days of generated history up to the last
/// full hour — dense (40 incidents a day) so that alerts, acknowledgements and replies overlap — shared by the
/// replay test classes. Tests that write more (the live path, the evaluation scenario) use other periods.
/// </summary>
public sealed class ReplayFixture : IAsyncLifetime
{
    public BinAppFactory App { get; private set; } = null!;

    public DemoHistoryRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The generator is not the dashboard's (it lives in Bin.DemoData): the test host adds it, as the seed command does.
        App = new BinAppFactory(await TestPostgres.CreateDatabaseAsync(), services: s => s.AddBinHistoryGenerator());
        App.StartServer();
        var now = DateTimeOffset.UtcNow;
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var result = await App.Service<HistoryGenerator>().GenerateAsync(new HistoryProfile(3, end, IncidentsPerDay: 40, JoinersPerNetworkPerMonth: 10), default);
        Run = result.Run;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ReplayCollection : ICollectionFixture<ReplayFixture>
{
    public const string Name = "replay";
}
