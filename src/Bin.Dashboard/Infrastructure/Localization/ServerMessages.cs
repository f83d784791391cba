using System.Text.Json;
using Bin.Domain;

namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>
/// What the dashboard's own services say to a user when they refuse (imports, parsers, safeguards, approvals, joining,
/// accounts), in nl, fr and en side by side — the same kind of catalogue as the domain's <see cref="DomainMessages"/>,
/// so a refusal thrown here also comes out in the reader's language, and the same test checks both.
/// </summary>
public static class ServerMessages
{
    private static DomainMessage M(string key, string nl, string fr, string en) => new(key, nl, fr, en);

    // Parsers: where the file or body breaks, never the parser's own (English) words.
    public static readonly DomainMessage JsonInvalidAt = M("server.json.invalidAt",
        "Dit is geen geldige JSON: de tekst loopt fout op regel {0}, positie {1}.",
        "Ce n'est pas du JSON valable : le texte est incorrect à la ligne {0}, position {1}.",
        "This is not valid JSON: the text goes wrong at line {0}, position {1}.");
    public static readonly DomainMessage JsonInvalid = M("server.json.invalid",
        "Dit is geen geldige JSON.",
        "Ce n'est pas du JSON valable.",
        "This is not valid JSON.");

    /// <summary>A JSON parser's complaint as a sentence for people: the line and position (1-based) when known.</summary>
    public static DomainText NotJson(JsonException ex) => ex.LineNumber is { } line
        ? JsonInvalidAt.With(line + 1, (ex.BytePositionInLine ?? 0) + 1)
        : JsonInvalid;

    public static readonly DomainMessage FileUnreadable = M("server.file.unreadable",
        "Het bestand kon niet gelezen worden; het mag hoogstens {0} MB groot zijn.",
        "Le fichier n'a pas pu être lu ; il peut faire au plus {0} Mo.",
        "The file could not be read; it may be at most {0} MB.");

