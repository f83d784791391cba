using NetTopologySuite.IO.Converters;

namespace Bin.Dashboard.Infrastructure.LiveFeed;

public static class LiveFeedRegistration
{
    /// <summary>Register after the event store: the tail needs Marten's tables to exist.</summary>
    public static IServiceCollection AddBinLiveFeed(this IServiceCollection services)
    {
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<LiveEventMapper>();
        services.AddHostedService<EventTail>();
        services.AddHostedService<LiveHubForwarder>();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new GeoJsonConverterFactory()));
        return services;
    }

    public static IEndpointRouteBuilder MapBinLiveFeed(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveHub>(LiveHub.Path);
        return app;
    }
}
