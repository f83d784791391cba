using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// Creates the demo accounts in Development (never elsewhere, whatever the configuration says), and on any
/// environment an initial admin when a bootstrap password is given and no admin exists yet.
/// </summary>
internal sealed class AccountSeeder(
    AccountProvisioning accounts,
    Marten.IDocumentStore store,
    IOptions<AuthOptions> options,
    IHostEnvironment environment,
    ILogger<AccountSeeder> logger) : IHostedService
{
    public const string DemoPassword = "bin-demo";

    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.SeedDemoAccounts && environment.IsDevelopment())
        {
            await using var session = store.QuerySession();
            foreach (var (name, display, role) in DemoAccounts)
            {
                if (await session.LoadAsync<UserAccount>(name, ct) is not null) continue;
                Guid[] networks = role == Roles.Coordinator ? [Features.Networks.NetworkSeed.KerkpleinId] : [];
                await accounts.CreateOrUpdateAsync(name, display, DemoPassword, [role], networks, ct);
                logger.LogInformation("Demo account {Account} created", name);
            }
        }
        else if (options.Value.SeedDemoAccounts)
        {
            logger.LogWarning("Auth:SeedDemoAccounts is ignored outside Development");
        }

        if (!string.IsNullOrEmpty(options.Value.BootstrapAdminPassword))
        {
            await using var session = store.QuerySession();
            if (await session.LoadAsync<UserAccount>("admin", ct) is null)
            {
                await accounts.CreateOrUpdateAsync("admin", "Administrator", options.Value.BootstrapAdminPassword, [Roles.Admin], [], ct);
                logger.LogInformation("Bootstrap admin account created");
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static readonly (string Name, string Display, string Role)[] DemoAccounts =
    [
        ("dispatcher", "Demo dispatcher", Roles.Dispatcher),
        ("officer", "Demo officer", Roles.Officer),
        ("chief", "Demo korpschef", Roles.Chief),
        ("coordinator", "Demo BIN coordinator (Kerkplein)", Roles.Coordinator),
        ("admin", "Demo administrator", Roles.Admin),
    ];
}