    // Boundary import (GeoJSON).
    public static readonly DomainMessage GeoJsonNotGeoJson = M("server.geojson.notGeoJson",
        "Het bestand is geen GeoJSON: verwacht werd een object met een \"type\" (FeatureCollection, Feature of Polygon).",
        "Le fichier n'est pas du GeoJSON : un objet avec un « type » (FeatureCollection, Feature ou Polygon) était attendu.",
        "The file is not GeoJSON: expected an object with a \"type\" (FeatureCollection, Feature or Polygon).");
    public static readonly DomainMessage GeoJsonNoFeatures = M("server.geojson.noFeatures",
        "De FeatureCollection heeft geen lijst \"features\".",
        "La FeatureCollection n'a pas de liste « features ».",
        "The FeatureCollection has no \"features\" array.");
    public static readonly DomainMessage GeoJsonNoBoundaries = M("server.geojson.noBoundaries",
        "Een GeoJSON {0} bevat geen netwerkgrenzen; stuur een FeatureCollection van polygonen.",
        "Un {0} GeoJSON ne contient aucune limite de réseau ; envoyez une FeatureCollection de polygones.",
        "A GeoJSON {0} holds no network boundaries; send a FeatureCollection of Polygons.");
    public static readonly DomainMessage GeoJsonLooksProjected = M("server.geojson.looksProjected",
        "De coördinaten lijken meters van een geprojecteerd raster, geen WGS84-graden. Zeg welk raster: crs=EPSG:31370 (Lambert 72) of crs=EPSG:3812 (Lambert 2008), of voeg een \"crs\" toe aan het bestand.",
        "Les coordonnées ressemblent à des mètres d'une grille projetée, pas à des degrés WGS84. Indiquez la grille : crs=EPSG:31370 (Lambert 72) ou crs=EPSG:3812 (Lambert 2008), ou ajoutez un « crs » au fichier.",
        "The coordinates look like metres of a projected grid, not WGS84 degrees. Say which grid: crs=EPSG:31370 (Lambert 72) or crs=EPSG:3812 (Lambert 2008), or add a \"crs\" member to the file.");
    public static readonly DomainMessage GeoJsonCrsUnsupported = M("server.geojson.crsUnsupported",
        "crs={0} wordt niet ondersteund: gebruik EPSG:4326 (WGS84), EPSG:31370 (Lambert 72) of EPSG:3812 (Lambert 2008).",
        "crs={0} n'est pas pris en charge : utilisez EPSG:4326 (WGS84), EPSG:31370 (Lambert 72) ou EPSG:3812 (Lambert 2008).",
        "crs={0} is not supported: use EPSG:4326 (WGS84), EPSG:31370 (Lambert 72) or EPSG:3812 (Lambert 2008).");
    public static readonly DomainMessage GeoJsonFileCrsUnsupported = M("server.geojson.fileCrsUnsupported",
        "Het crs {0} van het bestand wordt niet ondersteund: gebruik EPSG:4326 (WGS84), EPSG:31370 (Lambert 72) of EPSG:3812 (Lambert 2008).",
        "Le crs {0} du fichier n'est pas pris en charge : utilisez EPSG:4326 (WGS84), EPSG:31370 (Lambert 72) ou EPSG:3812 (Lambert 2008).",
        "The file's crs {0} is not supported: use EPSG:4326 (WGS84), EPSG:31370 (Lambert 72) or EPSG:3812 (Lambert 2008).");
    public static readonly DomainMessage GeoJsonNotAFeature = M("server.geojson.notAFeature",
        "Dit is geen GeoJSON-feature.",
        "Ce n'est pas une entité (Feature) GeoJSON.",
        "Not a GeoJSON Feature.");
    public static readonly DomainMessage GeoJsonNoGeometry = M("server.geojson.noGeometry",
        "De feature heeft geen geometrie.",
        "L'entité n'a pas de géométrie.",
        "The feature has no geometry.");
    public static readonly DomainMessage GeoJsonIdNotGuid = M("server.geojson.idNotGuid",
        "\"id\" moet een netwerk-id (een GUID) zijn, niet {0}.",
        "« id » doit être un identifiant de réseau (un GUID), pas {0}.",
        "\"id\" must be a network id (a GUID), not {0}.");
    public static readonly DomainMessage GeoJsonStatusUnknown = M("server.geojson.statusUnknown",
        "\"status\" {0} is geen status van een netwerk.",
        "« status » {0} n'est pas un statut de réseau.",
        "\"status\" {0} is not a network status.");
    public static readonly DomainMessage GeoJsonGeometryUnreadable = M("server.geojson.geometryUnreadable",
        "De geometrie kan niet gelezen worden: het is geen geldige GeoJSON-geometrie (coördinaten zijn paren [lengtegraad, breedtegraad]).",
        "La géométrie est illisible : ce n'est pas une géométrie GeoJSON valable (les coordonnées sont des paires [longitude, latitude]).",
        "The geometry cannot be read: it is not a valid GeoJSON geometry (coordinates are [longitude, latitude] pairs).");
    public static readonly DomainMessage GeoJsonMultiPolygon = M("server.geojson.multiPolygon",
        "De geometrie is een MultiPolygon van {0} delen; een netwerk is één polygoon (splits hem in meerdere features).",
        "La géométrie est un MultiPolygon de {0} parties ; un réseau est un seul polygone (scindez-le en plusieurs entités).",
        "The geometry is a MultiPolygon of {0} parts; a network is one polygon (split it into several features).");
    public static readonly DomainMessage GeoJsonNotPolygon = M("server.geojson.notPolygon",
        "De geometrie is een {0}; een netwerk is een Polygon.",
        "La géométrie est un {0} ; un réseau est un Polygon.",
        "The geometry is a {0}; a network is a Polygon.");
    public static readonly DomainMessage GeoJsonMissingGeometry = M("server.geojson.missingGeometry",
        "De geometrie ontbreekt; een netwerk is een Polygon.",
        "La géométrie manque ; un réseau est un Polygon.",
        "The geometry is missing; a network is a Polygon.");
    public static readonly DomainMessage GeoJsonDegreesNotMetres = M("server.geojson.degreesNotMetres",
        "De coördinaten zijn graden, maar volgens het bestand zijn het meters in {0}.",
        "Les coordonnées sont des degrés, mais le fichier dit que ce sont des mètres en {0}.",
        "The coordinates are degrees, but the file says they are {0} metres.");
    public static readonly DomainMessage DrawnBoundaryWgs84 = M("server.geojson.boundaryWgs84",
        "De coördinaten van een grens moeten WGS84-lengte- en breedtegraden in graden zijn; gebruik de import om Lambert-coördinaten te laden.",
        "Les coordonnées d'une limite doivent être des longitudes et latitudes WGS84 en degrés ; pour charger des coordonnées Lambert, utilisez l'import.",
        "Boundary coordinates must be WGS84 longitude/latitude in degrees; to load Lambert coordinates, use the import.");
    public static readonly DomainMessage DrawnTooFewPoints = M("server.network.drawnTooFewPoints",
        "Teken minstens drie punten en sluit dan de vorm.",
        "Dessinez au moins trois points, puis fermez la forme.",
        "Draw at least three points, then close the shape.");
    public static readonly DomainMessage ImportNothingFile = M("server.import.nothingFile",
        "Er werd niets geïmporteerd: {0}",
        "Rien n'a été importé : {0}",
        "Nothing was imported: {0}");
    public static readonly DomainMessage ImportNothingOneFeature = M("server.import.nothingOneFeature",
        "Er werd niets geïmporteerd: 1 feature heeft problemen.",
        "Rien n'a été importé : 1 entité pose problème.",
        "Nothing was imported: 1 feature has problems.");
    public static readonly DomainMessage ImportNothingFeatures = M("server.import.nothingFeatures",
        "Er werd niets geïmporteerd: {0} features hebben problemen.",
        "Rien n'a été importé : {0} entités posent problème.",
        "Nothing was imported: {0} features have problems.");
    public static readonly DomainMessage NetworkAccessDenied = M("server.network.accessDenied",
        "Alleen een beheerder beheert netwerken, hun grenzen, de stappen van de oprichting en de charters.",
        "Seul un administrateur gère les réseaux, leurs limites, les étapes de création et les chartes.",
        "Only an administrator manages networks, their boundaries, founding steps and charters.");
    public static readonly DomainMessage NoDashboardAccount = M("server.network.noAccount",
        "Er is geen account van het dashboard met de naam {0}.",
        "Il n'y a pas de compte du tableau de bord nommé {0}.",
        "There is no dashboard account called {0}.");

