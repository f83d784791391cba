using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Joining;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Bin.Dashboard.Features.Joining;

public static class JoiningRegistration
{
    /// <summary>The public join page, SMS confirmation codes, and coordinators' decisions on join requests.</summary>
    public static IServiceCollection AddBinJoining(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JoinOptions>(configuration.GetSection(JoinOptions.Section));
        services.AddSingleton<JoinService>();
        services.AddOptions<JoiningOptions>().Bind(configuration.GetSection(JoiningOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AddressKeyer>();
        services.AddSingleton<JoinCodeBudget>();
        services.AddHttpContextAccessor();
        services.AddScoped<ClientAddress>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddSingleton<ILiveNetworkResolver, JoinRequestNetworks>();
        services.ConfigureMarten(o =>
        {
            o.Events.AddEventType<JoinRequestConfirmed>();
            o.Events.AddEventType<JoinRequestApproved>();
            o.Events.AddEventType<JoinRequestDeclined>();
            o.Projections.Add<JoinRequestViewProjection>(ProjectionLifecycle.Inline);
            o.Schema.For<JoinApplication>().Index(a => a.Phone).Index(a => a.ClientKey).Index(a => a.CreatedAt).Index(a => a.Status);
            o.Storage.ExtendedSchemaObjects.Add(JoinCodeHoursTable.Define(o.DatabaseSchemaName));
        });
        return services;
    }
}

/// <summary>Join request events concern their network: its coordinator's pages hear of them live.</summary>
internal sealed class JoinRequestNetworks : ILiveNetworkResolver
{
    public ValueTask<IReadOnlyList<Guid>?> NetworksOfAsync(IEvent e, IQuerySession session, CancellationToken ct) => ValueTask.FromResult(e.Data switch
    {
        JoinRequestConfirmed c => [c.NetworkId],
        JoinRequestApproved a => [a.NetworkId],
        JoinRequestDeclined d => [d.NetworkId],
        _ => (IReadOnlyList<Guid>?)null,
    });
}
