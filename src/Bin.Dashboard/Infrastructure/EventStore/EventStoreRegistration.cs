using Bin.Dashboard.Features.Networks;
using Bin.Domain.Networks;
using JasperFx;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO.Converters;

namespace Bin.Dashboard.Infrastructure.EventStore;

public static class EventStoreRegistration
{
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

        services.AddMarten(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EventStoreOptions>>().Value;
            var marten = new StoreOptions();
            marten.Connection(options.ConnectionString);
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
        }).ApplyAllDatabaseChangesOnStartup();
        services.AddSingleton<CommandPipeline>();

        return services;
    }
}