    // Member import (CSV) and registration.
    public static readonly DomainMessage CsvTooLarge = M("server.csv.tooLarge",
        "Het bestand is groter dan {0} MB; splits het.",
        "Le fichier dépasse {0} Mo ; scindez-le.",
        "The file is larger than {0} MB; split it.");
    public static readonly DomainMessage CsvNotUtf8 = M("server.csv.notUtf8",
        "Het bestand is geen UTF-8-tekst. Bewaar het in Excel als \"CSV UTF-8 (door komma's gescheiden)\".",
        "Le fichier n'est pas du texte UTF-8. Dans Excel, enregistrez-le en « CSV UTF-8 (délimité par des virgules) ».",
        "The file is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (comma delimited)\".");
    public static readonly DomainMessage CsvEmpty = M("server.csv.empty",
        "Het bestand is leeg; verwacht werd een kopregel naam;telefoon;taal en één lid per regel.",
        "Le fichier est vide ; une ligne d'en-tête nom;téléphone;langue et un membre par ligne étaient attendus.",
        "The file is empty; expected a header line name;phone;language and one member per line.");
    public static readonly DomainMessage CsvNoHeader = M("server.csv.noHeader",
        "De eerste regel moet een kopregel met de namen van de kolommen zijn, bijvoorbeeld naam{0}telefoon{0}taal.",
        "La première ligne doit être un en-tête qui nomme les colonnes, par exemple nom{0}téléphone{0}langue.",
        "The first line must be a header naming the columns, e.g. name{0}phone{0}language.");
    public static readonly DomainMessage CsvTooManyRows = M("server.csv.tooManyRows",
        "Hoogstens {0:N0} leden per bestand; dit bestand heeft er {1:N0}.",
        "Au plus {0:N0} membres par fichier ; celui-ci en contient {1:N0}.",
        "At most {0:N0} members per file; this one has {1:N0}.");
    public static readonly DomainMessage CsvTooManyFields = M("server.csv.tooManyFields",
        "Deze regel heeft {0} velden waar de kopregel er {1} heeft; zet een naam met '{2}' erin tussen dubbele aanhalingstekens.",
        "Cette ligne a {0} champs alors que l'en-tête en a {1} ; mettez un nom contenant « {2} » entre guillemets doubles.",
        "This line has {0} fields where the header has {1}; put a name containing '{2}' in double quotes.");
    public static readonly DomainMessage CsvTooFewFieldsOne = M("server.csv.tooFewFieldsOne",
        "Deze regel heeft 1 veld; verwacht werden er {0}, gescheiden door '{1}'.",
        "Cette ligne a 1 champ ; {0} séparés par « {1} » étaient attendus.",
        "This line has 1 field; expected {0} separated by '{1}'.");
    public static readonly DomainMessage CsvTooFewFields = M("server.csv.tooFewFields",
        "Deze regel heeft {0} velden; verwacht werden er {1}, gescheiden door '{2}'.",
        "Cette ligne a {0} champs ; {1} séparés par « {2} » étaient attendus.",
        "This line has {0} fields; expected {1} separated by '{2}'.");
    public static readonly DomainMessage CsvTab = M("server.csv.tab", "tab", "tabulation", "tab");
    public static readonly DomainMessage CsvContentType = M("server.csv.contentType",
        "Stuur de ledenlijst als CSV (Content-Type: text/csv).",
        "Envoyez la liste des membres en CSV (Content-Type: text/csv).",
        "Send the member list as CSV (Content-Type: text/csv).");
    public static readonly DomainMessage DryRunFlag = M("server.csv.dryRunFlag",
        "dryRun moet true of false zijn.",
        "dryRun doit valoir true ou false.",
        "dryRun must be true or false.");
    public static readonly DomainMessage CsvSameNumber = M("server.csv.sameNumber",
        "Zelfde nummer als regel {0}.",
        "Même numéro que la ligne {0}.",
        "Same number as row {0}.");
    public static readonly DomainMessage DryRunLimit = M("server.csv.dryRunLimit",
        "Hoogstens {0} proefimports per uur; probeer later opnieuw.",
        "Au plus {0} imports d'essai par heure ; réessayez plus tard.",
        "At most {0} dry runs an hour; try again later.");
    public static readonly DomainMessage NetworkMissing = M("server.member.networkMissing",
        "Dit netwerk bestaat niet.",
        "Ce réseau n'existe pas.",
        "There is no such network.");
    public static readonly DomainMessage MemberAccessDenied = M("server.member.accessDenied",
        "Alleen een beheerder of de coördinator van het netwerk beheert de leden ervan.",
        "Seul un administrateur ou le coordinateur du réseau en gère les membres.",
        "Only an administrator or the network's coordinator manages its members.");
    public static readonly DomainMessage DuplicateRegistered = M("server.member.duplicateRegistered",
        "Dit nummer is al ingeschreven voor een lid.",
        "Ce numéro est déjà inscrit pour un membre.",
        "This number is already registered for a member.");
    public static readonly DomainMessage RegisteredElsewhere = M("server.member.registeredElsewhere",
        "Dit nummer is al ingeschreven in de zone; een beheerder kan dit lid aan uw netwerk toevoegen.",
        "Ce numéro est déjà inscrit dans la zone ; un administrateur peut ajouter ce membre à votre réseau.",
        "This number is already registered in the zone; an administrator can add this member to your network.");
    public static readonly DomainMessage DuplicateThisNetwork = M("server.member.duplicateThisNetwork",
        "Dit nummer hoort al bij een lid van dit netwerk.",
        "Ce numéro appartient déjà à un membre de ce réseau.",
        "This number already belongs to a member of this network.");
    public static readonly DomainMessage DuplicateOtherNetwork = M("server.member.duplicateOtherNetwork",
        "Dit nummer hoort al bij een lid van 1 ander netwerk; vraag een beheerder om dit netwerk aan dat lid toe te voegen.",
        "Ce numéro appartient déjà à un membre d'un autre réseau ; demandez à un administrateur d'ajouter ce réseau à ce membre.",
        "This number already belongs to a member of 1 other network; ask an administrator to add this network to that member.");
    public static readonly DomainMessage DuplicateOtherNetworks = M("server.member.duplicateOtherNetworks",
        "Dit nummer hoort al bij een lid van {0} andere netwerken; vraag een beheerder om dit netwerk aan dat lid toe te voegen.",
        "Ce numéro appartient déjà à un membre de {0} autres réseaux ; demandez à un administrateur d'ajouter ce réseau à ce membre.",
        "This number already belongs to a member of {0} other networks; ask an administrator to add this network to that member.");
    public static readonly DomainMessage DuplicateOptedOut = M("server.member.duplicateOptedOut",
        "Dat lid schreef zich uit: laat het opnieuw aansluiten in plaats van het opnieuw in te schrijven.",
        "Ce membre s'est désinscrit : faites-le revenir plutôt que de l'inscrire à nouveau.",
        "That member opted out: let them rejoin instead of registering them again.");
    public static readonly DomainMessage DuplicateJustRegistered = M("server.member.justRegistered",
        "Dit nummer werd zopas voor een lid ingeschreven; laad opnieuw en controleer.",
        "Ce numéro vient d'être inscrit pour un membre ; rechargez et vérifiez.",
        "This number was registered for a member a moment ago; reload and check.");

