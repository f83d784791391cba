using System.Net;
using System.Net.Http.Json;
using Bin.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bin.Dashboard.Tests.Auth;

public class SignInTests(HostFixture host) : IClassFixture<HostFixture>
{
    private HttpClient Anonymous() => host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/api/networks")]
    [InlineData("/hubs/live/negotiate?negotiateVersion=1")]
    public async Task Anonymous_requests_to_the_api_and_hub_get_401(string path)
    {
        var response = path.Contains("negotiate") ? await Anonymous().PostAsync(path, null) : await Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_pages_redirect_to_the_sign_in_page()
    {
        var response = await Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_as_problem_json()
    {
        var response = await Anonymous().PostAsJsonAsync("/api/auth/token", new { username = "officer", password = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bearer_token_from_the_token_endpoint_opens_the_api()
    {
        var client = await host.App.ClientForAsync("officer");

        var response = await client.GetAsync("/api/networks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_invalid_bearer_token_gets_401()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/networks")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var client = Anonymous();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = $"guess-{i}" });

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "bin-demo" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sign_in_form_sets_a_cookie_that_opens_the_map_page()
    {
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "dispatcher", ["password"] = "bin-demo", ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_sign_in_and_ready_checks_postgres()
    {
        Assert.Equal(HttpStatusCode.OK, (await Anonymous().GetAsync("/health/live")).StatusCode);
        var ready = await Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        // JSON naming each check (docs/operations.md), PostgreSQL among them.
        var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
    }
}
