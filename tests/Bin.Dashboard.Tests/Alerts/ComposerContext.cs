using System.Globalization;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Testing;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Alerts;

/// <summary>
/// A bUnit context for the alert composer on a real host's services (alerts, budget, networks, the live feed),
/// signed in as an officer, in Dutch unless a test chooses otherwise.
/// </summary>
public abstract class ComposerContext : BunitContext
{
    protected ComposerContext(BinAppFactory app)
    {
        App = app;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Services.AddSingleton(app.Service<AlertCommands>());
        Services.AddSingleton(app.Service<AlertBudget>());
        Services.AddSingleton(app.Service<NetworkDirectory>());
        Services.AddSingleton(app.Service<IDocumentStore>());
        Services.AddSingleton(app.Service<LiveFeed>());
        var auth = AddAuthorization();
        auth.SetAuthorized("officer");
        auth.SetRoles(Roles.Officer);
    }

    protected BinAppFactory App { get; }

    /// <summary>A new burglary reported through the API, as the composer gets it.</summary>
    protected async Task<IncidentView> IncidentAsync()
    {
        var id = await new AlertScenario(App).IncidentAsync();
        await using var session = App.Service<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<IncidentView>(id))!;
    }
}
