namespace Bin.Domain;

public static partial class DomainMessages
{
    public static readonly DomainMessage NetworkAlreadyRegistered = M("network.alreadyRegistered",
        "Netwerk {0} is al geregistreerd.",
        "Le réseau {0} est déjà enregistré.",
        "Network {0} is already registered.");
    public static readonly DomainMessage NetworkNameRequired = M("network.nameRequired",
        "Een netwerk heeft een naam nodig.",
        "Un réseau a besoin d'un nom.",
        "A network needs a name.");
    public static readonly DomainMessage NetworkNameTooLong = M("network.nameTooLong",
        "Een netwerknaam telt hoogstens {0} tekens.",
        "Un nom de réseau compte au plus {0} caractères.",
        "A network name is at most {0} characters.");
    public static readonly DomainMessage NetworkNotFound = M("network.notFound",
        "Netwerk {0} bestaat niet.",
        "Le réseau {0} n'existe pas.",
        "Network {0} does not exist.");
    public static readonly DomainMessage NetworkDissolvedBoundary = M("network.dissolvedBoundary",
        "{0} is opgeheven; de grens ervan kan niet meer veranderen.",
        "{0} est dissous ; sa limite ne peut plus changer.",
        "{0} is dissolved; its boundary can no longer change.");
    public static readonly DomainMessage NetworkNameTaken = M("network.nameTaken",
        "Er is al een netwerk met de naam {0}.",
        "Il existe déjà un réseau nommé {0}.",
        "There is already a network called {0}.");
    public static readonly DomainMessage BoundaryRequired = M("boundary.required",
        "Een netwerk heeft een grenspolygoon nodig.",
        "Un réseau a besoin d'un polygone de limite.",
        "A network needs a boundary polygon.");
    public static readonly DomainMessage BoundaryTooFewPoints = M("boundary.tooFewPoints",
        "Een grens heeft minstens drie verschillende punten nodig.",
        "Une limite demande au moins trois points distincts.",
        "A boundary needs at least three distinct points.");
    public static readonly DomainMessage BoundaryInvalid = M("boundary.invalid",
        "De grens is geen geldige polygoon: {0} bij {1:0.#####} N {2:0.#####} O.",
        "La limite n'est pas un polygone valable : {0} près de {1:0.#####} N {2:0.#####} E.",
        "The boundary is not a valid polygon: {0} near {1:0.#####} N {2:0.#####} E.");
    public static readonly DomainMessage BoundaryNotWgs84 = M("boundary.notWgs84",
        "De coördinaten van een grens moeten WGS84-lengte- en breedtegraden in graden zijn.",
        "Les coordonnées d'une limite doivent être des longitudes et latitudes WGS84 en degrés.",
        "Boundary coordinates must be WGS84 longitude/latitude in degrees.");
    public static readonly DomainMessage NoRoomForNetwork = M("network.noRoom",
        "Hier is geen plaats voor een nieuw netwerk: de plek ligt tegen andere netwerken of tegen de rand van de zone.",
        "Il n'y a pas de place pour un nouveau réseau ici : l'endroit touche d'autres réseaux ou le bord de la zone.",
        "There is no room for a new network here: the place lies against other networks or the edge of the zone.");

    // Why a polygon is not valid (NetTopologySuite's TopologyValidationErrors), said as part of BoundaryInvalid.
    public static readonly DomainMessage TopologySelfIntersection = M("boundary.topology.selfIntersection",
        "de rand snijdt zichzelf", "le contour se croise lui-même", "self-intersection");
    public static readonly DomainMessage TopologyRingSelfIntersection = M("boundary.topology.ringSelfIntersection",
        "een ring snijdt zichzelf", "un anneau se croise lui-même", "ring self-intersection");
    public static readonly DomainMessage TopologyTooFewPoints = M("boundary.topology.tooFewPoints",
        "te weinig punten", "trop peu de points", "too few points");
    public static readonly DomainMessage TopologyRingNotClosed = M("boundary.topology.ringNotClosed",
        "de ring is niet gesloten", "l'anneau n'est pas fermé", "ring not closed");
    public static readonly DomainMessage TopologyInvalidCoordinate = M("boundary.topology.invalidCoordinate",
        "ongeldige coördinaat", "coordonnée non valable", "invalid coordinate");
    public static readonly DomainMessage TopologyHoleOutsideShell = M("boundary.topology.holeOutsideShell",
        "een gat ligt buiten de rand", "un trou se trouve hors du contour", "hole lies outside shell");
    public static readonly DomainMessage TopologyNestedHoles = M("boundary.topology.nestedHoles",
        "gaten liggen in elkaar", "des trous sont imbriqués", "holes are nested");
    public static readonly DomainMessage TopologyDisconnectedInterior = M("boundary.topology.disconnectedInterior",
        "het binnengebied is niet samenhangend", "l'intérieur n'est pas connexe", "interior is disconnected");
    public static readonly DomainMessage TopologyOther = M("boundary.topology.other",
        "de vorm is ongeldig", "la forme n'est pas valable", "invalid shape");

