using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bin.Dashboard.Tests.Security;

/// <summary>Headers every environment sends (the test host runs as Development), with a tile host configured.</summary>
public sealed class SecurityHeadersFixture : IAsyncLifetime
{
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BinAppFactory.StartAsync(new Dictionary<string, string?>
    {
        ["Map:TileUrl"] = "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class SecurityHeadersTests(SecurityHeadersFixture host) : IClassFixture<SecurityHeadersFixture>
{
    private HttpClient Anonymous() => host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/login")]
    [InlineData("/api/networks")]
    [InlineData("/health/live")]
    [InlineData("/app.css")]
    public async Task Every_response_carries_the_csp_nosniff_referrer_and_permissions_headers(string path)
    {
        var response = await Anonymous().GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotMatch(@"script-src[^;]*unsafe-inline", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("img-src 'self' data: https://*.tiles.example.org;", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"));
    }

    [Theory]
    [InlineData("/join")]
    [InlineData("/lid-worden")]
    public async Task Only_the_join_page_may_ask_for_the_location(string path)
    {
        var response = await Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("geolocation=(self)", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task The_only_inline_script_of_a_page_is_the_import_map_carrying_the_nonce_of_its_policy()
    {
        var response = await Anonymous().GetAsync("/login");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

        var inline = Regex.Matches(html, "<script(?![^>]*\\bsrc=)[^>]*>").Select(m => m.Value).ToList();

        var importMap = Assert.Single(inline);
        Assert.Contains("type=\"importmap\"", importMap);
        Assert.Contains($"nonce=\"{nonce}\"", importMap);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotMatch(" on[a-z]+=\"", html);
        Assert.NotEqual(nonce, Regex.Match(Header(await Anonymous().GetAsync("/login"), "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value);
    }

    [Fact]
    public async Task Development_sends_no_hsts_and_does_not_redirect_to_https()
    {
        var response = await Anonymous().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_cookie_carrying_post_from_another_site_is_refused_in_the_users_language_and_changes_nothing()
    {
        var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = JsonContent.Create(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "x" }) };
        request.Headers.Add("Cookie", "bin.auth=stolen-by-the-browser");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Accept-Language", "en");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("another website", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    public async Task A_cookie_carrying_post_from_the_dashboard_itself_passes_the_check(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Cookie", "bin.auth=not-a-valid-ticket");
        request.Headers.Add(header, value);

        var response = await Anonymous().SendAsync(request);

        // Past the check: the (invalid) cookie then signs nobody in.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_access_token_in_the_query_string_does_not_excuse_a_cross_site_api_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents?access_token=anything") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Cookie", "bin.auth=x");
        request.Headers.Add("Origin", "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_cross_site_websocket_upgrade_with_cookies_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_blazor?id=x");
        request.Headers.Add("Cookie", "bin.auth=x");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Upgrade", "websocket");
        request.Headers.Add("Connection", "Upgrade");

        Assert.Equal(HttpStatusCode.Forbidden, (await Anonymous().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Bearer_clients_and_signed_webhooks_from_anywhere_are_not_at_stake()
    {
        var officer = await host.App.ClientForAsync("officer");
        using var report = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = JsonContent.Create(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Via een koppeling" }) };
        report.Headers.Add("Origin", "https://integration.example");
        report.Headers.Add("Cookie", "unrelated=1");
        var webhookBody = new Dictionary<string, string> { ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = "+32470000001", ["To"] = "+32460000000", ["Body"] = "OK" };
        using var webhook = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new FormUrlEncodedContent(webhookBody) };
        webhook.Headers.Add("X-Twilio-Signature", TwilioSigner.Sign(TwilioSigner.TestPublicBaseUrl + "/sms/inbound", webhookBody));
        webhook.Headers.Add("Origin", "https://api.twilio.com");

        Assert.Equal(HttpStatusCode.Created, (await officer.SendAsync(report)).StatusCode);
        Assert.True((await Anonymous().SendAsync(webhook)).IsSuccessStatusCode);
    }

    [Fact]
    public void The_tile_source_is_the_templates_scheme_and_host_with_subdomains_as_a_wildcard()
    {
        Assert.Equal("https://tile.openstreetmap.org", SecurityHeaders.TileSource("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
        Assert.Equal("https://*.tile.example.be", SecurityHeaders.TileSource("https://{s}.tile.example.be/{z}/{x}/{y}.png?key=1"));
        Assert.Equal("http://localhost:8081", SecurityHeaders.TileSource("http://localhost:8081/{z}/{x}/{y}.png"));
        Assert.Null(SecurityHeaders.TileSource(""));
        Assert.Null(SecurityHeaders.TileSource("/tiles/{z}/{x}/{y}.png"));
        Assert.DoesNotContain("img-src 'self' data: ;", SecurityHeaders.ContentSecurityPolicy("n", ""));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");
}

/// <summary>The same dashboard as Production runs it (no demo accounts there), directly on HTTPS.</summary>
public sealed class ProductionFixture : IAsyncLifetime
{
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BinAppFactory.StartAsync(new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["https_port"] = "443",
        // What is tested here is transport; encrypted data-protection keys have their own tests (DataProtectionKeyTests).
        ["DataProtection:AllowUnencryptedKeys"] = "true",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class ProductionTransportTests(ProductionFixture host) : IClassFixture<ProductionFixture>
{
    private HttpClient Client(string baseAddress) =>
        host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    [Fact]
    public async Task Https_responses_carry_hsts_for_a_year()
    {
        var response = await Client("https://bin.politie.example/").GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        var response = await Client("http://bin.politie.example/").GetAsync("/login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://bin.politie.example/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Every_cookie_is_secure_http_only_and_same_site()
    {
        var response = await Client("https://bin.politie.example/").GetAsync("/culture/en?returnUrl=/login");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
