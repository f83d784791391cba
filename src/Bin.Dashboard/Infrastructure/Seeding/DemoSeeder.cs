using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Marten;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Seeding;

/// <summary>Seeds the demo networks and members at start-up, before the server accepts requests. The demo history
/// is not the dashboard's: <c>Bin.DemoData seed</c> writes it (see docs/architecture.md).</summary>
public sealed class DemoSeeder(
    IDocumentStore store,
    NetworkDirectory directory,
    NetworkCommands networks,
    IOptions<SeedOptions> options,
    IOptions<Features.Sms.SmsOptions> sms,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.DemoData) return;
        await SeedNetworksAndMembersAsync(ct);
    }

    /// <summary>Lommel's seven networks and their members, when missing.</summary>
    public async Task SeedNetworksAndMembersAsync(CancellationToken ct)
    {
        // Demo members have valid-looking Belgian mobile numbers that may belong to real people.
        if (!sms.Value.UsesSimulator)
            throw new InvalidOperationException(
                "Seed:DemoData registers demo members with real-format mobile numbers; it is refused while Sms:Gateway is twilio. Turn one of them off.");
        var registered = await NetworkSeed.SeedAsync(store, environment.ContentRootPath, clock, ct);
        if (registered > 0) directory.Invalidate();
        // The demo coordinator account (when it exists) runs Kerkplein: recorded on the network's stream too.
        await networks.SeedCoordinatorAsync(NetworkSeed.KerkpleinId, "coordinator", SeedActor.Name, ct);
        // Demo members (simulator numbers only: see MemberSeed) after the networks they belong to.
        var members = await MemberSeed.SeedAsync(store, clock, ct);
        logger.LogInformation("Demo seed: {Registered} networks and {Members} members registered", registered, members);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class SeedingRegistration
{
    public static IServiceCollection AddBinSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
        return services;
    }
}