    public static readonly DomainMessage BoundaryOutsideZone = M("boundary.outsideZone",
        "De grens verlaat het werkgebied van {0}: het punt {1:0.#####} N {2:0.#####} O ligt {3:0.#} km van het centrum (hoogstens {4:0.#} km). Staat ze in WGS84-lengte- en breedtegraden?",
        "La limite sort de la zone d'intervention de {0} : le point {1:0.#####} N {2:0.#####} E se trouve à {3:0.#} km du centre (au plus {4:0.#} km). Est-elle en longitudes et latitudes WGS84 ?",
        "The boundary leaves the service area of {0}: the point {1:0.#####} N {2:0.#####} E lies {3:0.#} km from its centre (at most {4:0.#} km). Is it in WGS84 longitude/latitude?");
    public static readonly DomainMessage BoundaryOverlap = M("boundary.overlap",
        "De grens overlapt {0} over ongeveer {1:N0} m².",
        "La limite chevauche {0} sur environ {1:N0} m².",
        "The boundary overlaps {0} by about {1:N0} m².");

    public static readonly DomainMessage ImportNoFeatures = M("import.noFeatures",
        "Het bestand bevat geen features.",
        "Le fichier ne contient aucune entité (feature).",
        "The file holds no features.");
    public static readonly DomainMessage ImportTooManyFeatures = M("import.tooManyFeatures",
        "Hoogstens {0:N0} features per import; dit bestand heeft er {1:N0}.",
        "Au plus {0:N0} entités par import ; ce fichier en contient {1:N0}.",
        "At most {0:N0} features per import; this file has {1:N0}.");
    public static readonly DomainMessage ImportNewNeedsName = M("import.newNeedsName",
        "Een nieuw netwerk heeft een naam nodig (eigenschap \"name\"), of geef het \"id\" van een bestaand netwerk.",
        "Un nouveau réseau a besoin d'un nom (propriété \"name\"), ou donnez l'« id » d'un réseau existant.",
        "A new network needs a name (property \"name\"), or give the \"id\" of an existing network.");
    public static readonly DomainMessage ImportNewStatus = M("import.newStatus",
        "Een nieuw netwerk wordt geïmporteerd als actief of voorgesteld, niet als {0}.",
        "Un nouveau réseau est importé comme actif ou proposé, pas comme {0}.",
        "A new network is imported as active or proposed, not {0}.");
    public static readonly DomainMessage ImportNameTaken = M("import.nameTaken",
        "Er is al een netwerk met de naam {0} (met een ander id).",
        "Il existe déjà un réseau nommé {0} (avec un autre id).",
        "There is already a network called {0} (with another id).");
    public static readonly DomainMessage ImportDuplicateNew = M("import.duplicateNew",
        "Feature {0} registreert al een nieuw netwerk met de naam {1}.",
        "L'entité {0} enregistre déjà un nouveau réseau nommé {1}.",
        "Feature {0} already registers a new network called {1}.");
    public static readonly DomainMessage ImportDuplicateTarget = M("import.duplicateTarget",
        "Feature {0} geeft al een grens voor {1}.",
        "L'entité {0} donne déjà une limite pour {1}.",
        "Feature {0} already gives a boundary for {1}.");
    public static readonly DomainMessage ImportNoPolygon = M("import.noPolygon",
        "De feature heeft geen polygoon.",
        "L'entité n'a pas de polygone.",
        "The feature has no polygon.");

