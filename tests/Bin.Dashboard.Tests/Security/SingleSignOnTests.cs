using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bin.Dashboard.Tests.Security;

/// <summary>The dashboard configured for single sign-on against a fake provider on loopback.</summary>
public sealed class SingleSignOnFixture : IAsyncLifetime
{
    public FakeOidcProvider Provider { get; private set; } = null!;
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await FakeOidcProvider.StartAsync();
        App = await BinAppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = Provider.Issuer,
            ["Auth:Oidc:ClientId"] = FakeOidcProvider.ClientId,
            ["Auth:Oidc:ClientSecret"] = FakeOidcProvider.ClientSecret,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Auth:Oidc:GroupMappings:0:Group"] = "bin-officers",
            ["Auth:Oidc:GroupMappings:0:Role"] = "officer",
            ["Auth:Oidc:GroupMappings:1:Group"] = "/bin/kerkplein",
            ["Auth:Oidc:GroupMappings:1:NetworkIds:0"] = NetworkSeed.KerkpleinId.ToString(),
            ["Auth:Oidc:GroupMappings:2:Group"] = "bin-chiefs",
            ["Auth:Oidc:GroupMappings:2:Role"] = "chief",
        });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public class SingleSignOnTests(SingleSignOnFixture sso) : IClassFixture<SingleSignOnFixture>
{
    /// <summary>The browser's round trip: dashboard → provider → dashboard's callback → signed in with the dashboard's cookie.</summary>
    private async Task<(HttpClient Dashboard, HttpResponseMessage Callback)> SignInAsync(string user, params string[] groups)
    {
        sso.Provider.Next = (user, groups);
        var dashboard = sso.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var challenge = await dashboard.GetAsync("/account/sso?returnUrl=/api/networks");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith($"{sso.Provider.Issuer}/authorize", challenge.Headers.Location!.ToString());
        using var browserAtProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browserAtProvider.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = await dashboard.GetAsync(back.Headers.Location!.PathAndQuery);
        return (dashboard, callback);
    }

    private static async Task<List<Guid>> NetworksAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/networks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var features = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features").EnumerateArray();
        return features.Select(f => f.GetProperty("properties").GetProperty("id").GetGuid()).ToList();
    }

    [Fact]
    public async Task A_provider_group_mapped_to_officer_signs_in_with_the_dashboards_cookie_as_an_officer_of_the_whole_zone()
    {
        var (dashboard, callback) = await SignInAsync("an.officer@zone.example", "bin-officers", "unrelated-group");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/api/networks", callback.Headers.Location!.OriginalString);
        Assert.Contains(callback.Headers.GetValues("Set-Cookie"), c => c.StartsWith("bin.auth=", StringComparison.Ordinal));
        Assert.Equal(7, (await NetworksAsync(dashboard)).Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await dashboard.GetAsync("/api/history/state?at=2026-01-01T00:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task A_network_group_makes_a_coordinator_who_sees_only_that_network()
    {
        var (dashboard, callback) = await SignInAsync("buurt.kerkplein@zone.example", "/bin/kerkplein");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal([NetworkSeed.KerkpleinId], await NetworksAsync(dashboard));
        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync($"/api/networks/{NetworkSeed.KerkpleinId}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dashboard.GetAsync("/api/history/state?at=2026-01-01T00:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task A_chiefs_group_opens_the_chiefs_pages()
    {
        var (dashboard, _) = await SignInAsync("de.korpschef@zone.example", "bin-chiefs");

        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("/api/history/state?at=2026-01-01T00:00:00Z")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dashboard.PostAsJsonAsync("/api/incidents", new { })).StatusCode);
    }

    [Fact]
    public async Task A_user_in_no_mapped_group_is_refused_and_told_so_on_the_sign_in_page()
    {
        var (dashboard, callback) = await SignInAsync("a.stranger@zone.example", "everyone");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/login?error=sso", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dashboard.GetAsync("/api/networks")).StatusCode);
    }

    [Fact]
    public async Task A_single_sign_on_session_ends_when_an_admin_disables_the_account_it_was_given()
    {
        var (dashboard, _) = await SignInAsync("to.disable@zone.example", "bin-officers");
        Assert.Equal(7, (await NetworksAsync(dashboard)).Count);

        var admin = await sso.App.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/accounts/to.disable@zone.example", new { disabled = true })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await dashboard.GetAsync("/api/networks")).StatusCode);
        var (_, again) = await SignInAsync("to.disable@zone.example", "bin-officers");
        Assert.Equal("/login?error=sso", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_provider_user_named_like_a_local_account_does_not_take_it_over()
    {
        var (dashboard, callback) = await SignInAsync("admin", "bin-officers");

        Assert.Equal("/login?error=sso", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dashboard.GetAsync("/api/networks")).StatusCode);
    }

    [Fact]
    public async Task A_change_of_groups_at_the_provider_changes_the_rights_at_the_next_sign_in_and_ends_the_older_session()
    {
        var (first, _) = await SignInAsync("moves.on@zone.example", "bin-officers");
        Assert.Equal(7, (await NetworksAsync(first)).Count);

        var (second, _) = await SignInAsync("moves.on@zone.example", "/bin/kerkplein");

        Assert.Equal([NetworkSeed.KerkpleinId], await NetworksAsync(second));
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/networks")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_offers_single_sign_on_beside_the_local_form()
    {
        var html = await sso.App.CreateClient().GetStringAsync("/login");

        Assert.Contains("data-testid=\"sso-sign-in\"", html);
        Assert.Contains("action=\"/account/login\"", html);
    }

    [Fact]
    public void Groups_map_to_roles_and_networks_and_unmapped_users_get_nothing()
    {
        var options = new OidcOptions
        {
            Authority = "https://sso.example",
            GroupMappings =
            [
                new() { Group = "officers", Role = "officer" },
                new() { Group = "k", NetworkIds = [NetworkSeed.KerkpleinId] },
            ],
        };
        System.Security.Claims.ClaimsPrincipal External(params string[] groups) => new(new System.Security.Claims.ClaimsIdentity(
            [new("preferred_username", "u"), .. groups.Select(g => new System.Security.Claims.Claim("groups", g))], "ext"));

        var coordinator = OidcClaims.Map(External("k"), options)!;
        var both = OidcClaims.Map(External("officers", "k"), options)!;

        Assert.True(coordinator.IsInRole(Roles.Coordinator));
        Assert.Equal(new NetworkScope(false, new HashSet<Guid> { NetworkSeed.KerkpleinId }).Networks, NetworkScope.Of(coordinator).Networks);
        Assert.True(both.IsInRole(Roles.Officer));
        Assert.False(both.IsInRole(Roles.Coordinator));
        Assert.Null(OidcClaims.Map(External("other"), options));
        Assert.Equal("u", coordinator.Identity!.Name);
    }
}
