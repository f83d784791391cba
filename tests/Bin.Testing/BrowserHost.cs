using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Testing;

/// <summary>
/// The dashboard on a real Kestrel listening on a free loopback port, for browsers: same fresh database and
/// demo seed as <see cref="BinAppFactory.StartAsync"/>. <see cref="App"/> still gives services and API clients.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    private BrowserHost(BinAppFactory app, Uri baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public BinAppFactory App { get; }

    /// <summary>Where the browser goes, e.g. <c>http://127.0.0.1:41234/</c> (always ends with a slash).</summary>
    public Uri BaseUrl { get; }

    public static async Task<BrowserHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        Start(await TestPostgres.CreateDatabaseAsync(), settings, services);

    /// <summary>A node on an existing database: two hosts on one connection string are two nodes of one installation.</summary>
    public static BrowserHost Start(string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = new BinAppFactory(connectionString, settings, services);
        // Port 0: Kestrel picks a free one, so parallel test runs never collide.
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new BrowserHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