    public static readonly DomainMessage StatusProposed = M("network.status.proposed", "voorgesteld", "proposé", "proposed");
    public static readonly DomainMessage StatusFounding = M("network.status.founding", "in oprichting", "en cours de création", "being founded");
    public static readonly DomainMessage StatusRecognised = M("network.status.recognised", "erkend maar nog niet gestart", "reconnu mais pas encore lancé", "recognised but not started");
    public static readonly DomainMessage StatusActive = M("network.status.active", "actief", "actif", "active");
    public static readonly DomainMessage StatusSuspended = M("network.status.suspended", "geschorst", "suspendu", "suspended");
    public static readonly DomainMessage StatusDissolved = M("network.status.dissolved", "opgeheven", "dissous", "dissolved");

    public static readonly DomainMessage StepIdea = M("founding.step.idea", "het idee tot oprichting", "l'idée de création", "the founding idea");
    public static readonly DomainMessage StepConsultation = M("founding.step.consultation",
        "het overleg met het lokale bestuur en de politie", "la concertation avec l'autorité locale et la police", "the consultation with local government and police");
    public static readonly DomainMessage StepInfoEvening = M("founding.step.infoEvening", "de infoavond", "la soirée d'information", "the info evening");
    public static readonly DomainMessage StepCharter = M("founding.step.charter", "het lokale charter", "la charte locale", "the local charter");
    public static readonly DomainMessage StepSigning = M("founding.step.signing", "de ondertekening van het charter", "la signature de la charte", "the signing of the charter");
    public static readonly DomainMessage StepRecognition = M("founding.step.recognition",
        "de erkenning door FOD Binnenlandse Zaken", "la reconnaissance par le SPF Intérieur", "the recognition by FOD Binnenlandse Zaken");
    public static readonly DomainMessage StepStart = M("founding.step.start", "de start van het netwerk", "le lancement du réseau", "the start of the network");

    public static readonly DomainMessage SignatoryMayor = M("founding.signatory.mayor", "de burgemeester", "le bourgmestre", "the mayor");
    public static readonly DomainMessage SignatoryChief = M("founding.signatory.chief", "de korpschef", "le chef de corps", "the chief of police");
    public static readonly DomainMessage SignatoryOfficer = M("founding.signatory.officer", "de gemandateerde politieambtenaar", "le fonctionnaire de police mandaté", "the mandated police officer");
    public static readonly DomainMessage SignatoryCoordinator = M("founding.signatory.coordinator", "de BIN-coördinator", "le coordinateur du PLP", "the BIN coordinator");

