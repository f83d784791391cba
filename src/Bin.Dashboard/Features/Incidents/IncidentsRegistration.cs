using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Incidents;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Bin.Dashboard.Features.Incidents;

public static class IncidentsRegistration
{
    public static IServiceCollection AddBinIncidents(this IServiceCollection services)
    {
        services.AddSingleton<IncidentCommands>();
        services.AddSingleton<ConsolePreferences>();
        services.AddSingleton<IIncidentIntake, IncidentIntake>();
        services.AddSingleton<ILiveNetworkResolver, IncidentNetworks>();
        services.ConfigureMarten(o =>
        {
            o.Events.AddEventType<IncidentReported>();
            o.Events.AddEventType<IncidentVerified>();
            o.Events.AddEventType<IncidentUpdated>();
            o.Events.AddEventType<IncidentClosed>();
            o.Projections.Add<IncidentViewProjection>(ProjectionLifecycle.Inline);
            o.Schema.For<IncidentView>().Index(i => i.ReportedAt);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinIncidents(this IEndpointRouteBuilder app)
    {
        app.MapReportIncident();
        app.MapChangeIncident();
        app.MapGetIncidents();
        return app;
    }
}

/// <summary>The networks an incident event concerns: those containing the incident (from its view).</summary>
internal sealed class IncidentNetworks : ILiveNetworkResolver
{
    public async ValueTask<IReadOnlyList<Guid>?> NetworksOfAsync(IEvent e, IQuerySession session, CancellationToken ct) => e.Data switch
    {
        IncidentReported r => r.NetworkIds,
        IncidentUpdated u => u.NetworkIds,
        IncidentVerified or IncidentClosed => (await session.LoadAsync<IncidentView>(e.StreamId, ct))?.NetworkIds ?? [],
        _ => null,
    };
}