    // Joining.
    public static readonly DomainMessage JoinConsentRequired = M("server.join.consentRequired",
        "Toestemming voor het doel van het netwerk is verplicht.",
        "Le consentement à l'objectif du réseau est obligatoire.",
        "Consent to the network's purpose is required.");
    public static readonly DomainMessage JoinChooseNetwork = M("server.join.chooseNetwork",
        "Kies een netwerk dat de plaats dekt.",
        "Choisissez un réseau qui couvre l'endroit.",
        "Choose a network that covers the place.");
    public static readonly DomainMessage JoinAlreadyCovered = M("server.join.alreadyCovered",
        "Er dekt al een netwerk deze plaats: vraag om er lid van te worden.",
        "Un réseau couvre déjà cet endroit : demandez à en devenir membre.",
        "A network already covers the place: ask to join it.");
    public static readonly DomainMessage JoinRateLimited = M("server.join.rateLimited",
        "Te veel aanvragen; probeer later opnieuw.",
        "Trop de demandes ; réessayez plus tard.",
        "Too many requests; try again later.");
    public static readonly DomainMessage JoinNotWaiting = M("server.join.notWaiting",
        "Deze aanvraag wacht niet op een beslissing.",
        "Cette demande n'attend pas de décision.",
        "This request is not waiting for a decision.");
    public static readonly DomainMessage JoinNumberRegistered = M("server.join.numberRegistered",
        "Dit nummer is al ingeschreven; laad opnieuw en probeer nog eens.",
        "Ce numéro est déjà inscrit ; rechargez et réessayez.",
        "This number is already registered; reload and try again.");
    public static readonly DomainMessage JoinOtherNetwork = M("server.join.otherNetwork",
        "Dit nummer hoort bij een lid van een ander netwerk. Alleen een beheerder kan dit netwerk aan dat lid toevoegen: vraag er een om deze aanvraag goed te keuren.",
        "Ce numéro appartient à un membre d'un autre réseau. Seul un administrateur peut ajouter ce réseau à ce membre : demandez-lui d'approuver cette demande.",
        "This number belongs to a member of another network. Only an administrator can add this network to that member: ask one to approve this request.");

