using System.Globalization;

namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>
/// The dashboard's interface texts. Dutch (nl-BE) is the default; English is switchable. One table keeps
/// every language of a text side by side so a missing translation is visible in review.
/// </summary>
public static class UiText
{
    public static readonly IReadOnlyList<string> Languages = ["nl", "en"];

    public static string T(string key)
    {
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (!Texts.TryGetValue(key, out var entry)) return key;
        return lang == "en" ? entry.En : entry.Nl;
    }

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    private static readonly Dictionary<string, (string Nl, string En)> Texts = new()
    {
        ["app.title"] = ("BIN-commando", "BIN Command"),
        ["app.zone"] = ("Politiezone Lommel", "Lommel police zone"),
        ["nav.map"] = ("Live kaart", "Live map"),
        ["nav.logout"] = ("Afmelden", "Sign out"),
        ["login.title"] = ("Aanmelden", "Sign in"),
        ["login.username"] = ("Gebruikersnaam", "User name"),
        ["login.password"] = ("Wachtwoord", "Password"),
        ["login.submit"] = ("Aanmelden", "Sign in"),
        ["login.wrong"] = ("Onbekende gebruikersnaam of verkeerd wachtwoord.", "Unknown user name or wrong password."),
        ["login.locked"] = ("Dit account is tijdelijk geblokkeerd na herhaalde mislukte pogingen. Probeer het over 15 minuten opnieuw.", "This account is locked for a while after repeated failed attempts. Try again in 15 minutes."),
        ["denied.title"] = ("Geen toegang", "Access denied"),
        ["denied.text"] = ("Uw rol geeft geen toegang tot deze pagina.", "Your role does not give access to this page."),
        ["map.legend"] = ("Buurtinformatienetwerken", "Neighbourhood networks"),
        ["map.indicative"] = ("Indicatieve grenzen: importeer de officiële grenzen van de zone.", "Indicative boundaries: import the zone's official boundaries."),
        ["map.networks"] = ("netwerken", "networks"),
        ["map.members"] = ("leden", "members"),
        ["status.Proposed"] = ("Voorgesteld", "Proposed"),
        ["status.Founding"] = ("In oprichting", "Founding"),
        ["status.Active"] = ("Actief", "Active"),
        ["status.Suspended"] = ("Geschorst", "Suspended"),
        ["status.Dissolved"] = ("Ontbonden", "Dissolved"),
        ["live.connected"] = ("Live", "Live"),
        ["live.degraded"] = ("Geen verbinding met de databank — gegevens kunnen verouderd zijn", "No connection to the database — data may be stale"),
    };
}
