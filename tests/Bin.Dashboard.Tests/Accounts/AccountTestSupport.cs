using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using OtpNet;

namespace Bin.Dashboard.Tests.Accounts;

/// <summary>A dashboard host with extra settings, shared by the tests of a class.</summary>
public abstract class SettingsHost(IDictionary<string, string?> settings) : IAsyncLifetime
{
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BinAppFactory.StartAsync(settings);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Circuits, hubs and cached stamps re-check every second, so revocation tests finish quickly.</summary>
public sealed class FastRevalidationHost() : SettingsHost(new Dictionary<string, string?> { ["Auth:RevalidationInterval"] = "00:00:01" });

/// <summary>Officers must use MFA, as in Production.</summary>
public sealed class MfaForOfficersHost() : SettingsHost(new Dictionary<string, string?> { ["Auth:RequireMfaForRoles"] = "officer" });

/// <summary>Five sign-in attempts per address per minute.</summary>
public sealed class TightSignInLimitHost() : SettingsHost(new Dictionary<string, string?> { ["Auth:SignInPermitLimit"] = "5", ["Auth:SignInWindow"] = "00:01:00" });

internal static class AccountTestSupport
{
    public static HttpClient Anonymous(this BinAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<string> NewAccountAsync(this BinAppFactory app, string prefix, string role, params Guid[] networks)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await app.Service<AccountProvisioning>().CreateOrUpdateAsync(name, "Test " + prefix, Password, [role], networks, default);
        return name;
    }

    public const string Password = "correct horse battery";

    public static Task<HttpResponseMessage> TokenAsync(this BinAppFactory app, string user, string password = Password, string? otp = null) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = user, password, otp });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<HttpClient> BearerAsync(this BinAppFactory app, string user, string password = Password, string? otp = null)
    {
        var response = await app.TokenAsync(user, password, otp);
        response.EnsureSuccessStatusCode();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The code an authenticator app would show now for this secret (RFC 6238, 30 s, 6 digits).</summary>
    public static string TotpNow(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);

    /// <summary>Asks until the condition holds or the deadline passes; the answer is checked, not the time.</summary>
    public static Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within) => Eventually.WithinAsync(condition, within);
}
