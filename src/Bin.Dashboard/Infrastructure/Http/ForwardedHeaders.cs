using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy the client's address (for sign-in rate limits and logs) and scheme come from
/// X-Forwarded-For / X-Forwarded-Proto — trusted only from the addresses in <c>ForwardedHeaders:KnownProxies</c>
/// (comma-separated). Without any, the headers are ignored and the connection's address counts.
/// </summary>
public static class ForwardedHeadersRegistration
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddBinForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration[$"{Section}:KnownProxies"] ?? "";
        var proxies = new List<IPAddress>();
        foreach (var entry in configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            proxies.Add(IPAddress.TryParse(entry, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{entry}' is not an IP address."));

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With no known proxy and no known network ASP.NET Core would trust every peer: then forward nothing.
            o.ForwardedHeaders = proxies.Count == 0
                ? Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None
                : Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            o.ForwardLimit = 1;
        });
        return services;
    }
}
