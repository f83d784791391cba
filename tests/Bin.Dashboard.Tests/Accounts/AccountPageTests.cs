using System.Net;
using System.Text.RegularExpressions;
using Bin.Dashboard.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bin.Dashboard.Tests.Accounts;

/// <summary>
/// /account over HTTP as a browser uses it (server-rendered forms): an officer who must use MFA is sent there at
/// sign-in, enrols with a code computed from the page's secret, and then reaches the map.
/// </summary>
public class AccountPageTests(MfaForOfficersHost host) : IClassFixture<MfaForOfficersHost>
{
    private static string Token(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    private static string InputName(string html, string testId) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<input[^>]*name=\"([^\"]+)\"[^>]*data-testid=\"{testId}\"|<input[^>]*data-testid=\"{testId}\"[^>]*name=\"([^\"]+)\"") is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            : throw new Xunit.Sdk.XunitException($"no input {testId}"));

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(page);
        fields["_handler"] = handler;
        return browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_officer_is_sent_to_enrol_then_signs_in_with_the_code_and_reaches_the_map()
    {
        var name = await host.App.NewAccountAsync("page", Roles.Officer);
        var browser = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await browser.GetStringAsync("/login");
        var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = name, ["password"] = AccountTestSupport.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = Token(login),
        }));
        Assert.Equal("/account", signIn.Headers.Location!.OriginalString);
        Assert.Equal("/account", (await browser.GetAsync("/")).Headers.Location!.OriginalString);

        var page = await browser.GetStringAsync("/account");
        Assert.Contains("data-testid=\"account-pending\"", page);
        var started = await PostFormAsync(browser, "/account", page, "mfa-start", []);
        var withQr = await started.Content.ReadAsStringAsync();
        Assert.Contains("data:image/png;base64,", withQr);
        var secret = Regex.Match(withQr, "data-testid=\"mfa-secret\">([A-Z2-7]+)<").Groups[1].Value;

        var wrong = await PostFormAsync(browser, "/account", withQr, "mfa-confirm", new() { [InputName(withQr, "mfa-code")] = "12" });
        Assert.Contains("De code bestaat uit de zes cijfers", await wrong.Content.ReadAsStringAsync());
        var confirmed = await PostFormAsync(browser, "/account", withQr, "mfa-confirm", new() { [InputName(withQr, "mfa-code")] = AccountTestSupport.TotpNow(secret) });
        var codes = await confirmed.Content.ReadAsStringAsync();

        Assert.Equal(10, Regex.Matches(codes, "<li><code>").Count);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_asks_for_the_code_of_an_account_with_mfa()
    {
        var name = await host.App.NewAccountAsync("page", Roles.Officer);
        var bearer = await host.App.BearerAsync(name);
        var secret = (await (await bearer.PostAsync("/api/account/mfa", null)).JsonAsync()).GetProperty("secret").GetString()!;
        await bearer.PostAsync("/api/account/mfa/confirm", System.Net.Http.Json.JsonContent.Create(new { code = AccountTestSupport.TotpNow(secret) }));
        var browser = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var login = await browser.GetStringAsync("/login");
        var withoutCode = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = name, ["password"] = AccountTestSupport.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = Token(login),
        }));
        var askPage = await browser.GetStringAsync(withoutCode.Headers.Location!.OriginalString);
        var withCode = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = name, ["password"] = AccountTestSupport.Password, ["otp"] = AccountTestSupport.TotpNow(secret), ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Token(askPage),
        }));

        Assert.StartsWith("/login?error=mfa", withoutCode.Headers.Location!.OriginalString);
        Assert.Contains("data-testid=\"login-otp\"", askPage);
        Assert.Equal("/", withCode.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }
}
