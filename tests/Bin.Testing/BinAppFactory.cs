using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bin.Testing;

/// <summary>
/// A dashboard host on its own fresh database, with the demo accounts and networks seeded (Development).
/// Two factories given the same connection string are two nodes of one installation.
/// </summary>
public class BinAppFactory(string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public string ConnectionString { get; } = connectionString;

    public static async Task<BinAppFactory> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var factory = new BinAppFactory(await TestPostgres.CreateDatabaseAsync(), settings);
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("ConnectionStrings:Bin", ConnectionString);
        builder.UseSetting("Auth:SeedDemoAccounts", "true");
        builder.UseSetting("Seed:DemoData", "true");
        // No demo history: tests build the history they need (appsettings.Development.json asks for 90 days).
        builder.UseSetting("Seed:HistoryDays", "0");
        builder.UseSetting("Map:TileUrl", "");
        // Webhooks are signed with this token in tests; messages go out as fast as the simulator takes them.
        builder.UseSetting("Sms:Twilio:AuthToken", TwilioSigner.TestAuthToken);
        builder.UseSetting("Sms:PublicBaseUrl", TwilioSigner.TestPublicBaseUrl);
        builder.UseSetting("Sms:MessagesPerSecond", "0");
        // Test classes sign in many times from one (test server) address; the sign-in limit has its own tests.
        builder.UseSetting("Auth:SignInPermitLimit", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>An API client signed in with a bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string user, string password = "bin-demo")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(user, password));
        return client;
    }

    public async Task<string> TokenForAsync(string user, string password = "bin-demo")
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = user, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    /// <summary>A SignalR client of /hubs/live through the test server, signed in as <paramref name="user"/>.</summary>
    public async Task<HubConnection> HubForAsync(string user)
    {
        var token = await TokenForAsync(user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "/hubs/live"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory()))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    private sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn);
}
