using System.Globalization;
using Bin.Dashboard.Features.Accounts;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Accounts;

/// <summary>The admin's account page and its forms, rendered with bUnit over the real account commands of a test host.</summary>
public class AccountsPageTests : BunitContext, IClassFixture<HostFixture>
{
    private readonly HostFixture _host;
    private readonly IServiceScope _scope;
    private static readonly IReadOnlyList<(Guid, string)> Networks = [(NetworkSeed.KerkpleinId, "Kerkplein")];

    public AccountsPageTests(HostFixture host)
    {
        _host = host;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        _scope = host.App.Services.CreateScope();
        Services.AddSingleton(_scope.ServiceProvider.GetRequiredService<AccountCommands>());
        Services.AddSingleton(host.App.Service<IDocumentStore>());
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(Roles.Admin);
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "admin"));
    }

    protected override void Dispose(bool disposing)
    {
        _scope.Dispose();
        base.Dispose(disposing);
    }

    private static string? ErrorFor(IRenderedComponent<AccountForm> form, string field) =>
        form.FindAll($".field-error[data-field='{field}']").SingleOrDefault()?.TextContent;

    private async Task<bool> ExistsAsync(string name) =>
        await _scope.ServiceProvider.GetRequiredService<AccountCommands>().LoadAsync(name, default) is not null;

    [Fact]
    public void An_empty_form_names_the_user_name_first_in_Dutch()
    {
        var form = Render<AccountForm>(p => p.Add(f => f.Networks, Networks));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Gebruikersnaam is verplicht.", ErrorFor(form, "userName")));
    }

    [Theory]
    [InlineData("bad name", "Agent", "dispatcher", "a long enough passphrase", "userName", "Gebruikersnaam: alleen letters")]
    [InlineData("{name}", "", "dispatcher", "a long enough passphrase", "displayName", "Naam is verplicht.")]
    [InlineData("{name}", "Agent", null, "a long enough passphrase", "roles", "Kies minstens één rol.")]
    [InlineData("{name}", "Agent", "dispatcher", "short", "password", "Wachtwoord: minstens 12 tekens.")]
    [InlineData("{name}", "Agent", "dispatcher", "I am {name} ok", "password", "Het wachtwoord mag de gebruikersnaam niet bevatten.")]
    public async Task Each_bad_field_is_named_in_Dutch_and_nothing_is_saved(string userName, string displayName, string? role, string password, string field, string message)
    {
        var name = "pg-" + Guid.NewGuid().ToString("N")[..10];
        var form = Render<AccountForm>(p => p.Add(f => f.Networks, Networks));
        form.Find("[data-testid=account-username]").Change(userName.Replace("{name}", name));
        form.Find("[data-testid=account-displayname]").Change(displayName);
        if (role is not null) form.Find($"[data-testid=account-role-{role}]").Change(true);
        form.Find("[data-testid=account-password]").Change(password.Replace("{name}", name));

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.StartsWith(message, ErrorFor(form, field)));
        Assert.False(await ExistsAsync(name));
    }

    [Fact]
    public async Task A_coordinator_is_created_with_the_network_ticked_and_a_taken_name_is_refused()
    {
        var name = "pg-" + Guid.NewGuid().ToString("N")[..10];
        var created = 0;
        var form = Render<AccountForm>(p => p.Add(f => f.Networks, Networks).Add(f => f.OnCreated, () => created++));
        void Fill()
        {
            form.Find("[data-testid=account-username]").Change(name);
            form.Find("[data-testid=account-displayname]").Change("Coördinator Kerkplein");
            form.Find("[data-testid=account-role-coordinator]").Change(true);
            // The networks appear once the coordinator role is ticked: wait for that render rather than assume it.
            form.WaitForElement($"[data-testid=account-network-{NetworkSeed.KerkpleinId}]").Change(true);
            form.Find("[data-testid=account-password]").Change("een lange wachtzin hier");
        }

        Fill();
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=account-created]")));
        // The create handler is done only when the button is enabled again; filling earlier races its last render.
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=account-create]").HasAttribute("disabled")));
        Fill();
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal("Er bestaat al een account met deze gebruikersnaam.", ErrorFor(form, "userName")));
        Assert.Equal(1, created);
        var account = await _scope.ServiceProvider.GetRequiredService<AccountCommands>().LoadAsync(name, default);
        Assert.Equal([NetworkSeed.KerkpleinId], account!.NetworkIds);
    }

    [Fact]
    public async Task The_page_lists_accounts_and_disabling_one_is_recorded_in_the_changes()
    {
        var name = "pg-" + Guid.NewGuid().ToString("N")[..10];
        await _host.App.Service<AccountProvisioning>().CreateOrUpdateAsync(name, "Agent", "a long enough passphrase", [Roles.Dispatcher], [], default);
        var page = Render<AccountsPage>();
        var row = page.WaitForElement($"[data-testid=account-row-{name}]");

        row.QuerySelector("[data-testid=row-toggle-disabled]")!.Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-testid=account-row-{name}] [data-testid=row-disabled]")));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=account-changes] tr"), r => r.TextContent.Contains(name) && r.TextContent.Contains("disabled")));
        Assert.True((await _scope.ServiceProvider.GetRequiredService<AccountCommands>().LoadAsync(name, default))!.Disabled);
    }

    [Fact]
    public void Setting_a_short_password_on_a_row_is_refused_in_Dutch()
    {
        var page = Render<AccountsPage>();
        var row = page.WaitForElement("[data-testid=account-row-dispatcher]");

        row.QuerySelector("[data-testid=row-password]")!.Change("kort");
        row.QuerySelector("[data-testid=row-set-password]")!.Click();

        page.WaitForAssertion(() => Assert.Equal("Wachtwoord: minstens 12 tekens.",
            page.Find("[data-testid=account-row-dispatcher] .field-error[data-field='password']").TextContent));
    }
}
