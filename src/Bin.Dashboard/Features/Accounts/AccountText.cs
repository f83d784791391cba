using System.Globalization;
using Bin.Domain;
using Bin.Domain.Accounts;

namespace Bin.Dashboard.Features.Accounts;

/// <summary>
/// Interface texts of the account pages and the sign-in form's MFA step, Dutch (default) and English side by
/// side, kept beside the feature rather than in the shared table.
/// </summary>
public static class AccountText
{
    public static string T(string key)
    {
        if (!Texts.TryGetValue(key, out var entry)) return key;
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? entry.En : entry.Nl;
    }

    /// <summary>A refused change as a sentence in the user's language, from its field and reason.</summary>
    public static string Error(DomainException ex) =>
        ex is AccountRuleException rule && Texts.ContainsKey($"error.{rule.Field}.{rule.Reason}") ? T($"error.{rule.Field}.{rule.Reason}")
        : ex is DuplicateAccountException ? T("error.userName.duplicate")
        : T("error.other");

    private static readonly Dictionary<string, (string Nl, string En)> Texts = new()
    {
        ["nav.accounts"] = ("Accounts", "Accounts"),
        ["nav.account"] = ("Mijn account", "My account"),
        ["accounts.title"] = ("Accounts", "Accounts"),
        ["accounts.new"] = ("Nieuw account", "New account"),
        ["accounts.userName"] = ("Gebruikersnaam", "User name"),
        ["accounts.displayName"] = ("Naam", "Name"),
        ["accounts.roles"] = ("Rollen", "Roles"),
        ["accounts.networks"] = ("Netwerken (coördinator)", "Networks (coordinator)"),
        ["accounts.password"] = ("Wachtwoord (minstens 12 tekens)", "Password (at least 12 characters)"),
        ["accounts.create"] = ("Account aanmaken", "Create account"),
        ["accounts.created"] = ("Account aangemaakt.", "Account created."),
        ["accounts.saved"] = ("Opgeslagen.", "Saved."),
        ["accounts.save"] = ("Opslaan", "Save"),
        ["accounts.disable"] = ("Uitschakelen", "Disable"),
        ["accounts.enable"] = ("Inschakelen", "Enable"),
        ["accounts.disabled"] = ("uitgeschakeld", "disabled"),
        ["accounts.locked"] = ("geblokkeerd", "locked"),
        ["accounts.mfa"] = ("tweestaps", "two-step"),
        ["accounts.mustChange"] = ("moet wachtwoord kiezen", "must choose a password"),
        ["accounts.signOut"] = ("Overal afmelden", "Sign out everywhere"),
        ["accounts.setPassword"] = ("Wachtwoord instellen", "Set password"),
        ["accounts.newPassword"] = ("Nieuw wachtwoord", "New password"),
        ["accounts.changes"] = ("Wijzigingen", "Changes"),
        ["accounts.changes.at"] = ("Wanneer", "When"),
        ["accounts.changes.by"] = ("Door", "By"),
        ["accounts.changes.account"] = ("Account", "Account"),
        ["accounts.changes.what"] = ("Wat", "What"),
        ["role.dispatcher"] = ("calltaker", "dispatcher"),
        ["role.officer"] = ("inspecteur", "officer"),
        ["role.chief"] = ("korpschef", "chief"),
        ["role.coordinator"] = ("BIN-coördinator", "BIN coordinator"),
        ["role.admin"] = ("beheerder", "administrator"),
        ["account.title"] = ("Mijn account", "My account"),
        ["account.pending.mfa"] = ("Stel eerst tweestapsaanmelding in: pas daarna opent het dashboard.", "Set up two-step sign-in first: the dashboard opens after that."),
        ["account.pending.password"] = ("Kies eerst een eigen wachtwoord: een beheerder heeft het uwe ingesteld.", "Choose your own password first: an administrator has set yours."),
        ["account.password"] = ("Wachtwoord wijzigen", "Change password"),
        ["account.currentPassword"] = ("Huidig wachtwoord", "Current password"),
        ["account.newPassword"] = ("Nieuw wachtwoord (minstens 12 tekens, zonder uw gebruikersnaam)", "New password (at least 12 characters, without your user name)"),
        ["account.passwordChanged"] = ("Wachtwoord gewijzigd. Uw andere sessies zijn afgemeld.", "Password changed. Your other sessions were signed out."),
        ["account.mfa"] = ("Tweestapsaanmelding (authenticator-app)", "Two-step sign-in (authenticator app)"),
        ["account.mfa.on"] = ("Tweestapsaanmelding staat aan.", "Two-step sign-in is on."),
        ["account.mfa.off"] = ("Tweestapsaanmelding staat uit.", "Two-step sign-in is off."),
        ["account.mfa.start"] = ("Instellen", "Set up"),
        ["account.mfa.scan"] = ("Scan de QR-code met uw authenticator-app, of typ de sleutel over. Vul daarna de zescijferige code in.", "Scan the QR code with your authenticator app, or type the key. Then enter the six-digit code."),
        ["account.mfa.secret"] = ("Sleutel", "Key"),
        ["account.mfa.code"] = ("Code uit de app", "Code from the app"),
        ["account.mfa.confirm"] = ("Bevestigen", "Confirm"),
        ["account.mfa.codes"] = ("Herstelcodes: bewaar ze veilig. Elke code werkt één keer, als u uw telefoon niet bij de hand hebt. Ze worden maar één keer getoond.",
            "Recovery codes: keep them safe. Each works once, when your phone is not at hand. They are shown only this once."),
        ["account.continue"] = ("Verder naar het dashboard", "Continue to the dashboard"),
        ["login.code"] = ("Code uit de authenticator-app (of een herstelcode)", "Code from the authenticator app (or a recovery code)"),
        ["login.mfa"] = ("Dit account gebruikt tweestapsaanmelding: vul ook de code uit uw app in.", "This account uses two-step sign-in: also enter the code from your app."),
        ["login.mfaWrong"] = ("De code is fout of verlopen.", "The code is wrong or expired."),
        ["login.disabled"] = ("Dit account is uitgeschakeld. Neem contact op met een beheerder.", "This account is disabled. Contact an administrator."),
        ["error.userName.required"] = ("Gebruikersnaam is verplicht.", "User name is required."),
        ["error.userName.tooLong"] = ("Gebruikersnaam: hoogstens 64 tekens.", "User name: at most 64 characters."),
        ["error.userName.characters"] = ("Gebruikersnaam: alleen letters a–z, cijfers, '.', '-' en '_'.", "User name: only letters a–z, digits, '.', '-' and '_'."),
        ["error.userName.duplicate"] = ("Er bestaat al een account met deze gebruikersnaam.", "There is already an account with this user name."),
        ["error.displayName.required"] = ("Naam is verplicht.", "Name is required."),
        ["error.displayName.tooLong"] = ("Naam: hoogstens 100 tekens.", "Name: at most 100 characters."),
        ["error.roles.required"] = ("Kies minstens één rol.", "Choose at least one role."),
        ["error.roles.unknown"] = ("Onbekende rol.", "Unknown role."),
        ["error.roles.self"] = ("U kunt uw eigen beheerdersrol niet afnemen.", "You cannot take away your own admin role."),
        ["error.disabled.self"] = ("U kunt uw eigen account niet uitschakelen.", "You cannot disable your own account."),
        ["error.networkIds.unknown"] = ("Onbekend netwerk.", "Unknown network."),
        ["error.password.required"] = ("Wachtwoord is verplicht.", "Password is required."),
        ["error.password.tooShort"] = ("Wachtwoord: minstens 12 tekens.", "Password: at least 12 characters."),
        ["error.password.containsUserName"] = ("Het wachtwoord mag de gebruikersnaam niet bevatten.", "The password must not contain the user name."),
        ["error.newPassword.required"] = ("Nieuw wachtwoord is verplicht.", "New password is required."),
        ["error.newPassword.tooShort"] = ("Nieuw wachtwoord: minstens 12 tekens.", "New password: at least 12 characters."),
        ["error.newPassword.containsUserName"] = ("Het nieuwe wachtwoord mag uw gebruikersnaam niet bevatten.", "The new password must not contain your user name."),
        ["error.newPassword.same"] = ("Het nieuwe wachtwoord moet verschillen van het huidige.", "The new password must differ from the current one."),
        ["error.currentPassword.wrong"] = ("Het huidige wachtwoord is fout.", "The current password is wrong."),
        ["error.code.format"] = ("De code bestaat uit de zes cijfers die de app toont.", "The code is the six digits the app shows."),
        ["error.code.wrong"] = ("De code is fout of verlopen; typ de code die de app nu toont.", "The code is wrong or expired; type the code the app shows now."),
        ["error.other"] = ("Dit kon niet; herlaad de pagina en probeer opnieuw.", "That was not possible; reload the page and try again."),
    };
}
