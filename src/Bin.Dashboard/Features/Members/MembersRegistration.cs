using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Domain.Members;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Bin.Dashboard.Features.Members;

public static class MembersRegistration
{
    public static IServiceCollection AddBinMembers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MemberCommands>();
        services.AddSingleton<MemberImport>();
        services.AddSingleton<ImportDryRuns>();
        services.AddOptions<MemberImportOptions>().Bind(configuration.GetSection(MemberImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMemberDirectory, MemberDirectory>();
        services.AddSingleton<ILiveNetworkResolver, MemberNetworks>();
        services.AddAuthorizationBuilder()
            .AddPolicy(MemberAccess.Policy, p => p.RequireRole(Roles.Admin, Roles.Coordinator));
        services.ConfigureMarten(o =>
        {
            o.Events.AddEventType<MemberRegistered>();
            o.Events.AddEventType<MemberOptedOut>();
            o.Events.AddEventType<MemberRejoined>();
            o.Events.AddEventType<MemberNetworksChanged>();
            o.Events.AddEventType<MemberLanguageChanged>();
            o.Events.AddEventType<MemberErased>();
            o.Projections.Add<MemberViewProjection>(ProjectionLifecycle.Inline);
            o.Schema.For<ImportDryRun>().Index(d => d.Account).Index(d => d.At);
            // A number is one member: the unique index turns a second registration into a refusal, even when two
            // coordinators add the same person at the same moment. The column also serves inbound SMS look-ups.
            o.Schema.For<MemberContact>().Duplicate(c => c.Phone, pgType: "varchar(16)", configure: i => i.IsUnique = true, notNull: true);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBinMembers(this IEndpointRouteBuilder app)
    {
        app.MapRegisterMember();
        app.MapGetMembers();
        app.MapImportMembers();
        app.MapChangeMember();
        app.MapEraseMember();
        return app;
    }
}

/// <summary>The networks a member event concerns, so coordinators' live views hear of their own members only.</summary>
internal sealed class MemberNetworks : ILiveNetworkResolver
{
    public async ValueTask<IReadOnlyList<Guid>?> NetworksOfAsync(IEvent e, IQuerySession session, CancellationToken ct) => e.Data switch
    {
        MemberRegistered r => r.NetworkIds,
        MemberNetworksChanged c => c.NetworkIds,
        MemberOptedOut or MemberRejoined or MemberLanguageChanged or MemberErased =>
            (await session.LoadAsync<MemberView>(e.StreamId, ct))?.NetworkIds ?? [],
        _ => null,
    };
}