    // Alerts: safeguards and approvals.
    public static readonly DomainMessage IdempotencyKeyTooLong = M("server.alert.idempotencyKeyTooLong",
        "Idempotency-Key telt hoogstens {0} tekens.",
        "Idempotency-Key compte au plus {0} caractères.",
        "Idempotency-Key may be at most {0} characters.");
    public static readonly DomainMessage IdempotencyKeyOtherIncident = M("server.alert.idempotencyKeyOtherIncident",
        "Deze Idempotency-Key werd gebruikt voor een alarmering over een andere melding; gebruik een nieuwe sleutel voor een nieuwe aanvraag.",
        "Cette Idempotency-Key a servi pour une alerte concernant un autre incident ; utilisez une nouvelle clé pour une nouvelle demande.",
        "This Idempotency-Key was used for an alert about another incident; use a new key for a new request.");
    public static readonly DomainMessage ApprovalNotFound = M("server.approval.notFound",
        "Deze aanvraag tot goedkeuring bestaat niet.",
        "Cette demande d'approbation n'existe pas.",
        "There is no such approval request.");
    public static readonly DomainMessage ApprovalAlreadyApproved = M("server.approval.alreadyApproved",
        "Deze aanvraag werd al goedgekeurd.",
        "Cette demande a déjà été approuvée.",
        "This request was approved already.");
    public static readonly DomainMessage ApprovalAlreadyRejected = M("server.approval.alreadyRejected",
        "Deze aanvraag werd al afgewezen.",
        "Cette demande a déjà été rejetée.",
        "This request was rejected already.");
    public static readonly DomainMessage AlertNeedsApproval = M("server.alert.needsApproval",
        "Deze alarmering ({0} sms-segmenten) zou het dagbudget van {1} overschrijden ({2} gebruikt); een beheerder moet ze goedkeuren.",
        "Cette alerte ({0} segments SMS) dépasserait le budget du jour de {1} ({2} utilisés) ; un administrateur doit l'approuver.",
        "This alert ({0} SMS segments) would pass today's budget of {1} ({2} used); an administrator must approve it.");

