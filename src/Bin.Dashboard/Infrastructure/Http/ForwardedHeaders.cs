using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy the client's address (for sign-in rate limits and logs) and scheme come from
/// X-Forwarded-For / X-Forwarded-Proto — trusted only from the addresses in <c>ForwardedHeaders:KnownProxies</c>
/// and the networks (CIDR) in <c>ForwardedHeaders:KnownNetworks</c> (each comma-separated). Without any, the
/// headers are ignored and the connection's address counts: anyone else could claim any address.
/// </summary>
public static class ForwardedHeadersRegistration
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddBinForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var entry in Entries(configuration, "KnownProxies"))
            proxies.Add(IPAddress.TryParse(entry, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{entry}' is not an IP address."));
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in Entries(configuration, "KnownNetworks"))
            networks.Add(System.Net.IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{entry}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With no known proxy and no known network ASP.NET Core would trust every peer: then forward nothing.
            o.ForwardedHeaders = proxies.Count == 0 && networks.Count == 0
                ? Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None
                : Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            o.ForwardLimit = 1;
        });
        return services;
    }

    // Both a comma-separated value and an indexed list (ForwardedHeaders__KnownNetworks__0) are accepted.
    private static IEnumerable<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
