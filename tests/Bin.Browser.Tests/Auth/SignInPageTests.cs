namespace Bin.Browser.Tests.Auth;

public class SignInPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_wrong_password_shows_an_error_on_the_sign_in_page()
    {
        var page = await browser.NewPageAsync();

        await BrowserFixture.SubmitSignInFormAsync(page, "officer", "not-the-password");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?error=wrong"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Onbekende gebruikersnaam of verkeerd wachtwoord.");
        await Assertions.Expect(page.Locator("[data-circuit]")).ToHaveCountAsync(0);
    }
}
