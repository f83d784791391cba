using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Tests.Map;

/// <summary>The map page's services for bUnit, from a real host (PostgreSQL, the live feed, the network directory).</summary>
internal static class MapPageServices
{
    /// <summary>Everything but the node's map state, which a test may count the reads of (else <see cref="AddWithMapState"/>).</summary>
    public static void Add(IServiceCollection services, BinAppFactory app)
    {
        services.AddSingleton(app.Service<IDocumentStore>());
        services.AddSingleton(app.Service<AlertProgressReader>());
        services.AddSingleton(app.Service<LiveFeed>());
        services.AddSingleton(app.Service<NetworkDirectory>());
        services.AddSingleton(app.Service<IMemberDirectory>());
        services.AddSingleton(app.Service<IFeedbackScheduling>());
        services.AddSingleton(app.Service<IOptions<MapOptions>>());
        services.AddSingleton(app.Service<TimeProvider>());
        services.AddSingleton(app.Service<IncidentCommands>());
        services.AddSingleton(app.Service<ConsolePreferences>());
    }

    public static void AddWithMapState(IServiceCollection services, BinAppFactory app)
    {
        Add(services, app);
        services.AddSingleton(app.Service<MapLiveState>());
    }
}
