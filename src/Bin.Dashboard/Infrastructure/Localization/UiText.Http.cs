namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>The HTTP API's own texts: problem titles and what it says about a request it cannot read.</summary>
public static partial class UiText
{
    private static readonly Dictionary<string, (string Nl, string Fr, string En)> HttpTexts = new()
    {
        ["http.title.invalid"] = ("Ongeldige invoer: {0}", "Saisie non valide : {0}", "Invalid {0}"),
        ["http.title.notFound"] = ("Niet gevonden", "Introuvable", "Not found"),
        ["http.title.conflict"] = ("Nu niet mogelijk", "Impossible pour l'instant", "Not possible now"),
        ["http.title.changedMeanwhile"] = ("Intussen gewijzigd", "Modifié entre-temps", "Changed meanwhile"),
        ["http.title.forbidden"] = ("Geen toegang", "Accès refusé", "Forbidden"),
        ["http.title.unauthorized"] = ("Niet aangemeld", "Non connecté", "Not signed in"),
        ["http.title.tooMany"] = ("Te veel verzoeken", "Trop de demandes", "Too many requests"),
        ["http.title.repeat"] = ("Zonet nog gealarmeerd", "Alerté il y a peu", "Alerted moments ago"),
        ["http.title.decided"] = ("Al beslist", "Déjà tranché", "Already decided"),
        ["http.title.exists"] = ("Bestaat al", "Existe déjà", "Already exists"),
        ["http.title.importRejected"] = ("Import geweigerd; er werd niets bewaard", "Import refusé ; rien n'a été enregistré", "Import rejected; nothing was saved"),
        ["http.title.badRequest"] = ("Onleesbaar verzoek", "Requête illisible", "Unreadable request"),
        ["http.changedMeanwhile"] = ("Iemand anders wijzigde dit op hetzelfde moment; herlaad en probeer opnieuw.",
            "Quelqu'un d'autre a modifié ceci au même moment ; rechargez et réessayez.",
            "Someone else changed this at the same moment; reload and try again."),
        ["http.bodyNotJson"] = ("Stuur de gegevens als een JSON-object (Content-Type: application/json).",
            "Envoyez les données sous forme d'objet JSON (Content-Type: application/json).",
            "Send the data as a JSON object (Content-Type: application/json)."),
        ["http.fieldType"] = ("{0} heeft niet het verwachte type.", "{0} n'a pas le type attendu.", "{0} does not have the expected type."),
        ["http.timeShape"] = ("Verwacht een ISO 8601-tijd met tijdsverschil, bv. 2026-11-28T21:40:00+01:00 of …Z.",
            "Attendu : une heure ISO 8601 avec son décalage, p. ex. 2026-11-28T21:40:00+01:00 ou …Z.",
            "Expected an ISO 8601 time with its offset, e.g. 2026-11-28T21:40:00+01:00 or …Z."),
        ["http.time"] = ("{0} moet een ISO 8601-tijd met tijdsverschil zijn, bv. 2026-11-28T21:40:00+01:00 of …Z (of een datum, 2026-11-28).",
            "{0} doit être une heure ISO 8601 avec son décalage, p. ex. 2026-11-28T21:40:00+01:00 ou …Z (ou une date, 2026-11-28).",
            "{0} must be an ISO 8601 time with its offset, e.g. 2026-11-28T21:40:00+01:00 or …Z (or a date, 2026-11-28)."),
        ["http.timeRequired"] = ("{0} is verplicht: een ISO 8601-tijd met tijdsverschil, bv. 2026-11-01T00:00:00Z.",
            "{0} est obligatoire : une heure ISO 8601 avec son décalage, p. ex. 2026-11-01T00:00:00Z.",
            "{0} is required: an ISO 8601 time with its offset, e.g. 2026-11-01T00:00:00Z."),
        ["http.required"] = ("{0} is verplicht.", "{0} est obligatoire.", "{0} is required."),
        ["http.range"] = ("{0} moet tussen {1} en {2} liggen.", "{0} doit être compris entre {1} et {2}.", "{0} must be from {1} to {2}."),
        ["http.guid"] = ("{0} moet een id (GUID) zijn.", "{0} doit être un identifiant (GUID).", "{0} must be an id (GUID)."),
        ["http.limit"] = ("limit moet een geheel getal van 1 tot {0} zijn.", "limit doit être un nombre entier de 1 à {0}.", "limit must be a whole number from 1 to {0}."),
        ["http.format"] = ("format moet json of csv zijn.", "format doit être json ou csv.", "format must be json or csv."),
    };
}
