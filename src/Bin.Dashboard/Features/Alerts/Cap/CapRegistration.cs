namespace Bin.Dashboard.Features.Alerts.Cap;

public static class CapRegistration
{
    public static IServiceCollection AddBinCap(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CapOptions>().Bind(configuration.GetSection(CapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CapExport>();
        return services;
    }
}
