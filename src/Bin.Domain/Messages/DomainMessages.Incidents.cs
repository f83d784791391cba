namespace Bin.Domain;

public static partial class DomainMessages
{
    public static readonly DomainMessage CategoryMissing = M("incident.categoryMissing",
        "Er is geen categorie opgegeven. Kies uit: {0}.",
        "Aucune catégorie n'a été indiquée. Choisissez parmi : {0}.",
        "No category was given. Choose one of: {0}.");
    public static readonly DomainMessage CategoryUnknown = M("incident.categoryUnknown",
        "'{0}' is geen incidentcategorie. Kies uit: {1}.",
        "« {0} » n'est pas une catégorie d'incident. Choisissez parmi : {1}.",
        "'{0}' is not an incident category. Choose one of: {1}.");
    public static readonly DomainMessage IncidentAlreadyReported = M("incident.alreadyReported",
        "Deze melding is al geregistreerd.",
        "Cet incident a déjà été enregistré.",
        "This incident has already been reported.");
    public static readonly DomainMessage ReporterKindUnknown = M("incident.reporterKind",
        "De melder is een lid, een patrouille of iemand anders.",
        "Le signalement vient d'un membre, d'une patrouille ou d'une autre personne.",
        "The reporter must be a member, a patrol or someone else.");
    public static readonly DomainMessage IncidentClosedNoVerify = M("incident.closedNoVerify",
        "Deze melding is afgesloten; een afgesloten melding kan niet meer geverifieerd worden.",
        "Cet incident est clôturé ; un incident clôturé ne peut plus être vérifié.",
        "This incident is closed; a closed incident cannot be verified.");
    public static readonly DomainMessage IncidentAlreadyVerified = M("incident.alreadyVerified",
        "Deze melding is al geverifieerd.",
        "Cet incident a déjà été vérifié.",
        "This incident has already been verified.");
    public static readonly DomainMessage IncidentClosedNoChange = M("incident.closedNoChange",
        "Deze melding is afgesloten en kan niet meer gewijzigd worden.",
        "Cet incident est clôturé et ne peut plus être modifié.",
        "This incident is closed and can no longer be changed.");
    public static readonly DomainMessage IncidentAlreadyClosed = M("incident.alreadyClosed",
        "Deze melding is al afgesloten.",
        "Cet incident est déjà clôturé.",
        "This incident is already closed.");
    public static readonly DomainMessage OutcomeUnknown = M("incident.outcomeUnknown",
        "Kies een afloop: {0}.",
        "Choisissez une issue : {0}.",
        "Choose an outcome: {0}.");
    public static readonly DomainMessage AddressTooLong = M("incident.addressTooLong",
        "Een adres telt hoogstens {0} tekens; dit telt er {1}.",
        "Une adresse compte au plus {0} caractères ; celle-ci en compte {1}.",
        "An address is at most {0} characters; this one has {1}.");

    public static readonly DomainMessage NoteTooLong = M("incident.noteTooLong",
        "Een notitie telt hoogstens {0} tekens; deze telt er {1}.",
        "Une note compte au plus {0} caractères ; celle-ci en compte {1}.",
        "A note is at most {0} characters; this one has {1}.");
    public static readonly DomainMessage IncidentNotFound = M("incident.notFound",
        "Deze melding bestaat niet.",
        "Cet incident n'existe pas.",
        "There is no such incident.");
    public static readonly DomainMessage DescriptionRequired = M("incident.descriptionRequired",
        "Beschrijf wat er gezien werd: een beschrijving is verplicht.",
        "Décrivez ce qui a été vu : une description est obligatoire.",
        "Describe what was seen: a description is required.");
    public static readonly DomainMessage DescriptionTooLong = M("incident.descriptionTooLong",
        "Een beschrijving telt hoogstens {0} tekens; deze telt er {1}.",
        "Une description compte au plus {0} caractères ; celle-ci en compte {1}.",
        "A description is at most {0} characters; this one has {1}.");

    public static readonly DomainMessage LatitudeInvalid = M("geo.latitude",
        "De breedtegraad moet een getal tussen -90 en 90 graden zijn.",
        "La latitude doit être un nombre entre -90 et 90 degrés.",
        "Latitude must be a number between -90 and 90 degrees.");
    public static readonly DomainMessage LongitudeInvalid = M("geo.longitude",
        "De lengtegraad moet een getal tussen -180 en 180 graden zijn.",
        "La longitude doit être un nombre entre -180 et 180 degrés.",
        "Longitude must be a number between -180 and 180 degrees.");
    public static readonly DomainMessage DistanceInvalid = M("geo.distance",
        "De afstand moet een aantal meter zijn, nul of meer.",
        "La distance doit être un nombre de mètres, zéro ou plus.",
        "The distance must be a number of metres, zero or more.");
    public static readonly DomainMessage NearMetresInvalid = M("geo.nearMetres",
        "meters moet een afstand van 0 tot {0:0} meter zijn.",
        "meters doit être une distance de 0 à {0:0} mètres.",
        "meters must be a distance from 0 to {0:0} metres.");
    public static readonly DomainMessage RouteKind = M("geo.routeKind",
        "geometry moet een GeoJSON Point of LineString zijn.",
        "geometry doit être un Point ou une LineString GeoJSON.",
        "geometry must be a GeoJSON Point or LineString.");
    public static readonly DomainMessage RouteEmpty = M("geo.routeEmpty",
        "geometry bevat geen coördinaten.",
        "geometry ne contient aucune coordonnée.",
        "geometry has no coordinates.");
    public static readonly DomainMessage RoutePosition = M("geo.routePosition",
        "geometry bevat een positie die geen WGS84 [lengtegraad, breedtegraad] in graden is.",
        "geometry contient une position qui n'est pas en WGS84 [longitude, latitude] en degrés.",
        "geometry holds a position that is not WGS84 [longitude, latitude] in degrees.");
    public static readonly DomainMessage LineTooShort = M("geo.lineTooShort",
        "Een LineString heeft minstens twee verschillende posities nodig.",
        "Une LineString demande au moins deux positions différentes.",
        "A LineString needs at least two different positions.");
    public static readonly DomainMessage OutsideZone = M("geo.outsideZone",
        "De plaats {0:0.#####} N {1:0.#####} O ligt {2:0.#} km van het centrum van {3}, buiten het werkgebied van {4:0.#} km. Zijn breedte- en lengtegraad verwisseld?",
        "Le lieu {0:0.#####} N {1:0.#####} E se trouve à {2:0.#} km du centre de {3}, hors de sa zone d'intervention de {4:0.#} km. La latitude et la longitude ont-elles été inversées ?",
        "The location {0:0.#####} N {1:0.#####} E lies {2:0.#} km from the centre of {3}, outside its {4:0.#} km service area. Were latitude and longitude swapped?");
}
