using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Infrastructure.Hosting;

public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>How long the background services (SMS sender, inbound processor, live feed, Quartz) get to finish on
    /// SIGTERM before the process exits anyway. Under a container's stop grace period (10 s by default).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(7);
}

/// <summary>
/// A stop that finishes: on SIGTERM the host cancels every background service and waits at most
/// <see cref="ShutdownOptions.Timeout"/>. What a service has not finished by then is safe to leave: an SMS claimed
/// but not recorded stays 'sending' and is recovered by another node (asking the gateway first); an inbound SMS not
/// recorded stays in the inbox; Quartz's clustered store hands an interrupted job to another node.
/// </summary>
public static class ShutdownRegistration
{
    public static IServiceCollection AddBinShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var timeout = (configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions()).Timeout;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
        return services;
    }
}
