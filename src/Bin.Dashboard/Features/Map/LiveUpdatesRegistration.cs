using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Marten;

namespace Bin.Dashboard.Features.Map;

/// <summary>
/// Live updates that apply the event: the maintained alert progress summary and its triggers, the node's shared map
/// state, and the notifications that wake this node's background work (see docs/architecture.md, "Live updates").
/// Register after the alerts feature: the triggers go on the outbox and inbox tables it creates.
/// </summary>
public static class LiveUpdatesRegistration
{
    public static IServiceCollection AddBinLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<AlertProgressReader>();
        services.AddSingleton<IMapLiveStore, MartenMapLiveStore>();
        services.AddSingleton<MapLiveState>();
        services.AddHostedService<AlertProgressTriggers>();
        services.AddSingleton(sp => new DatabaseNotification(AlertProgressTable.QueuedChannel, _ => sp.GetRequiredService<OutboxSignal>().Wake()));
        services.AddSingleton(sp => new DatabaseNotification(AlertProgressTable.InboundChannel, _ => sp.GetRequiredService<InboundSignal>().Wake()));
        services.AddSingleton(sp => new DatabaseNotification(AlertProgressTable.Channel,
            payload => sp.GetRequiredService<LiveFeed>().RaiseProgressChanged(AlertProgressTable.ParsePayload(payload))));
        services.ConfigureMarten(o =>
        {
            // Marten creates and migrates the summary table and its trigger function with its own schema objects.
            o.Storage.ExtendedSchemaObjects.Add(AlertProgressTable.Define(o.DatabaseSchemaName));
            o.Storage.ExtendedSchemaObjects.Add(AlertProgressTable.DefineFunction(o.DatabaseSchemaName));
        });
        return services;
    }
}
