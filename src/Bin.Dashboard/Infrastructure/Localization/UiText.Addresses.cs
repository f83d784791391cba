namespace Bin.Dashboard.Infrastructure.Localization;

public static partial class UiText
{
    /// <summary>Address search and the address import (Features/Addresses).</summary>
    private static readonly Dictionary<string, (string Nl, string Fr, string En)> Addresses = new()
    {
        ["addresses.search"] = ("Adres zoeken", "Rechercher une adresse", "Find an address"),
        ["addresses.placeholder"] = ("Straat en huisnummer, bv. Kerkplein 12", "Rue et numéro, p. ex. Kerkplein 12", "Street and number, e.g. Kerkplein 12"),
        ["addresses.find"] = ("Zoeken", "Rechercher", "Search"),
        ["addresses.none"] = ("Geen adres gevonden in de zone. Controleer de spelling, of klik op de kaart.", "Aucune adresse trouvée dans la zone. Vérifiez l'orthographe ou cliquez sur la carte.", "No address found in the zone. Check the spelling, or click the map."),
        ["addresses.demo"] = ("demo", "démo", "demo"),
        ["addresses.demoNote"] = ("Demo-adressen: straten van Lommel op indicatieve posities, tot de zone het adressenregister importeert.", "Adresses de démonstration : des rues de Lommel à des positions indicatives, jusqu'à ce que la zone importe le registre des adresses.", "Demo addresses: Lommel streets at indicative positions, until the zone imports the address registry."),
        ["addresses.results"] = ("Gevonden adressen", "Adresses trouvées", "Addresses found"),
        ["addresses.chosen"] = ("Gekozen: {0}", "Choisie : {0}", "Chosen: {0}"),
        ["addresses.failed"] = ("Zoeken lukte niet; probeer opnieuw of klik op de kaart.", "La recherche a échoué ; réessayez ou cliquez sur la carte.", "The search failed; try again or click the map."),
        ["addresses.err.queryShort"] = ("Typ minstens 2 letters of cijfers van het adres.", "Tapez au moins 2 lettres ou chiffres de l'adresse.", "Type at least 2 letters or digits of the address."),
        ["addresses.err.queryLong"] = ("Een adres telt hoogstens {0} tekens.", "Une adresse compte au plus {0} caractères.", "An address has at most {0} characters."),
        ["addresses.err.limit"] = ("limit moet een geheel getal van 1 tot {0} zijn.", "limit doit être un nombre entier de 1 à {0}.", "limit must be a whole number from 1 to {0}."),
        ["addresses.err.rate"] = ("Te veel zoekopdrachten vanaf dit adres; probeer het over een minuut opnieuw.", "Trop de recherches depuis cette adresse ; réessayez dans une minute.", "Too many searches from this address; try again in a minute."),
        ["addresses.err.rateTitle"] = ("Te veel zoekopdrachten", "Trop de recherches", "Too many searches"),
        ["addresses.import.title"] = ("Adressen", "Adresses", "Addresses"),
        ["addresses.import.heading"] = ("Adressenregister importeren (CSV)", "Importer le registre des adresses (CSV)", "Import the address registry (CSV)"),
        ["addresses.import.explain"] = ("Kies de CSV-export van het Vlaamse adressenregister (kolommen STRAATNM, HUISNR, POSTCODE, GEMEENTE, X, Y in Lambert 72; ID, BUSNR en APPNR als ze er zijn). Alleen adressen in de zone worden bewaard; ze vervangen alle huidige adressen, ook de demo-adressen. Eén foute regel en er wordt niets bewaard.",
            "Choisissez l'export CSV du registre flamand des adresses (colonnes STRAATNM, HUISNR, POSTCODE, GEMEENTE, X, Y en Lambert 72 ; ID, BUSNR et APPNR s'ils existent). Seules les adresses de la zone sont gardées ; elles remplacent toutes les adresses actuelles, y compris celles de démonstration. Une seule ligne erronée et rien n'est enregistré.",
            "Choose the CSV export of the Flemish address registry (columns STRAATNM, HUISNR, POSTCODE, GEMEENTE, X, Y in Lambert 72; ID, BUSNR and APPNR when present). Only addresses in the zone are kept; they replace all current addresses, the demo ones included. One bad line and nothing is saved."),
        ["addresses.import.current"] = ("Nu in de index: {0} adressen.", "Actuellement dans l'index : {0} adresses.", "Now in the index: {0} addresses."),
        ["addresses.import.currentDemo"] = ("Nu in de index: {0} demo-adressen.", "Actuellement dans l'index : {0} adresses de démonstration.", "Now in the index: {0} demo addresses."),
        ["addresses.import.file"] = ("CSV-bestand", "Fichier CSV", "CSV file"),
        ["addresses.import.busy"] = ("Bezig met inlezen…", "Lecture en cours…", "Reading…"),
        ["addresses.import.done"] = ("{0} adressen in de zone geïmporteerd; {1} buiten de zone overgeslagen, {2} dubbele.", "{0} adresses de la zone importées ; {1} hors zone ignorées, {2} en double.", "{0} addresses in the zone imported; {1} outside the zone left out, {2} duplicates."),
        ["addresses.import.rejected"] = ("Het bestand is geweigerd ({0} problemen); er is niets bewaard.", "Le fichier est refusé ({0} problèmes) ; rien n'a été enregistré.", "The file was refused ({0} problems); nothing was saved."),
        ["addresses.import.rejectedTitle"] = ("Adressenbestand geweigerd", "Fichier d'adresses refusé", "Address file refused"),
        ["addresses.import.more"] = ("… en nog {0} problemen.", "… et encore {0} problèmes.", "… and {0} more problems."),
        ["addresses.import.line"] = ("Regel {0}: {1}", "Ligne {0} : {1}", "Line {0}: {1}"),
        ["addresses.import.tooBig"] = ("Het bestand is groter dan {0} MB.", "Le fichier dépasse {0} Mo.", "The file is larger than {0} MB."),
        ["addresses.problem.empty"] = ("Het bestand bevat geen adressen.", "Le fichier ne contient aucune adresse.", "The file holds no addresses."),
        ["addresses.problem.missing-columns"] = ("De kopregel mist de kolommen {0}.", "La ligne d'en-tête n'a pas les colonnes {0}.", "The header lacks the columns {0}."),
        ["addresses.problem.malformed"] = ("De regel heeft minder velden dan de kopregel, of een aanhalingsteken dat niet gesloten wordt.", "La ligne a moins de champs que l'en-tête, ou un guillemet non fermé.", "The line has fewer fields than the header, or an unclosed quote."),
        ["addresses.problem.missing-street"] = ("De straatnaam (STRAATNM) ontbreekt.", "Le nom de rue (STRAATNM) manque.", "The street name (STRAATNM) is missing."),
        ["addresses.problem.missing-number"] = ("Het huisnummer (HUISNR) ontbreekt.", "Le numéro de maison (HUISNR) manque.", "The house number (HUISNR) is missing."),
        ["addresses.problem.bad-postcode"] = ("De postcode \"{0}\" is geen Belgische postcode van 4 cijfers.", "Le code postal « {0} » n'est pas un code postal belge de 4 chiffres.", "The postcode \"{0}\" is not a 4-digit Belgian postcode."),
        ["addresses.problem.missing-municipality"] = ("De gemeente (GEMEENTE) ontbreekt.", "La commune (GEMEENTE) manque.", "The municipality (GEMEENTE) is missing."),
        ["addresses.problem.bad-coordinates"] = ("X en Y (\"{0}\") zijn geen meters in Belgische Lambert 72.", "X et Y (« {0} ») ne sont pas des mètres en Lambert belge 72.", "X and Y (\"{0}\") are not metres in Belgian Lambert 72."),
        ["addresses.problem.none-in-zone"] = ("Geen enkel adres van het bestand ligt in de zone.", "Aucune adresse du fichier ne se trouve dans la zone.", "No address of the file lies in the zone."),
        ["addresses.problem.too-large"] = ("Het bestand telt meer dan {0} regels.", "Le fichier compte plus de {0} lignes.", "The file has more than {0} lines."),
        ["nav.addresses"] = ("Adressen", "Adresses", "Addresses"),
    };
}
