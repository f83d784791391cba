using Marten;

namespace Bin.Dashboard.Features.Addresses;

public static class AddressesRegistration
{
    /// <summary>Address search (local index, optionally the registry's online service), its import and the demo set.</summary>
    public static IServiceCollection AddBinAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AddressOptions>().Bind(configuration.GetSection(AddressOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LocalAddressIndex>();
        services.AddHttpClient(RegistryOnlineSource.HttpClientName);
        // The order of the sources is the order of the results: the zone's own index first.
        services.AddSingleton<IAddressSource>(sp => sp.GetRequiredService<LocalAddressIndex>());
        services.AddSingleton<IAddressSource, RegistryOnlineSource>();
        services.AddSingleton<AddressLookup>();
        services.AddSingleton<AddressSearchLimiter>();
        services.AddScoped<IAddressFinder, CircuitAddressFinder>();
        services.AddSingleton<ImportAddresses>();
        services.AddHostedService<AddressSeed>();
        services.ConfigureMarten(o =>
        {
            foreach (var schemaObject in AddressTable.Define(o.DatabaseSchemaName))
                o.Storage.ExtendedSchemaObjects.Add(schemaObject);
        });
        return services;
    }
}
