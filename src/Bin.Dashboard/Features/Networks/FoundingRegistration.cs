using Bin.Domain.Networks;
using Marten;

namespace Bin.Dashboard.Features.Networks;

public static class FoundingRegistration
{
    /// <summary>The founding workflow, boundaries (draw, import, export), coordinators and the network pages' API.</summary>
    public static IServiceCollection AddBinFounding(this IServiceCollection services)
    {
        services.AddSingleton<NetworkCommands>();
        services.ConfigureMarten(o =>
        {
            o.Events.AddEventType<FoundingIdeaRegistered>();
            o.Events.AddEventType<FoundingInterestRegistered>();
            o.Events.AddEventType<ConsultationHeld>();
            o.Events.AddEventType<InfoEveningHeld>();
            o.Events.AddEventType<CharterDrawnUp>();
            o.Events.AddEventType<CharterSigned>();
            o.Events.AddEventType<NetworkRecognised>();
            o.Events.AddEventType<NetworkActivated>();
            o.Events.AddEventType<CharterChangeReported>();
            o.Events.AddEventType<NetworkSuspended>();
            o.Events.AddEventType<NetworkReactivated>();
            o.Events.AddEventType<NetworkDissolved>();
            o.Events.AddEventType<CoordinatorAssigned>();
            o.Events.AddEventType<CoordinatorRemoved>();
            o.Schema.For<CharterContacts>().Index(c => c.NetworkId);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinFounding(this IEndpointRouteBuilder app) => app.MapNetworkEndpoints();
}
