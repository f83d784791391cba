using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Marten;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Accounts;

/// <summary>
/// Rights taken away end every kind of session within 60 s (here the revalidation interval is 1 s): cookies, bearer
/// tokens, refresh tokens, open Blazor circuits and hub connections.
/// </summary>
public class RevocationTests(FastRevalidationHost host) : IClassFixture<FastRevalidationHost>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;

    private async Task<HttpClient> AdminAsync() => await host.App.ClientForAsync("admin");

    [Fact]
    public async Task Removing_a_coordinator_from_a_network_ends_their_bearer_token()
    {
        var name = await host.App.NewAccountAsync("coord", Roles.Coordinator);
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/networks/{Kerkplein}/coordinators", new { accountId = name })).StatusCode);
        var coordinator = await host.App.BearerAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/networks/{Kerkplein}/members")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/networks/{Kerkplein}/coordinators/{name}")).StatusCode);

        Assert.True(await AccountTestSupport.EventuallyAsync(async () =>
            (await coordinator.GetAsync($"/api/networks/{Kerkplein}/members")).StatusCode == HttpStatusCode.Unauthorized, Within));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_cookie_session()
    {
        var name = await host.App.NewAccountAsync("cookie", Roles.Dispatcher);
        var browser = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = name, ["password"] = AccountTestSupport.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/networks")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await (await AdminAsync()).PutAsJsonAsync($"/api/accounts/{name}", new { disabled = true })).StatusCode);

        Assert.True(await AccountTestSupport.EventuallyAsync(async () =>
            (await browser.GetAsync("/api/networks")).StatusCode == HttpStatusCode.Unauthorized, Within));
        var map = await browser.GetAsync("/");
        Assert.StartsWith("/login", map.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_refresh_token_rotates_on_use_and_dies_when_the_account_is_signed_out_everywhere()
    {
        var name = await host.App.NewAccountAsync("refresh", Roles.Chief);
        var first = await (await host.App.TokenAsync(name)).JsonAsync();
        var refreshToken = first.GetProperty("refreshToken").GetString();
        Assert.InRange(first.GetProperty("expiresIn").GetInt64(), 1, 15 * 60);

        var renewed = await host.App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        var reused = await host.App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        var next = (await renewed.JsonAsync()).GetProperty("refreshToken").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await (await AdminAsync()).DeleteAsync($"/api/accounts/{name}/sessions")).StatusCode);

        var afterSignOut = await host.App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = next });
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);
    }

    [Fact]
    public async Task Parallel_use_of_one_refresh_token_renews_once()
    {
        var name = await host.App.NewAccountAsync("refpar", Roles.Chief);
        var refreshToken = (await (await host.App.TokenAsync(name)).JsonAsync()).GetProperty("refreshToken").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_forged_refresh_token_or_none_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "forged" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.App.Anonymous().PostAsJsonAsync("/api/auth/refresh", new { })).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_closes_an_open_hub_connection()
    {
        var name = await host.App.NewAccountAsync("hub", Roles.Dispatcher);
        var token = (await (await host.App.TokenAsync(name)).JsonAsync()).GetProperty("accessToken").GetString();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.App.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.HttpMessageHandlerFactory = _ => host.App.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            })
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await (await AdminAsync()).DeleteAsync($"/api/accounts/{name}/sessions")).StatusCode);

        await closed.Task.WaitAsync(Within);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task An_open_circuit_loses_its_user_when_the_role_is_taken_away()
    {
        var name = await host.App.NewAccountAsync("circuit", Roles.Officer);
        UserAccount account;
        await using (var session = host.App.Service<IDocumentStore>().QuerySession())
            account = (await session.LoadAsync<UserAccount>(name))!;
        using var scope = host.App.Services.CreateScope();
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        var user = host.App.Service<BinPrincipals>().Create(account, BinPrincipals.CookieAuthenticationType);
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        provider.AuthenticationStateChanged += async state => signedOut.TrySetResult((await state).User);

        Assert.Equal(HttpStatusCode.OK, (await (await AdminAsync()).PutAsJsonAsync($"/api/accounts/{name}", new { roles = new[] { "dispatcher" } })).StatusCode);

        var after = await signedOut.Task.WaitAsync(Within);
        Assert.False(after.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task An_unchanged_account_keeps_its_bearer_token_through_revalidation()
    {
        var name = await host.App.NewAccountAsync("steady", Roles.Dispatcher);
        var client = await host.App.BearerAsync(name);
        var revalidator = host.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<HubRevalidator>().Single();
        await revalidator.RevalidateAsync(default);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/networks")).StatusCode);
    }
}
