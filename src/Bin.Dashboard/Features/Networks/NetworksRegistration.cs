using Bin.Dashboard.Features.Map;

namespace Bin.Dashboard.Features.Networks;

public static class NetworksRegistration
{
    public static IServiceCollection AddBinNetworks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