    // Accounts.
    public static readonly DomainMessage AccountSelf = M("server.account.self",
        "U kunt uw eigen account niet uitschakelen en uw eigen beheerdersrol niet afnemen.",
        "Vous ne pouvez pas désactiver votre propre compte ni retirer votre propre rôle d'administrateur.",
        "You cannot disable your own account or take away your own admin role.");
    public static readonly DomainMessage AccountCurrentPasswordWrong = M("server.account.currentPasswordWrong",
        "Het huidige wachtwoord is fout.",
        "Le mot de passe actuel est erroné.",
        "The current password is wrong.");
    public static readonly DomainMessage AccountNewPasswordSame = M("server.account.newPasswordSame",
        "Het nieuwe wachtwoord moet verschillen van het huidige.",
        "Le nouveau mot de passe doit être différent de l'actuel.",
        "The new password must differ from the current one.");
    public static readonly DomainMessage AccountGone = M("server.account.gone",
        "Deze account bestaat niet meer.",
        "Ce compte n'existe plus.",
        "The account no longer exists.");
    public static readonly DomainMessage AccountMfaAlreadySetUp = M("server.account.mfaAlreadySetUp",
        "Aanmelden in twee stappen is al ingesteld voor deze account.",
        "La connexion en deux étapes est déjà configurée pour ce compte.",
        "Two-step sign-in is already set up for this account.");
    public static readonly DomainMessage AccountMfaStartFirst = M("server.account.mfaStartFirst",
        "Start eerst het instellen (POST /api/account/mfa).",
        "Commencez d'abord la configuration (POST /api/account/mfa).",
        "Start the set-up first (POST /api/account/mfa).");
    public static readonly DomainMessage AccountCodeFormat = M("server.account.codeFormat",
        "De code bestaat uit de zes cijfers die de authenticator-app toont.",
        "Le code est composé des six chiffres affichés par l'application d'authentification.",
        "The code is the six digits the authenticator app shows.");
    public static readonly DomainMessage AccountCodeWrong = M("server.account.codeWrong",
        "De code is fout of verlopen; typ de code die de app nu toont.",
        "Le code est erroné ou expiré ; tapez le code que l'application affiche maintenant.",
        "The code is wrong or expired; type the code the app shows now.");
    public static readonly DomainMessage AccountNotFound = M("server.account.notFound",
        "Er is geen account met de naam {0}.",
        "Il n'y a pas de compte nommé {0}.",
        "There is no account called {0}.");
    public static readonly DomainMessage AccountAdminsOnly = M("server.account.adminsOnly",
        "Alleen beheerders beheren accounts.",
        "Seuls les administrateurs gèrent les comptes.",
        "Only admins manage accounts.");
    public static readonly DomainMessage AccountTaken = M("server.account.taken",
        "Er is al een account met de naam {0}.",
        "Il existe déjà un compte nommé {0}.",
        "There is already an account called {0}.");

