using Bin.Dashboard.Features.Sms;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Alerts;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Bin.Dashboard.Features.Alerts;

public static class AlertsRegistration
{
    public static IServiceCollection AddBinAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxDispatch>();
        services.AddSingleton<OutboxProgress>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<InboundStore>();
        services.AddSingleton<InboundSignal>();
        services.AddSingleton<AlertCommands>();
        services.AddSingleton<AlertBudget>();
        services.AddSingleton<AlertApprovals>();
        services.AddSingleton<IInboundSmsHandler, InboundSmsHandler>();
        services.AddSingleton<IDeliveryStatusHandler, DeliveryStatusHandler>();
        services.AddSingleton<ILiveNetworkResolver, AlertNetworks>();
        services.AddHostedService<OutboxSender>();
        services.AddHostedService<InboundProcessor>();
        services.ConfigureMarten(o =>
        {
            o.Events.AddEventType<AlertIssued>();
            o.Events.AddEventType<TipAcknowledged>();
            o.Events.AddEventType<ReplyReceived>();
            o.Events.AddEventType<PersonalDataConfirmed>();
            o.Projections.Add<AlertViewProjection>(ProjectionLifecycle.Inline);
            o.Schema.For<AlertView>().Index(a => a.IncidentId).Index(a => a.IssuedAt);
            o.Schema.For<AlertApproval>().Index(a => a.Status);
            // Marten creates and migrates the outbox and the inbox at start-up, before the sender and the processor run.
            o.Storage.ExtendedSchemaObjects.AddRange(OutboxTable.Define(o.DatabaseSchemaName));
            o.Storage.ExtendedSchemaObjects.Add(InboundTable.Define(o.DatabaseSchemaName));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinAlerts(this IEndpointRouteBuilder app) => app.MapAlerts().MapAlertSafeguards();
}

internal sealed class AlertNetworks : ILiveNetworkResolver
{
    public ValueTask<IReadOnlyList<Guid>?> NetworksOfAsync(IEvent e, IQuerySession session, CancellationToken ct) => ValueTask.FromResult(e.Data switch
    {
        AlertIssued a => a.NetworkIds,
        TipAcknowledged t => [t.NetworkId],
        ReplyReceived { NetworkId: { } network } => [network],
        ReplyReceived => [],
        _ => (IReadOnlyList<Guid>?)null,
    });
}
