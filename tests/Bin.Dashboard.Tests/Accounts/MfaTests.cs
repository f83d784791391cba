using System.Net;
using System.Net.Http.Json;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;

namespace Bin.Dashboard.Tests.Accounts;

/// <summary>TOTP (RFC 6238) enrolment and sign-in, with codes computed from the secret as an authenticator app would.</summary>
public class MfaTests(HostFixture host) : IClassFixture<HostFixture>
{
    private async Task<(string Name, string Secret, string[] RecoveryCodes)> EnrolledAsync()
    {
        var name = await host.App.NewAccountAsync("mfa", Roles.Officer);
        var client = await host.App.BearerAsync(name);
        var start = await (await client.PostAsync("/api/account/mfa", null)).JsonAsync();
        var secret = start.GetProperty("secret").GetString()!;
        Assert.StartsWith($"otpauth://totp/BIN:{name}?secret={secret}", start.GetProperty("otpauthUri").GetString());
        var confirm = await client.PostAsJsonAsync("/api/account/mfa/confirm", new { code = AccountTestSupport.TotpNow(secret) });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var codes = (await confirm.JsonAsync()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return (name, secret, codes);
    }

    [Fact]
    public async Task Enrolment_gives_ten_recovery_codes_and_sign_in_then_needs_the_current_code()
    {
        var (name, secret, codes) = await EnrolledAsync();

        var withoutCode = await host.App.TokenAsync(name);
        var wrongCode = await host.App.TokenAsync(name, otp: "000000" == AccountTestSupport.TotpNow(secret) ? "111111" : "000000");
        var withCode = await host.App.TokenAsync(name, otp: AccountTestSupport.TotpNow(secret));

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("application/problem+json", withoutCode.Content.Headers.ContentType?.MediaType);
        Assert.True((await withoutCode.JsonAsync()).GetProperty("mfaRequired").GetBoolean());
        Assert.True((await wrongCode.JsonAsync()).GetProperty("mfaRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (name, _, codes) = await EnrolledAsync();

        var first = await host.App.TokenAsync(name, otp: codes[3]);
        var second = await host.App.TokenAsync(name, otp: codes[3]);
        var another = await host.App.TokenAsync(name, otp: codes[4]);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.True((await second.JsonAsync()).GetProperty("mfaRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, another.StatusCode);
    }

    [Fact]
    public async Task A_wrong_or_malformed_confirmation_code_is_refused_naming_the_field_and_mfa_stays_off()
    {
        var name = await host.App.NewAccountAsync("mfa", Roles.Officer);
        var client = await host.App.BearerAsync(name);
        var secret = (await (await client.PostAsync("/api/account/mfa", null)).JsonAsync()).GetProperty("secret").GetString()!;
        var wrong = AccountTestSupport.TotpNow(secret) == "123456" ? "654321" : "123456";

        var malformed = await client.PostAsJsonAsync("/api/account/mfa/confirm", new { code = "12ab" });
        var wrongCode = await client.PostAsJsonAsync("/api/account/mfa/confirm", new { code = wrong });

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.JsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.App.TokenAsync(name)).StatusCode);
    }
}

/// <summary>With <c>Auth:RequireMfaForRoles</c>, an account of such a role enrols before it reaches anything else.</summary>
public class RequiredMfaTests(MfaForOfficersHost host) : IClassFixture<MfaForOfficersHost>
{
    [Fact]
    public async Task An_officer_without_mfa_reaches_only_the_enrolment_until_enrolled()
    {
        var name = await host.App.NewAccountAsync("req", Roles.Officer);
        var pending = await host.App.BearerAsync(name);

        var before = await pending.GetAsync("/api/networks");
        var account = await (await pending.GetAsync("/api/account")).JsonAsync();
        var secret = (await (await pending.PostAsync("/api/account/mfa", null)).JsonAsync()).GetProperty("secret").GetString()!;
        var confirmed = await pending.PostAsJsonAsync("/api/account/mfa/confirm", new { code = AccountTestSupport.TotpNow(secret) });
        var enrolled = await host.App.BearerAsync(name, otp: AccountTestSupport.TotpNow(secret));

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal("mfa", account.GetProperty("pending").GetString());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enrolled.GetAsync("/api/networks")).StatusCode);
    }

    [Fact]
    public async Task A_dispatcher_is_not_asked_for_mfa_when_only_officers_must()
    {
        var name = await host.App.NewAccountAsync("disp", Roles.Dispatcher);

        var client = await host.App.BearerAsync(name);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/networks")).StatusCode);
    }
}
