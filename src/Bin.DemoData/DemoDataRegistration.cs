using Bin.Dashboard.Features;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Dashboard.Infrastructure.Seeding;
using Marten;

namespace Bin.DemoData;

public static class DemoDataRegistration
{
    /// <summary>
    /// The dashboard's store as its features configure it (every event type, inline projection and own table), its
    /// seed, and the history generator. The host is built, never started: nothing in the background runs.
    /// </summary>
    public static IServiceCollection AddBinDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddBinEventStore(configuration)
            .AddBinDataProtection(configuration)
            .AddBinAuthentication(configuration)
            .AddBinLocalization()
            .AddBinLiveFeed()
            .AddBinFeatures(configuration)
            .AddBinSeeding(configuration)
            .AddSingleton(TimeProvider.System);
        return services.AddBinHistoryGenerator();
    }

    /// <summary>Only the generator: for a host that already has the dashboard's services (tests, the load harness).</summary>
    public static IServiceCollection AddBinHistoryGenerator(this IServiceCollection services)
    {
        services.AddSingleton<HistoryGenerator>();
        services.ConfigureMarten(o => o.Schema.For<DemoHistoryRun>().Identity(r => r.Id));
        return services;
    }
}