    // Query parameters of the reading endpoints (incidents, history, evaluation).
    public static readonly DomainMessage QueryFromAfterTo = M("server.query.fromAfterTo",
        "from moet vóór to liggen.",
        "from doit précéder to.",
        "from must be before to.");
    public static readonly DomainMessage QueryToBeforeFrom = M("server.query.toBeforeFrom",
        "to moet later zijn dan from.",
        "to doit être postérieur à from.",
        "to must be later than from.");
    public static readonly DomainMessage QueryPeriodTooLong = M("server.query.periodTooLong",
        "Een periode duurt hoogstens {0:0} dagen; deze duurt er {1:0.#}.",
        "Une période dure au plus {0:0} jours ; celle-ci en dure {1:0.#}.",
        "A period is at most {0:0} days; this one has {1:0.#}.");
    public static readonly DomainMessage QueryTimeRequired = M("server.query.timeRequired",
        "{0} is verplicht: een ISO 8601-tijdstip, bijvoorbeeld {1}.",
        "{0} est obligatoire : une date-heure ISO 8601, par exemple {1}.",
        "{0} is required: an ISO 8601 date-time, e.g. {1}.");
    public static readonly DomainMessage QueryTimeInvalid = M("server.query.timeInvalid",
        "{0} moet een ISO 8601-tijdstip zijn, bijvoorbeeld {1}.",
        "{0} doit être une date-heure ISO 8601, par exemple {1}.",
        "{0} must be an ISO 8601 date-time, e.g. {1}.");
    public static readonly DomainMessage QueryTimeInvalidGiven = M("server.query.timeInvalidGiven",
        "{0} moet een ISO 8601-tijdstip zijn, bijvoorbeeld {1}; '{2}' is dat niet.",
        "{0} doit être une date-heure ISO 8601, par exemple {1} ; « {2} » n'en est pas une.",
        "{0} must be an ISO 8601 date-time, e.g. {1}; '{2}' is not.");
    public static readonly DomainMessage QueryNetworkId = M("server.query.networkId",
        "{0} moet een netwerk-id (GUID) zijn.",
        "{0} doit être un identifiant de réseau (GUID).",
        "{0} must be a network id (GUID).");
    public static readonly DomainMessage QueryNetworkIdGiven = M("server.query.networkIdGiven",
        "networkId moet een netwerk-id (GUID) zijn; '{0}' is dat niet.",
        "networkId doit être un identifiant de réseau (GUID) ; « {0} » n'en est pas un.",
        "networkId must be a network id (GUID); '{0}' is not.");
    public static readonly DomainMessage QueryStatus = M("server.query.status",
        "status moet reported, verified of closed zijn.",
        "status doit valoir reported, verified ou closed.",
        "status must be reported, verified or closed.");
    public static readonly DomainMessage QueryLimit = M("server.query.limit",
        "limit moet een geheel getal van 1 tot {0} zijn.",
        "limit doit être un nombre entier de 1 à {0}.",
        "limit must be a whole number from 1 to {0}.");

