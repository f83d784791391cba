using OtpNet;

namespace Bin.Browser.Tests.Auth;

/// <summary>
/// The whole life of an account in a real browser: an admin creates an officer on /accounts; the officer signs in,
/// sets up MFA with a code computed from the secret shown beside the QR code, reaches the map; the admin disables
/// the account and the officer's open map is signed out within 60 s (the circuit's revalidation).
/// </summary>
public class AccountLifecycleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_officer_created_by_an_admin_enrols_mfa_reaches_the_map_and_is_signed_out_when_disabled()
    {
        var name = "brw-" + Guid.NewGuid().ToString("N")[..8];
        const string password = "een lange wachtzin 42";

        var admin = await browser.SignInAsync("admin");
        await admin.GotoAsync("accounts");
        await BrowserFixture.WaitForCircuitAsync(admin);
        await admin.Locator("[data-testid=account-username]").FillAsync(name);
        await admin.Locator("[data-testid=account-displayname]").FillAsync("Inspecteur Test");
        await admin.Locator("[data-testid=account-role-officer]").CheckAsync();
        await admin.Locator("[data-testid=account-password]").FillAsync(password);
        await admin.Locator("[data-testid=account-create]").ClickAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=account-row-{name}]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var officer = await browser.SignInAsync(name, password);
        await officer.GotoAsync("account");
        await officer.Locator("[data-testid=mfa-start]").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=mfa-qr]")).ToBeVisibleAsync();
        var secret = (await officer.Locator("[data-testid=mfa-secret]").TextContentAsync())!.Trim();
        await officer.Locator("[data-testid=mfa-code]").FillAsync(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow));
        await officer.Locator("[data-testid=mfa-confirm]").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
        await officer.Locator("[data-testid=account-continue]").ClickAsync();
        await BrowserFixture.WaitForCircuitAsync(officer);
        Assert.Equal("/", new Uri(officer.Url).AbsolutePath);

        await admin.Locator($"[data-testid=account-row-{name}] [data-testid=row-toggle-disabled]").ClickAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=account-row-{name}] [data-testid=row-disabled]")).ToBeVisibleAsync();

        await BrowserFixture.AtSignInAsync(officer);
    }
}
