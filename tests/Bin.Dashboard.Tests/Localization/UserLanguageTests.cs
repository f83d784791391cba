using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Tests.Accounts;
using Bin.Testing;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bin.Dashboard.Tests.Localization;

/// <summary>
/// One language per user: chosen in the header, stored on the account, applied to every page of that user on any
/// browser; anonymous pages follow the cookie; the UI never follows Accept-Language, the API always does.
/// </summary>
public partial class UserLanguageTests(HostFixture host) : IClassFixture<HostFixture>
{
    private HttpClient Browser() =>
        host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInBrowserAsync(string user)
    {
        var client = Browser();
        var page = await client.GetStringAsync("/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user, ["password"] = AccountTestSupport.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string PageLanguage(string html) => Regex.Match(html, "<html lang=\"([a-z]+)\"").Groups[1].Value;

    private async Task<string?> StoredLanguageAsync(string user)
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<UserAccount>(user))?.Language;
    }

    [Fact]
    public async Task The_language_chosen_in_the_header_is_stored_on_the_account_and_follows_the_user_to_another_browser()
    {
        var user = await host.App.NewAccountAsync("lang", Roles.Dispatcher);
        var first = await SignedInBrowserAsync(user);

        var chosen = await first.GetAsync("/culture/fr?returnUrl=/");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/", chosen.Headers.Location?.OriginalString);
        Assert.Equal("fr", await StoredLanguageAsync(user));

        // Another browser: no culture cookie, a browser asking for English; the account decides.
        var second = await SignedInBrowserAsync(user);
        second.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var map = await second.GetAsync("/");
        var html = await map.Content.ReadAsStringAsync();

        Assert.Equal("fr", PageLanguage(html));
        Assert.Contains("Incidents ouverts", html);
        Assert.Contains(map.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dfr-BE%7Cuic%3Dfr-BE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_user_s_stored_language_wins_over_a_cookie_left_by_someone_else()
    {
        var user = await host.App.NewAccountAsync("lang", Roles.Dispatcher);
        var browser = await SignedInBrowserAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/culture/en?returnUrl=/")).StatusCode);

        var other = await SignedInBrowserAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser().GetAsync("/culture/nl")).StatusCode);
        var html = await other.GetStringAsync("/");

        Assert.Equal("en", PageLanguage(html));
        Assert.Contains("Open incidents", html);
    }

    [Fact]
    public async Task Anonymous_pages_follow_the_cookie_and_never_the_browser_s_language()
    {
        var resident = Browser();
        resident.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE, fr;q=0.9");

        Assert.Equal("nl", PageLanguage(await resident.GetStringAsync("/login")));

        Assert.Equal(HttpStatusCode.Redirect, (await resident.GetAsync("/culture/en?returnUrl=/join")).StatusCode);
        var join = await resident.GetStringAsync("/join");
        Assert.Equal("en", PageLanguage(join));
        Assert.Contains("Join a BIN", join);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_naming_the_field_and_changes_nothing()
    {
        var user = await host.App.NewAccountAsync("lang", Roles.Dispatcher);
        var browser = await SignedInBrowserAsync(user);

        var response = await browser.GetAsync("/culture/de");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("'de'", problem.GetProperty("errors").GetProperty("language")[0].GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(await StoredLanguageAsync(user));
    }

    [Theory]
    [InlineData("fr-BE", "Demande refusée")]
    [InlineData("fr-FR, en;q=0.8", "Demande refusée")]
    [InlineData("en-US", "Request refused")]
    [InlineData("de-DE, en;q=0.5", "Request refused")]
    [InlineData("de-DE", "Verzoek geweigerd")]
    [InlineData(null, "Verzoek geweigerd")]
    public async Task The_api_answers_in_the_language_of_Accept_Language_and_in_Dutch_without_one(string? acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = JsonContent.Create(new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "x" }) };
        // A cookie that says English must not matter to the API.
        request.Headers.Add("Cookie", "bin.auth=stolen; .AspNetCore.Culture=c%3Den%7Cuic%3Den");
        request.Headers.Add("Origin", "https://evil.example");
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);

        var response = await host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }
}