    // The route picker's geometry (POST /api/networks/near).
    public static readonly DomainMessage RouteOutsideZone = M("server.route.outsideZone",
        "geometry heeft een positie ({0:0.#####} N {1:0.#####} O) buiten het werkgebied {2}. Posities zijn [lengtegraad, breedtegraad].",
        "geometry contient une position ({0:0.#####} N {1:0.#####} E) hors de la zone {2}. Les positions sont [longitude, latitude].",
        "geometry has a position ({0:0.#####} N {1:0.#####} E) outside the {2} service area. Positions are [longitude, latitude].");
    public static readonly DomainMessage RouteNotObject = M("server.route.notObject",
        "geometry moet een GeoJSON-object zijn: {{ \"type\": \"Point\" | \"LineString\", \"coordinates\": … }}.",
        "geometry doit être un objet GeoJSON : {{ \"type\": \"Point\" | \"LineString\", \"coordinates\": … }}.",
        "geometry must be a GeoJSON object: {{ \"type\": \"Point\" | \"LineString\", \"coordinates\": … }}.");
    public static readonly DomainMessage RouteNoCoordinates = M("server.route.noCoordinates",
        "geometry heeft geen coördinaten.",
        "geometry n'a pas de coordonnées.",
        "geometry has no coordinates.");
    public static readonly DomainMessage RouteLineTooShort = M("server.route.lineTooShort",
        "Een LineString heeft minstens twee posities nodig.",
        "Une LineString a besoin d'au moins deux positions.",
        "A LineString needs at least two positions.");
    public static readonly DomainMessage RouteWrongType = M("server.route.wrongType",
        "geometry moet een Point of een LineString zijn, niet {0}.",
        "geometry doit être un Point ou une LineString, pas {0}.",
        "geometry must be a Point or a LineString, not {0}.");
    public static readonly DomainMessage RoutePosition = M("server.route.position",
        "Elke positie in geometry moet [lengtegraad, breedtegraad] in graden zijn.",
        "Chaque position de geometry doit être [longitude, latitude] en degrés.",
        "Each position in geometry must be [longitude, latitude] in degrees.");

    // Founding steps over the API.
    public static readonly DomainMessage IdeaSourceUnknown = M("server.founding.source",
        "source moet residents, association, municipality of police zijn.",
        "source doit être residents, association, municipality ou police.",
        "source must be residents, association, municipality or police.");
    public static readonly DomainMessage SignatoryUnknown = M("server.founding.signatory",
        "'{0}' is geen ondertekenaar: mayor, chiefOfPolice, mandatedOfficer of coordinator.",
        "'{0}' n'est pas un signataire : mayor, chiefOfPolice, mandatedOfficer ou coordinator.",
        "'{0}' is not a signatory: mayor, chiefOfPolice, mandatedOfficer or coordinator.");
}
