using Bin.Dashboard.Features.Networks;
using Bin.Domain.Networks;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO.Converters;
using Npgsql;

namespace Bin.Dashboard.Infrastructure.EventStore;

public static class EventStoreRegistration
{
    /// <summary>
    /// The key of the second data source, for connections that wait on an advisory lock whose holder still needs a
    /// connection of the main pool (sign-in attempts of one account, boundary changes): were the waiters in the main
    /// pool, forty parallel attempts would hold every connection and the one holding the lock could never finish.
    /// </summary>
    public const string LockWaiters = "lock-waiters";

    public static IServiceCollection AddBinEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventStoreOptions>()
            .Bind(configuration.GetSection(EventStoreOptions.Section))
            .Configure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.ConnectionString))
                    o.ConnectionString = configuration.GetConnectionString("Bin") ?? configuration["BIN_POSTGRES"] ?? "";
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // One pool for the node: Marten and every store that writes SQL of its own open their connections here.
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<EventStoreOptions>>().Value.ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        services.AddKeyedSingleton(LockWaiters, (sp, _) => new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<EventStoreOptions>>().Value.ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());

        services.AddMarten(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EventStoreOptions>>().Value;
            var marten = new StoreOptions();
            marten.DatabaseSchemaName = options.Schema;
            marten.UseSystemTextJsonForSerialization(configure: json => json.Converters.Add(new GeoJsonConverterFactory()));
            // The schema is created or migrated at start-up: a fresh database needs no manual step.
            marten.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            marten.Events.MetadataConfig.UserNameEnabled = true;
            marten.Events.MetadataConfig.CorrelationIdEnabled = true;

            marten.Events.AddEventType<NetworkRegistered>();
            marten.Events.AddEventType<NetworkBoundaryChanged>();

            marten.Projections.Add<NetworkViewProjection>(ProjectionLifecycle.Inline);
            return marten;
        }).UseNpgsqlDataSource().ApplyAllDatabaseChangesOnStartup();
        services.AddSingleton<CommandPipeline>();

        return services;
    }
}
