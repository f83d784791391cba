using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Accounts;

/// <summary>/api/accounts on a real PostgreSQL: what admins may do, and every bad input refused naming its field.</summary>
public class AccountApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string GoodPassword = "a long enough passphrase";

    private async Task<HttpClient> AdminAsync() => await host.App.ClientForAsync("admin");

    private static string NewName() => "acc-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<bool> ExistsAsync(string name)
    {
        var list = await (await (await AdminAsync()).GetAsync("/api/accounts")).JsonAsync();
        return list.EnumerateArray().Any(a => a.GetProperty("userName").GetString() == name);
    }

    [Fact]
    public async Task An_admin_creates_an_officer_who_can_then_sign_in()
    {
        var name = NewName();

        var response = await (await AdminAsync()).PostAsJsonAsync("/api/accounts",
            new { userName = name, displayName = "Inspecteur Peeters", roles = new[] { "officer" }, networkIds = Array.Empty<Guid>(), password = GoodPassword });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/accounts/{name}", response.Headers.Location!.OriginalString);
        var body = await response.JsonAsync();
        Assert.Equal("officer", body.GetProperty("roles")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.App.TokenAsync(name, GoodPassword)).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_created_with_a_network_is_that_networks_coordinator_and_reads_its_members()
    {
        var name = NewName();
        var kerkplein = NetworkSeed.KerkpleinId;

        var response = await (await AdminAsync()).PostAsJsonAsync("/api/accounts",
            new { userName = name, displayName = "Coördinator", roles = new[] { "coordinator" }, networkIds = new[] { kerkplein }, password = GoodPassword });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var network = await (await (await AdminAsync()).GetAsync($"/api/networks/{kerkplein}")).JsonAsync();
        Assert.Contains(network.GetProperty("coordinators").EnumerateArray(), c => c.GetString() == name);
        var coordinator = await host.App.BearerAsync(name, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/networks/{kerkplein}/members")).StatusCode);
    }

    public static TheoryData<string, string> BadNewAccounts => new()
    {
        { """{ "displayName": "X", "roles": ["officer"], "password": "a long enough passphrase" }""", "userName" },
        { """{ "userName": "with space", "displayName": "X", "roles": ["officer"], "password": "a long enough passphrase" }""", "userName" },
        { """{ "userName": "{name}", "roles": ["officer"], "password": "a long enough passphrase" }""", "displayName" },
        { """{ "userName": "{name}", "displayName": "X", "roles": [], "password": "a long enough passphrase" }""", "roles" },
        { """{ "userName": "{name}", "displayName": "X", "roles": ["sheriff"], "password": "a long enough passphrase" }""", "roles" },
        { """{ "userName": "{name}", "displayName": "X", "roles": "officer", "password": "a long enough passphrase" }""", "roles" },
        { """{ "userName": "{name}", "displayName": "X", "roles": ["coordinator"], "networkIds": ["6d1f9a51-0000-0000-0000-000000000000"], "password": "a long enough passphrase" }""", "networkIds" },
        { """{ "userName": "{name}", "displayName": "X", "roles": ["coordinator"], "networkIds": ["not-a-guid"], "password": "a long enough passphrase" }""", "networkIds" },
        { """{ "userName": "{name}", "displayName": "X", "roles": ["officer"], "password": "short" }""", "password" },
        { """{ "userName": "{name}", "displayName": "X", "roles": ["officer"] }""", "password" },
        { """{ "userName": "{name}", "displayName": "X", "roles": ["officer"], "password": "my name is {name}!" }""", "password" },
        { """[ "not an object" ]""", "body" },
        { """{ "userName": """, "body" },
    };

    [Theory]
    [MemberData(nameof(BadNewAccounts))]
    public async Task A_bad_new_account_gets_400_naming_the_field_and_nothing_is_created(string json, string field)
    {
        var name = NewName();

        var response = await (await AdminAsync()).PostAsync("/api/accounts", new StringContent(json.Replace("{name}", name), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
        Assert.False(await ExistsAsync(name));
    }

    [Fact]
    public async Task Twenty_parallel_creations_of_one_name_make_one_account_and_nineteen_409s()
    {
        var name = NewName();
        var admin = await AdminAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => admin.PostAsJsonAsync("/api/accounts",
            new { userName = name, displayName = "Twin", roles = new[] { "dispatcher" }, password = GoodPassword })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("officer")]
    [InlineData("chief")]
    [InlineData("coordinator")]
    public async Task Only_admins_manage_accounts(string user)
    {
        var client = await host.App.ClientForAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/accounts",
            new { userName = NewName(), displayName = "X", roles = new[] { "admin" }, password = GoodPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.App.Anonymous().GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task A_change_is_recorded_with_who_and_what_and_unknown_roles_or_accounts_are_refused()
    {
        var name = NewName();
        var admin = await AdminAsync();
        await admin.PostAsJsonAsync("/api/accounts", new { userName = name, displayName = "Agent", roles = new[] { "dispatcher" }, password = GoodPassword });

        var changed = await admin.PutAsJsonAsync($"/api/accounts/{name}", new { roles = new[] { "dispatcher", "officer" }, displayName = "Agent Claes" });
        var unknownRole = await admin.PutAsJsonAsync($"/api/accounts/{name}", new { roles = new[] { "janitor" } });
        var unknownAccount = await admin.PutAsJsonAsync($"/api/accounts/nobody-{Guid.NewGuid():N}"[..30], new { displayName = "Y" });
        var badDisabled = await admin.PutAsJsonAsync($"/api/accounts/{name}", new { disabled = "yes" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Agent Claes", (await changed.JsonAsync()).GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.True((await unknownRole.JsonAsync()).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownAccount.StatusCode);
        Assert.True((await badDisabled.JsonAsync()).GetProperty("errors").TryGetProperty("disabled", out _));
        var changes = await (await admin.GetAsync("/api/accounts/changes")).JsonAsync();
        var mine = changes.EnumerateArray().Where(c => c.GetProperty("account").GetString() == name).ToList();
        Assert.Contains(mine, c => c.GetProperty("by").GetString() == "admin" && c.GetProperty("what").EnumerateArray().Any(w => w.GetString()!.StartsWith("roles: dispatcher → dispatcher, officer")));
        Assert.Contains(mine, c => c.GetProperty("what").EnumerateArray().Any(w => w.GetString()!.StartsWith("created")));
        Assert.Equal(2, mine.Count);
    }

    [Fact]
    public async Task An_admin_cannot_take_away_their_own_admin_role()
    {
        var response = await (await AdminAsync()).PutAsJsonAsync("/api/accounts/admin", new { roles = new[] { "chief" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("roles", out _));
    }

    [Fact]
    public async Task A_password_set_by_an_admin_must_be_changed_at_the_next_sign_in()
    {
        var name = NewName();
        var admin = await AdminAsync();
        await admin.PostAsJsonAsync("/api/accounts", new { userName = name, displayName = "Agent", roles = new[] { "dispatcher" }, password = GoodPassword });

        var tooShort = await admin.PostAsJsonAsync($"/api/accounts/{name}/password", new { password = "tiny" });
        var set = await admin.PostAsJsonAsync($"/api/accounts/{name}/password", new { password = "temporary passphrase 1" });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.App.TokenAsync(name, GoodPassword)).StatusCode);
        var user = await host.App.BearerAsync(name, "temporary passphrase 1");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/networks")).StatusCode);
        Assert.Equal("password", (await (await user.GetAsync("/api/account")).JsonAsync()).GetProperty("pending").GetString());

        var wrongCurrent = await user.PostAsJsonAsync("/api/account/password", new { currentPassword = "guess guess guess", newPassword = "my own passphrase 2" });
        var containsName = await user.PostAsJsonAsync("/api/account/password", new { currentPassword = "temporary passphrase 1", newPassword = $"x{name}x-long-enough" });
        var changed = await user.PostAsJsonAsync("/api/account/password", new { currentPassword = "temporary passphrase 1", newPassword = "my own passphrase 2" });

        Assert.True((await wrongCurrent.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.True((await containsName.JsonAsync()).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var again = await host.App.BearerAsync(name, "my own passphrase 2");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/networks")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_enabling_it_again_restores_it()
    {
        var name = NewName();
        var admin = await AdminAsync();
        await admin.PostAsJsonAsync("/api/accounts", new { userName = name, displayName = "Agent", roles = new[] { "chief" }, password = GoodPassword });

        await admin.PutAsJsonAsync($"/api/accounts/{name}", new { disabled = true });
        var refused = await host.App.TokenAsync(name, GoodPassword);
        await admin.PutAsJsonAsync($"/api/accounts/{name}", new { disabled = false });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("disabled", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.App.TokenAsync(name, GoodPassword)).StatusCode);
    }
}
