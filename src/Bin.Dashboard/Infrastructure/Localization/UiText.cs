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
        ["nav.phones"] = ("Telefoons (simulator)", "Phones (simulator)"),
        ["login.title"] = ("Aanmelden", "Sign in"),
        ["login.username"] = ("Gebruikersnaam", "User name"),
        ["login.password"] = ("Wachtwoord", "Password"),
        ["login.submit"] = ("Aanmelden", "Sign in"),
        ["login.wrong"] = ("Onbekende gebruikersnaam of verkeerd wachtwoord.", "Unknown user name or wrong password."),
        ["login.locked"] = ("Dit account is tijdelijk geblokkeerd na herhaalde mislukte pogingen. Probeer het over 15 minuten opnieuw.", "This account is locked for a while after repeated failed attempts. Try again in 15 minutes."),
        ["denied.title"] = ("Geen toegang", "Access denied"),
        ["denied.text"] = ("Uw rol geeft geen toegang tot deze pagina.", "Your role does not give access to this page."),
        ["phones.title"] = ("Telefoons", "Phones"),
        ["phones.explain"] = ("Demo: de sms-simulator bewaart elk bericht; antwoord hier als het lid, via dezelfde ondertekende weg als Twilio. Nummers op 99 zijn onbereikbaar.",
            "Demo: the SMS simulator keeps every message; reply here as the member, through the same signed path as Twilio. Numbers ending in 99 are unreachable."),
        ["phones.inactive"] = ("De sms-simulator is niet actief: berichten gaan via Twilio naar echte telefoons.", "The SMS simulator is not active: messages go through Twilio to real phones."),
        ["phones.search"] = ("Zoek een nummer", "Search a number"),
        ["phones.none"] = ("Nog geen berichten verstuurd.", "No messages sent yet."),
        ["phones.pick"] = ("Kies links een telefoon om het gesprek te zien.", "Pick a phone on the left to see its conversation."),
        ["phones.simulatorNumber"] = ("simulatornummer", "simulator number"),
        ["phones.reply"] = ("Antwoord", "Reply"),
        ["phones.replyPlaceholder"] = ("Typ een antwoord als dit lid…", "Type a reply as this member…"),
        ["phones.send"] = ("Versturen", "Send"),
        ["phones.repliesDisabled"] = ("Antwoorden is uitgeschakeld:", "Replies are disabled:"),
        ["phones.replyFailed"] = ("Het antwoord kon niet verwerkt worden; probeer opnieuw.", "The reply could not be processed; try again."),
        ["phones.status.queued"] = ("in wachtrij", "queued"),
        ["phones.status.delivered"] = ("afgeleverd", "delivered"),
        ["phones.status.failed"] = ("mislukt", "failed"),
        ["phones.status.received"] = ("ontvangen", "received"),
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
        ["intake.title"] = ("Nieuwe melding", "New incident"),
        ["intake.hint"] = ("Klik op de kaart of typ de coördinaten.", "Click the map or type the coordinates."),
        ["intake.lat"] = ("Breedtegraad", "Latitude"),
        ["intake.lon"] = ("Lengtegraad", "Longitude"),
        ["intake.inNetworks"] = ("Binnen", "Inside"),
        ["intake.noNetwork"] = ("Buiten elk BIN", "Outside every BIN"),
        ["intake.category"] = ("Categorie", "Category"),
        ["intake.choose"] = ("kies", "choose"),
        ["intake.reporter"] = ("Gemeld door", "Reported by"),
        ["intake.description"] = ("Omschrijving", "Description"),
        ["intake.save"] = ("Melding opslaan", "Save incident"),
        ["intake.clear"] = ("Wissen", "Clear"),
        ["intake.err.lat"] = ("Breedtegraad: geef een getal tussen -90 en 90 (bv. 51.2307).", "Latitude: enter a number between -90 and 90 (e.g. 51.2307)."),
        ["intake.err.lon"] = ("Lengtegraad: geef een getal tussen -180 en 180 (bv. 5.3135).", "Longitude: enter a number between -180 and 180 (e.g. 5.3135)."),
        ["intake.err.category"] = ("Categorie: kies een categorie.", "Category: choose a category."),
        ["intake.err.description"] = ("Omschrijving: beschrijf kort wat er gemeld werd.", "Description: describe briefly what was reported."),
        ["intake.err.descriptionLength"] = ("Omschrijving: maximaal 2000 tekens.", "Description: at most 2,000 characters."),
        ["reporter.Member"] = ("BIN-lid", "BIN member"),
        ["reporter.Other"] = ("Andere melder", "Someone else"),
        ["reporter.Patrol"] = ("Patrouille", "Patrol"),
        ["board.title"] = ("Open meldingen", "Open incidents"),
        ["board.empty"] = ("Geen open meldingen.", "No open incidents."),
        ["board.noNetwork"] = ("buiten BIN", "outside BINs"),
        ["age.now"] = ("nu", "now"),
        ["status.incident.Reported"] = ("gemeld", "reported"),
        ["status.incident.Verified"] = ("geverifieerd", "verified"),
        ["status.incident.Closed"] = ("afgesloten", "closed"),
        ["incident.verify"] = ("Verifiëren", "Verify"),
        ["incident.close"] = ("Afsluiten", "Close"),
        ["incident.changedMeanwhile"] = ("Iemand anders wijzigde deze melding net; probeer opnieuw.", "Someone else just changed this incident; try again."),
        ["timeline.title"] = ("Tijdlijn", "Timeline"),
        ["timeline.reported"] = ("Gemeld", "Reported"),
        ["timeline.verified"] = ("Geverifieerd", "Verified"),
        ["timeline.updated"] = ("Gewijzigd", "Updated"),
        ["timeline.closed"] = ("Afgesloten", "Closed"),
        ["composer.open"] = ("Netwerken alarmeren", "Alert networks"),
        ["composer.title"] = ("Tip versturen", "Send a tip"),
        ["composer.hint"] = ("Klik op de kaart op de netwerken die u wilt alarmeren.", "Click the networks to alert on the map."),
        ["composer.remove"] = ("Verwijderen", "Remove"),
        ["composer.noNetworks"] = ("Nog geen netwerk gekozen.", "No network chosen yet."),
        ["composer.within"] = ("Netwerken binnen", "Networks within"),
        ["composer.addNearby"] = ("Toevoegen", "Add"),
        ["composer.tip"] = ("Tip", "Tip"),
        ["composer.ownText"] = ("— eigen tekst —", "— own text —"),
        ["composer.placeholder"] = ("Politie Lommel - BIN: ... Antwoord OK als u dit gelezen hebt.", "Police Lommel - BIN: ... Reply OK when you have read this."),
        ["composer.recipients"] = ("ontvangers", "recipients"),
        ["composer.segments"] = ("SMS-segmenten", "SMS segments"),
        ["composer.ucs2"] = ("Deze tekens maken er UCS-2 van (minder tekens per SMS):", "These characters force UCS-2 (fewer characters per SMS):"),
        ["composer.next"] = ("Verder", "Next"),
        ["composer.cancel"] = ("Annuleren", "Cancel"),
        ["composer.confirmSend"] = ("U stuurt deze tip naar", "You are sending this tip to"),
        ["composer.membersOf"] = ("leden van", "members of"),
        ["composer.send"] = ("Bevestigen en versturen", "Confirm and send"),
        ["composer.back"] = ("Terug", "Back"),
        ["progress.title"] = ("Alarmering", "Alerting"),
        ["progress.sent"] = ("Verstuurd", "Sent"),
        ["progress.delivered"] = ("Ontvangen", "Delivered"),
        ["progress.failed"] = ("Mislukt", "Failed"),
        ["progress.replies"] = ("Antwoorden van leden", "Replies from members"),
    };
}
