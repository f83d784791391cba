using Bin.Dashboard.Features.Map;

namespace Bin.Dashboard.Features.Networks;

public static class NetworksRegistration
{
    public static IServiceCollection AddBinNetworks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZoneOptions>().Bind(configuration.GetSection(ZoneOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ZoneOptions>>().Value.ToServiceArea());
        services.AddSingleton<NetworkDirectory>();
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
