using Microsoft.AspNetCore.HttpOverrides;

namespace Bin.Dashboard.Infrastructure.Hosting;

public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Networks (CIDR) of the reverse proxies whose X-Forwarded-For / -Proto are believed. Without them every
    /// browser behind the proxy would share the proxy's address (one rate limit for the whole zone) and its scheme.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>Behind a reverse proxy: the client's address and scheme from the proxy's headers, from known proxies only
/// (anyone else could claim any address). Loopback is always trusted, for a proxy on the same machine.</summary>
public static class ProxyRegistration
{
    public static IServiceCollection AddBinProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var text in proxy.KnownNetworks)
            networks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"Proxy:KnownNetworks: '{text}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }
}