    public static readonly DomainMessage FoundingNoOpenIdea = M("founding.noOpenIdea",
        "{0} heeft geen open idee tot oprichting om interesse aan toe te voegen.",
        "{0} n'a pas d'idée de création ouverte à laquelle ajouter un intérêt.",
        "{0} has no open founding idea to add interest to.");
    public static readonly DomainMessage FoundingAttendance = M("founding.attendance",
        "De opkomst is een aantal mensen tussen 0 en {0:N0}.",
        "La participation est un nombre de personnes entre 0 et {0:N0}.",
        "The attendance is a number of people between 0 and {0:N0}.");
    public static readonly DomainMessage CharterRequired = M("founding.charterRequired",
        "Een charter is verplicht.",
        "Une charte est obligatoire.",
        "A charter is required.");
    public static readonly DomainMessage CharterVersionNotCurrent = M("founding.charterVersion",
        "Versie {0} is niet het huidige charter van {1}; onderteken versie {2}.",
        "La version {0} n'est pas la charte actuelle de {1} ; signez la version {2}.",
        "Version {0} is not the current charter of {1}; sign version {2}.");
    public static readonly DomainMessage CharterSignaturesMissing = M("founding.signaturesMissing",
        "Het charter moet ondertekend zijn door de burgemeester, de korpschef, de gemandateerde politieambtenaar en de BIN-coördinator; ontbreekt: {0}.",
        "La charte doit être signée par le bourgmestre, le chef de corps, le fonctionnaire de police mandaté et le coordinateur du PLP ; manque : {0}.",
        "The charter must be signed by the mayor, the chief of police, the mandated police officer and the BIN coordinator; missing: {0}.");
    public static readonly DomainMessage FodReferenceOneLine = M("founding.fodReferenceOneLine",
        "De referentie van de FOD is één regel.",
        "La référence du SPF tient sur une ligne.",
        "The FOD reference is one line.");
    public static readonly DomainMessage CharterNothingToReport = M("founding.nothingToReport",
        "{0} heeft geen wijziging van het charter die nog aan FOD Binnenlandse Zaken gemeld moet worden.",
        "{0} n'a aucune modification de charte à signaler au SPF Intérieur.",
        "{0} has no charter change waiting to be reported to FOD Binnenlandse Zaken.");
    public static readonly DomainMessage CharterVersionNotWaiting = M("founding.versionNotWaiting",
        "Versie {0} van het charter van {1} wacht niet om gemeld te worden; wel: {2}.",
        "La version {0} de la charte de {1} n'attend pas d'être signalée ; en attente : {2}.",
        "Charter version {0} of {1} is not waiting to be reported; waiting: {2}.");
    public static readonly DomainMessage SuspendOnlyActive = M("founding.suspendOnlyActive",
        "Alleen een actief netwerk kan geschorst worden; {0} is {1}.",
        "Seul un réseau actif peut être suspendu ; {0} est {1}.",
        "Only an active network can be suspended; {0} is {1}.");
    public static readonly DomainMessage ReactivateOnlySuspended = M("founding.reactivateOnlySuspended",
        "Alleen een geschorst netwerk kan opnieuw actief worden; {0} is {1}.",
        "Seul un réseau suspendu peut être réactivé ; {0} est {1}.",
        "Only a suspended network can be reactivated; {0} is {1}.");
    public static readonly DomainMessage AlreadyCoordinates = M("founding.alreadyCoordinates",
        "{0} coördineert {1} al.",
        "{0} coordonne déjà {1}.",
        "{0} already coordinates {1}.");
    public static readonly DomainMessage DoesNotCoordinate = M("founding.doesNotCoordinate",
        "{0} coördineert {1} niet.",
        "{0} ne coordonne pas {1}.",
        "{0} does not coordinate {1}.");
    public static readonly DomainMessage CoordinatorAccount = M("founding.coordinatorAccount",
        "Een coördinator is een account van het dashboard: geef de gebruikersnaam (letters, cijfers, '.', '-', '_'; hoogstens 64).",
        "Un coordinateur est un compte du tableau de bord : donnez son nom d'utilisateur (lettres, chiffres, « . », « - », « _ » ; 64 au plus).",
        "A coordinator is a dashboard account: its user name (letters, digits, '.', '-', '_'; at most 64).");
    public static readonly DomainMessage FoundingNotRecorded = M("founding.notRecorded",
        "{0} was al {1} toen het geregistreerd werd; de stappen van de oprichting worden niet in het dashboard bijgehouden.",
        "{0} était déjà {1} lors de son enregistrement ; les étapes de sa création ne sont pas suivies dans le tableau de bord.",
        "{0} was already {1} when it was registered; its founding steps are not recorded in the dashboard.");
    public static readonly DomainMessage StepAlreadyRecorded = M("founding.stepAlreadyRecorded",
        "De stap '{0}' is al vastgelegd voor {1}.",
        "L'étape « {0} » est déjà enregistrée pour {1}.",
        "The step '{0}' has already been recorded for {1}.");
    public static readonly DomainMessage StepMissing = M("founding.stepMissing",
        "Voor {1} kan {0} niet vastgelegd worden: {2} is nog niet vastgelegd.",
        "Impossible d'enregistrer {0} pour {1} : l'étape « {2} » n'a pas encore été enregistrée.",
        "Cannot record {0} for {1}: {2} has not been recorded yet.");
    public static readonly DomainMessage NetworkDissolvedNothing = M("founding.dissolved",
        "{0} is opgeheven; er kan niets meer voor vastgelegd worden.",
        "{0} est dissous ; plus rien ne peut être enregistré pour ce réseau.",
        "{0} is dissolved; nothing more can be recorded for it.");
    public static readonly DomainMessage DateInFuture = M("founding.dateInFuture",
        "{0} ligt in de toekomst ({1:yyyy-MM-dd}); leg een stap vast als hij gebeurd is.",
        "{0} est dans le futur ({1:yyyy-MM-dd}) ; enregistrez une étape une fois qu'elle a eu lieu.",
        "{0} lies in the future ({1:yyyy-MM-dd}); record a step once it has happened.");
    public static readonly DomainMessage FieldRequired = M("founding.fieldRequired",
        "{0} is verplicht.",
        "{0} est obligatoire.",
        "{0} is required.");
    public static readonly DomainMessage FieldTooLong = M("founding.fieldTooLong",
        "{0} telt hoogstens {1:N0} tekens.",
        "{0} compte au plus {1:N0} caractères.",
        "{0} is at most {1:N0} characters.");
}
