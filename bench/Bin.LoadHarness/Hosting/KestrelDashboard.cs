using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bin.LoadHarness.Hosting;

/// <summary>
/// The dashboard in this process on real Kestrel (a free port on 127.0.0.1), on its own fresh database from
/// <see cref="TestPostgres"/>. It runs as Production, logging warnings only; the only non-production settings
/// are the Lommel demo networks and one account per role (password <see cref="Password"/>, user name = role).
/// Kept in the harness rather than Bin.Testing so the test hosts stay as they are.
/// </summary>
internal sealed class KestrelDashboard(
    string connectionString,
    Action<IServiceCollection>? configureServices,
    IReadOnlyDictionary<string, string?>? settings) : WebApplicationFactory<Program>
{
    public const string Password = "bin-load";

    public string ConnectionString { get; } = connectionString;

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <param name="configureServices">Runs after the dashboard's own registrations (probes, a stand-in gateway).</param>
    /// <param name="settings">Configuration a scenario needs on top of the above (e.g. <c>Sms:MessagesPerSecond</c>);
    /// every scenario prints the ones it sets.</param>
    public static async Task<KestrelDashboard> StartAsync(Action<IServiceCollection>? configureServices, CancellationToken ct,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new KestrelDashboard(await TestPostgres.CreateDatabaseAsync("bin_load"), configureServices, settings);
        host.UseKestrel(0); // 0: Kestrel binds a free port; the factory then points ClientOptions.BaseAddress at it.
        host.StartServer();
        await host.CreateAccountsAsync(ct);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        // The factory looks for its content-root manifest in the working directory, which under `dotnet run`
        // is wherever the command was typed; the dashboard's folder is found from the solution instead.
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "Bin.Dashboard"));
        // Not published, so the pages' scripts and styles come from the build's static web assets manifest (the screens
        // scenario loads real pages; Production would otherwise look for them in wwwroot and answer 500).
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Bin", ConnectionString);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Map:TileUrl", "");
        // The harness signs in its five accounts with passwords from many clients of one address: no MFA enrolment,
        // no per-address sign-in limit, and plain data-protection keys on its throwaway database.
        builder.UseSetting("Auth:RequireMfaForRoles", "");
        builder.UseSetting("Auth:SignInPermitLimit", "1000000");
        builder.UseSetting("DataProtection:AllowUnencryptedKeys", "true");
        // appsettings.json says Information by default; a deployment would raise it, and console logging
        // of every sign-in would otherwise be part of what is measured.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (configureServices is not null) builder.ConfigureServices(configureServices);
    }

    /// <summary>
    /// Production does not seed the demo accounts, so the harness creates the same five through the
    /// dashboard's own account service: dispatcher, officer, chief, coordinator (Kerkplein) and admin.
    /// </summary>
    private async Task CreateAccountsAsync(CancellationToken ct)
    {
        var accounts = Services.GetRequiredService<AccountProvisioning>();
        foreach (var role in Roles.All)
        {
            Guid[] networks = role == Roles.Coordinator ? [NetworkSeed.KerkpleinId] : [];
            await accounts.CreateOrUpdateAsync(role, $"Load harness {role}", Password, [role], networks, ct);
        }
    }
}
