using Bin.Domain;
using Bin.Domain.Accounts;

namespace Bin.Dashboard.Features.Accounts;

/// <summary>
/// Interface texts of the account pages and the sign-in form's MFA step, Dutch (default), French and English side
/// by side, kept beside the feature rather than in the shared table.
/// </summary>
public static class AccountText
{
    public static string T(string key)
    {
        if (!Texts.TryGetValue(key, out var entry)) return key;
        return Infrastructure.Localization.UiText.Language switch { "en" => entry.En, "fr" => entry.Fr, _ => entry.Nl };
    }

    /// <summary>Every key with its three texts (for the test that no language misses one).</summary>
    public static IEnumerable<(string Key, string Nl, string Fr, string En)> Entries =>
        Texts.Select(t => (t.Key, t.Value.Nl, t.Value.Fr, t.Value.En));

    /// <summary>A refused change as a sentence in the user's language, from its field and reason.</summary>
    public static string Error(DomainException ex) =>
        ex is AccountRuleException rule && Texts.ContainsKey($"error.{rule.Field}.{rule.Reason}") ? T($"error.{rule.Field}.{rule.Reason}")
        : ex is DuplicateAccountException ? T("error.userName.duplicate")
        : T("error.other");

    private static readonly Dictionary<string, (string Nl, string Fr, string En)> Texts = new()
    {
        ["nav.accounts"] = ("Accounts", "Comptes", "Accounts"),
        ["nav.account"] = ("Mijn account", "Mon compte", "My account"),
        ["accounts.title"] = ("Accounts", "Comptes", "Accounts"),
        ["accounts.new"] = ("Nieuw account", "Nouveau compte", "New account"),
        ["accounts.userName"] = ("Gebruikersnaam", "Nom d'utilisateur", "User name"),
        ["accounts.displayName"] = ("Naam", "Nom", "Name"),
        ["accounts.roles"] = ("Rollen", "Rôles", "Roles"),
        ["accounts.networks"] = ("Netwerken (coördinator)", "Réseaux (coordinateur)", "Networks (coordinator)"),
        ["accounts.password"] = ("Wachtwoord (minstens 12 tekens)", "Mot de passe (au moins 12 caractères)", "Password (at least 12 characters)"),
        ["accounts.create"] = ("Account aanmaken", "Créer le compte", "Create account"),
        ["accounts.created"] = ("Account aangemaakt.", "Compte créé.", "Account created."),
        ["accounts.saved"] = ("Opgeslagen.", "Enregistré.", "Saved."),
        ["accounts.save"] = ("Opslaan", "Enregistrer", "Save"),
        ["accounts.disable"] = ("Uitschakelen", "Désactiver", "Disable"),
        ["accounts.enable"] = ("Inschakelen", "Activer", "Enable"),
        ["accounts.disabled"] = ("uitgeschakeld", "désactivé", "disabled"),
        ["accounts.locked"] = ("geblokkeerd", "bloqué", "locked"),
        ["accounts.mfa"] = ("tweestaps", "deux étapes", "two-step"),
        ["accounts.mustChange"] = ("moet wachtwoord kiezen", "doit choisir un mot de passe", "must choose a password"),
        ["accounts.signOut"] = ("Overal afmelden", "Déconnecter partout", "Sign out everywhere"),
        ["accounts.setPassword"] = ("Wachtwoord instellen", "Définir le mot de passe", "Set password"),
        ["accounts.newPassword"] = ("Nieuw wachtwoord", "Nouveau mot de passe", "New password"),
        ["accounts.changes"] = ("Wijzigingen", "Modifications", "Changes"),
        ["accounts.changes.at"] = ("Wanneer", "Quand", "When"),
        ["accounts.changes.by"] = ("Door", "Par", "By"),
        ["accounts.changes.account"] = ("Account", "Compte", "Account"),
        ["accounts.changes.what"] = ("Wat", "Quoi", "What"),
        ["role.dispatcher"] = ("calltaker", "preneur d'appels", "dispatcher"),
        ["role.officer"] = ("inspecteur", "inspecteur", "officer"),
        ["role.chief"] = ("korpschef", "chef de corps", "chief"),
        ["role.coordinator"] = ("BIN-coördinator", "coordinateur RIQ", "BIN coordinator"),
        ["role.admin"] = ("beheerder", "administrateur", "administrator"),
        ["account.title"] = ("Mijn account", "Mon compte", "My account"),
        ["account.pending.mfa"] = ("Stel eerst tweestapsaanmelding in: pas daarna opent het dashboard.", "Configurez d'abord la connexion en deux étapes : le tableau de bord s'ouvre ensuite.", "Set up two-step sign-in first: the dashboard opens after that."),
        ["account.pending.password"] = ("Kies eerst een eigen wachtwoord: een beheerder heeft het uwe ingesteld.", "Choisissez d'abord votre propre mot de passe : un administrateur a défini le vôtre.", "Choose your own password first: an administrator has set yours."),
        ["account.password"] = ("Wachtwoord wijzigen", "Changer le mot de passe", "Change password"),
        ["account.currentPassword"] = ("Huidig wachtwoord", "Mot de passe actuel", "Current password"),
        ["account.newPassword"] = ("Nieuw wachtwoord (minstens 12 tekens, zonder uw gebruikersnaam)", "Nouveau mot de passe (au moins 12 caractères, sans votre nom d'utilisateur)", "New password (at least 12 characters, without your user name)"),
        ["account.passwordChanged"] = ("Wachtwoord gewijzigd. Uw andere sessies zijn afgemeld.", "Mot de passe changé. Vos autres sessions ont été déconnectées.", "Password changed. Your other sessions were signed out."),
        ["account.mfa"] = ("Tweestapsaanmelding (authenticator-app)", "Connexion en deux étapes (application d'authentification)", "Two-step sign-in (authenticator app)"),
        ["account.mfa.on"] = ("Tweestapsaanmelding staat aan.", "La connexion en deux étapes est activée.", "Two-step sign-in is on."),
        ["account.mfa.off"] = ("Tweestapsaanmelding staat uit.", "La connexion en deux étapes est désactivée.", "Two-step sign-in is off."),
        ["account.mfa.start"] = ("Instellen", "Configurer", "Set up"),
        ["account.mfa.scan"] = ("Scan de QR-code met uw authenticator-app, of typ de sleutel over. Vul daarna de zescijferige code in.", "Scannez le code QR avec votre application d'authentification, ou recopiez la clé. Saisissez ensuite le code à six chiffres.", "Scan the QR code with your authenticator app, or type the key. Then enter the six-digit code."),
        ["account.mfa.secret"] = ("Sleutel", "Clé", "Key"),
        ["account.mfa.code"] = ("Code uit de app", "Code de l'application", "Code from the app"),
        ["account.mfa.confirm"] = ("Bevestigen", "Confirmer", "Confirm"),
        ["account.mfa.codes"] = ("Herstelcodes: bewaar ze veilig. Elke code werkt één keer, als u uw telefoon niet bij de hand hebt. Ze worden maar één keer getoond.",
            "Codes de récupération : conservez-les en lieu sûr. Chacun fonctionne une fois, si votre téléphone n'est pas à portée de main. Ils ne sont affichés qu'une seule fois.",
            "Recovery codes: keep them safe. Each works once, when your phone is not at hand. They are shown only this once."),
        ["account.continue"] = ("Verder naar het dashboard", "Continuer vers le tableau de bord", "Continue to the dashboard"),
        ["login.code"] = ("Code uit de authenticator-app (of een herstelcode)", "Code de l'application d'authentification (ou un code de récupération)", "Code from the authenticator app (or a recovery code)"),
        ["login.mfa"] = ("Dit account gebruikt tweestapsaanmelding: vul ook de code uit uw app in.", "Ce compte utilise la connexion en deux étapes : saisissez aussi le code de votre application.", "This account uses two-step sign-in: also enter the code from your app."),
        ["login.mfaWrong"] = ("De code is fout of verlopen.", "Le code est erroné ou expiré.", "The code is wrong or expired."),
        ["login.disabled"] = ("Dit account is uitgeschakeld. Neem contact op met een beheerder.", "Ce compte est désactivé. Contactez un administrateur.", "This account is disabled. Contact an administrator."),
        ["error.userName.required"] = ("Gebruikersnaam is verplicht.", "Le nom d'utilisateur est obligatoire.", "User name is required."),
        ["error.userName.tooLong"] = ("Gebruikersnaam: hoogstens 64 tekens.", "Nom d'utilisateur : 64 caractères au maximum.", "User name: at most 64 characters."),
        ["error.userName.characters"] = ("Gebruikersnaam: alleen letters a–z, cijfers, '.', '-' en '_'.", "Nom d'utilisateur : uniquement des lettres a–z, des chiffres, « . », « - » et « _ ».", "User name: only letters a–z, digits, '.', '-' and '_'."),
        ["error.userName.duplicate"] = ("Er bestaat al een account met deze gebruikersnaam.", "Un compte avec ce nom d'utilisateur existe déjà.", "There is already an account with this user name."),
        ["error.displayName.required"] = ("Naam is verplicht.", "Le nom est obligatoire.", "Name is required."),
        ["error.displayName.tooLong"] = ("Naam: hoogstens 100 tekens.", "Nom : 100 caractères au maximum.", "Name: at most 100 characters."),
        ["error.roles.required"] = ("Kies minstens één rol.", "Choisissez au moins un rôle.", "Choose at least one role."),
        ["error.roles.unknown"] = ("Onbekende rol.", "Rôle inconnu.", "Unknown role."),
        ["error.roles.self"] = ("U kunt uw eigen beheerdersrol niet afnemen.", "Vous ne pouvez pas retirer votre propre rôle d'administrateur.", "You cannot take away your own admin role."),
        ["error.disabled.self"] = ("U kunt uw eigen account niet uitschakelen.", "Vous ne pouvez pas désactiver votre propre compte.", "You cannot disable your own account."),
        ["error.networkIds.unknown"] = ("Onbekend netwerk.", "Réseau inconnu.", "Unknown network."),
        ["error.password.required"] = ("Wachtwoord is verplicht.", "Le mot de passe est obligatoire.", "Password is required."),
        ["error.password.tooShort"] = ("Wachtwoord: minstens 12 tekens.", "Mot de passe : au moins 12 caractères.", "Password: at least 12 characters."),
        ["error.password.containsUserName"] = ("Het wachtwoord mag de gebruikersnaam niet bevatten.", "Le mot de passe ne peut pas contenir le nom d'utilisateur.", "The password must not contain the user name."),
        ["error.newPassword.required"] = ("Nieuw wachtwoord is verplicht.", "Le nouveau mot de passe est obligatoire.", "New password is required."),
        ["error.newPassword.tooShort"] = ("Nieuw wachtwoord: minstens 12 tekens.", "Nouveau mot de passe : au moins 12 caractères.", "New password: at least 12 characters."),
        ["error.newPassword.containsUserName"] = ("Het nieuwe wachtwoord mag uw gebruikersnaam niet bevatten.", "Le nouveau mot de passe ne peut pas contenir votre nom d'utilisateur.", "The new password must not contain your user name."),
        ["error.newPassword.same"] = ("Het nieuwe wachtwoord moet verschillen van het huidige.", "Le nouveau mot de passe doit être différent de l'actuel.", "The new password must differ from the current one."),
        ["error.currentPassword.wrong"] = ("Het huidige wachtwoord is fout.", "Le mot de passe actuel est erroné.", "The current password is wrong."),
        ["error.code.format"] = ("De code bestaat uit de zes cijfers die de app toont.", "Le code se compose des six chiffres affichés par l'application.", "The code is the six digits the app shows."),
        ["error.code.wrong"] = ("De code is fout of verlopen; typ de code die de app nu toont.", "Le code est erroné ou expiré ; tapez le code que l'application affiche maintenant.", "The code is wrong or expired; type the code the app shows now."),
        ["error.other"] = ("Dit kon niet; herlaad de pagina en probeer opnieuw.", "Ce n'était pas possible ; rechargez la page et réessayez.", "That was not possible; reload the page and try again."),
    };
}
