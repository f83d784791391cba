namespace Bin.Domain;

/// <summary>The words a text check uses: a tip's and a feedback text's rules are the same, their wording is not.</summary>
public sealed record TextRules(DomainMessage Required, DomainMessage Control, DomainMessage TooLong, DomainMessage TooLongUcs2One, DomainMessage TooLongUcs2Many);

public static partial class DomainMessages
{
    public static readonly DomainMessage TipBoth = M("alert.tipBoth",
        "Kies een tip uit de bibliotheek of schrijf er zelf een, niet allebei.",
        "Choisissez un conseil dans la bibliothèque ou rédigez-en un, pas les deux.",
        "Choose a tip from the library or write one, not both.");
    public static readonly DomainMessage TipMissing = M("alert.tipMissing",
        "Een alarmering heeft een tip nodig: kies er een uit de bibliotheek of schrijf er zelf een.",
        "Une alerte a besoin d'un conseil : choisissez-en un dans la bibliothèque ou rédigez-en un.",
        "An alert needs a tip: choose one from the library or write one.");
    public static readonly DomainMessage AlertIncidentMissing = M("alert.incidentMissing",
        "De melding bestaat niet.",
        "L'incident n'existe pas.",
        "The incident does not exist.");
    public static readonly DomainMessage AlertIncidentClosed = M("alert.incidentClosed",
        "De melding is afgesloten; de netwerken nu nog alarmeren zou de leden alleen verwarren.",
        "L'incident est clôturé ; alerter ses réseaux maintenant ne ferait que semer la confusion chez les membres.",
        "The incident is closed; alerting its networks now would only confuse members.");
    public static readonly DomainMessage AlertNoNetworks = M("alert.noNetworks",
        "Kies minstens één netwerk om te alarmeren.",
        "Choisissez au moins un réseau à alerter.",
        "Select at least one network to alert.");
    public static readonly DomainMessage AlertUnknownNetworks = M("alert.unknownNetworks",
        "Onbekend(e) netwerk(en): {0}.",
        "Réseau(x) inconnu(s) : {0}.",
        "Unknown network(s): {0}.");
    public static readonly DomainMessage AlertNoRecipients = M("alert.noRecipients",
        "De gekozen netwerken hebben geen actieve leden om te alarmeren.",
        "Les réseaux choisis n'ont aucun membre actif à alerter.",
        "The selected networks have no active members to alert.");
    public static readonly DomainMessage AlertHourlyCap = M("alert.hourlyCap",
        "U verstuurde {0} alarmeringen in het afgelopen uur; het maximum is {1}. Vraag het aan een collega of wacht even.",
        "Vous avez envoyé {0} alertes au cours de la dernière heure ; le maximum est de {1}. Demandez à un collègue ou patientez.",
        "You sent {0} alerts in the last hour, the most allowed is {1}. Ask a colleague or wait.");
    public static readonly DomainMessage AlertRepeat = M("alert.repeat",
        "{0} van de netwerken kreeg {1} minuut/minuten geleden een alarmering voor deze melding; verstuur opnieuw met \"repeat\": true.",
        "{0} des réseaux ont reçu une alerte pour cet incident il y a {1} minute(s) ; renvoyez avec \"repeat\": true.",
        "{0} of the networks got an alert for this incident {1} minute(s) ago; send again with \"repeat\": true.");
    public static readonly DomainMessage PersonalData = M("alert.personalData",
        "De tip bevat persoonsgegevens ({0}). Verwijder ze, of bevestig dat ze nodig zijn.",
        "Le conseil contient des données personnelles ({0}). Retirez-les, ou confirmez qu'elles sont nécessaires.",
        "The tip contains personal data ({0}). Remove it, or confirm that it is needed.");

    public static readonly DomainMessage TipCategoryUnknown = M("tip.categoryUnknown",
        "'{0}' is geen incidentcategorie; kies uit {1}.",
        "« {0} » n'est pas une catégorie d'incident ; choisissez parmi {1}.",
        "'{0}' is not an incident category; choose one of {1}.");
    public static readonly DomainMessage TipTemplateUnknown = M("tip.templateUnknown",
        "Er is geen tipsjabloon '{0}'. Kies een tip uit de bibliotheek of schrijf er zelf een.",
        "Il n'y a pas de modèle de conseil « {0} ». Choisissez un conseil dans la bibliothèque ou rédigez le vôtre.",
        "There is no tip template '{0}'. Pick a tip from the library or write your own.");
    public static readonly DomainMessage FeedbackTemplateUnknown = M("feedback.templateUnknown",
        "Er is geen sjabloon voor terugkoppeling '{0}'. Kies uit {1} of schrijf zelf een tekst.",
        "Il n'y a pas de modèle de retour d'information « {0} ». Choisissez parmi {1} ou rédigez votre texte.",
        "There is no feedback template '{0}'. Pick one of {1} or write your own.");

    public static readonly DomainMessage TipRequired = M("tip.required",
        "Een tip heeft een tekst nodig.",
        "Un conseil a besoin d'un texte.",
        "A tip needs a text.");
    public static readonly DomainMessage TipControl = M("tip.control",
        "De tip bevat een onzichtbaar stuurteken (U+{0:X4}) op positie {1}; alleen regeleinden zijn toegestaan.",
        "Le conseil contient un caractère de contrôle invisible (U+{0:X4}) à la position {1} ; seuls les retours à la ligne sont permis.",
        "The tip contains an invisible control character (U+{0:X4}) at position {1}; only line breaks are allowed.");
    public static readonly DomainMessage TipTooLong = M("tip.tooLong",
        "De tip vraagt {0} sms-segmenten; hoogstens {1} zijn toegestaan. Maak hem korter.",
        "Le conseil demande {0} segments SMS ; {1} au plus sont permis. Raccourcissez-le.",
        "The tip needs {0} SMS segments; at most {1} are allowed. Shorten it.");
    public static readonly DomainMessage TipTooLongUcs2One = M("tip.tooLongUcs2One",
        "De tip vraagt {0} sms-segmenten; hoogstens {1} zijn toegestaan. Maak hem korter of vervang {2}: dat teken dwingt UCS-2 af, waarin minder tekens per segment passen.",
        "Le conseil demande {0} segments SMS ; {1} au plus sont permis. Raccourcissez-le ou remplacez {2} : ce caractère impose l'UCS-2, qui tient moins de caractères par segment.",
        "The tip needs {0} SMS segments; at most {1} are allowed. Shorten it or replace {2}: it forces UCS-2, which fits fewer characters per segment.");
    public static readonly DomainMessage TipTooLongUcs2Many = M("tip.tooLongUcs2Many",
        "De tip vraagt {0} sms-segmenten; hoogstens {1} zijn toegestaan. Maak hem korter of vervang {2}: die tekens dwingen UCS-2 af, waarin minder tekens per segment passen.",
        "Le conseil demande {0} segments SMS ; {1} au plus sont permis. Raccourcissez-le ou remplacez {2} : ces caractères imposent l'UCS-2, qui tient moins de caractères par segment.",
        "The tip needs {0} SMS segments; at most {1} are allowed. Shorten it or replace {2}: they force UCS-2, which fits fewer characters per segment.");

    public static readonly DomainMessage FeedbackTextRequired = M("feedback.textRequired",
        "Een terugkoppeling heeft een tekst nodig.",
        "Un retour d'information a besoin d'un texte.",
        "Feedback needs a text.");
    public static readonly DomainMessage FeedbackControl = M("feedback.control",
        "De tekst van de terugkoppeling bevat een onzichtbaar stuurteken (U+{0:X4}) op positie {1}; alleen regeleinden zijn toegestaan.",
        "Le texte du retour d'information contient un caractère de contrôle invisible (U+{0:X4}) à la position {1} ; seuls les retours à la ligne sont permis.",
        "The feedback text contains an invisible control character (U+{0:X4}) at position {1}; only line breaks are allowed.");
    public static readonly DomainMessage FeedbackTooLong = M("feedback.tooLong",
        "De tekst van de terugkoppeling vraagt {0} sms-segmenten; hoogstens {1} zijn toegestaan. Maak hem korter.",
        "Le texte du retour d'information demande {0} segments SMS ; {1} au plus sont permis. Raccourcissez-le.",
        "The feedback text needs {0} SMS segments; at most {1} are allowed. Shorten it.");
    public static readonly DomainMessage FeedbackTooLongUcs2One = M("feedback.tooLongUcs2One",
        "De tekst van de terugkoppeling vraagt {0} sms-segmenten; hoogstens {1} zijn toegestaan. Maak hem korter of vervang {2}: dat teken dwingt UCS-2 af, waarin minder tekens per segment passen.",
        "Le texte du retour d'information demande {0} segments SMS ; {1} au plus sont permis. Raccourcissez-le ou remplacez {2} : ce caractère impose l'UCS-2, qui tient moins de caractères par segment.",
        "The feedback text needs {0} SMS segments; at most {1} are allowed. Shorten it or replace {2}: it forces UCS-2, which fits fewer characters per segment.");
    public static readonly DomainMessage FeedbackTooLongUcs2Many = M("feedback.tooLongUcs2Many",
        "De tekst van de terugkoppeling vraagt {0} sms-segmenten; hoogstens {1} zijn toegestaan. Maak hem korter of vervang {2}: die tekens dwingen UCS-2 af, waarin minder tekens per segment passen.",
        "Le texte du retour d'information demande {0} segments SMS ; {1} au plus sont permis. Raccourcissez-le ou remplacez {2} : ces caractères imposent l'UCS-2, qui tient moins de caractères par segment.",
        "The feedback text needs {0} SMS segments; at most {1} are allowed. Shorten it or replace {2}: they force UCS-2, which fits fewer characters per segment.");

    public static readonly TextRules TipRules = new(TipRequired, TipControl, TipTooLong, TipTooLongUcs2One, TipTooLongUcs2Many);
    public static readonly TextRules FeedbackRules = new(FeedbackTextRequired, FeedbackControl, FeedbackTooLong, FeedbackTooLongUcs2One, FeedbackTooLongUcs2Many);

    public static readonly DomainMessage FeedbackAlreadyScheduled = M("feedback.alreadyScheduled",
        "Deze terugkoppeling is al ingepland.",
        "Ce retour d'information est déjà planifié.",
        "This feedback has already been scheduled.");
    public static readonly DomainMessage AlertNotFound = M("alert.notFound",
        "Deze alarmering bestaat niet.",
        "Cette alerte n'existe pas.",
        "There is no such alert.");
    public static readonly DomainMessage FeedbackNothingToChange = M("feedback.nothingToChange",
        "Niets te wijzigen: geef een nieuwe tekst of een nieuw sjabloon, een nieuw tijdstip (sendAt) of een wachttijd na het afsluiten (afterCloseMinutes).",
        "Rien à modifier : donnez un nouveau texte ou modèle, une nouvelle heure (sendAt) ou un délai après la clôture (afterCloseMinutes).",
        "Nothing to change: give a new text or template, a new time (sendAt) or a delay after closing (afterCloseMinutes).");
    public static readonly DomainMessage FeedbackTemplateAndText = M("feedback.templateAndText",
        "Kies een sjabloon voor de terugkoppeling of schrijf zelf een tekst, niet allebei.",
        "Choisissez un modèle de retour d'information ou rédigez votre texte, pas les deux.",
        "Choose a feedback template or write your own text, not both.");
    public static readonly DomainMessage FeedbackTextMissing = M("feedback.textMissing",
        "Een terugkoppeling heeft een tekst nodig: schrijf er een of kies een sjabloon.",
        "Un retour d'information a besoin d'un texte : rédigez-en un ou choisissez un modèle.",
        "Feedback needs a text: write one or choose a feedback template.");
    public static readonly DomainMessage FeedbackWhenMissing = M("feedback.whenMissing",
        "Zeg wanneer ze vertrekt: een tijdstip (sendAt) of een aantal minuten na het afsluiten van de melding (afterCloseMinutes).",
        "Indiquez quand l'envoyer : une heure (sendAt) ou un nombre de minutes après la clôture de l'incident (afterCloseMinutes).",
        "Say when to send it: a time (sendAt) or minutes after the incident is closed (afterCloseMinutes).");
    public static readonly DomainMessage FeedbackWhenBoth = M("feedback.whenBoth",
        "Geef een tijdstip (sendAt) of een aantal minuten na het afsluiten (afterCloseMinutes), niet allebei.",
        "Donnez une heure (sendAt) ou un nombre de minutes après la clôture (afterCloseMinutes), pas les deux.",
        "Give either a time (sendAt) or minutes after closing (afterCloseMinutes), not both.");
    public static readonly DomainMessage FeedbackSendAtPast = M("feedback.sendAtPast",
        "Het tijdstip ligt in het verleden; kies een moment vanaf nu.",
        "L'heure d'envoi est dépassée ; choisissez un moment à partir de maintenant.",
        "The send time lies in the past; choose a time from now on.");
    public static readonly DomainMessage FeedbackTooFarAhead = M("feedback.tooFarAhead",
        "Een terugkoppeling kan hoogstens {0:0} dagen vooruit ingepland worden.",
        "Un retour d'information peut être planifié au plus {0:0} jours à l'avance.",
        "Feedback can be scheduled at most {0:0} days ahead.");
    public static readonly DomainMessage FeedbackAfterCloseRange = M("feedback.afterCloseRange",
        "Het aantal minuten na het afsluiten ligt tussen 0 en {0} (een week); {1} valt daarbuiten.",
        "Le nombre de minutes après la clôture est compris entre 0 et {0} (une semaine) ; {1} ne l'est pas.",
        "Minutes after closing must be between 0 and {0} (one week); {1} is not.");
    public static readonly DomainMessage FeedbackAfterClosePast = M("feedback.afterClosePast",
        "De melding werd al {0} minuten geleden afgesloten, dus {1} minuten na het afsluiten ligt in het verleden. Kies liever een tijdstip (sendAt).",
        "L'incident a été clôturé il y a déjà {0} minutes : {1} minutes après la clôture, c'est donc dans le passé. Choisissez plutôt une heure (sendAt).",
        "The incident was already closed {0} minutes ago, so {1} minutes after closing lies in the past. Choose a time (sendAt) instead.");
    public static readonly DomainMessage FeedbackNotFound = M("feedback.notFound",
        "Deze terugkoppeling bestaat niet.",
        "Ce retour d'information n'existe pas.",
        "There is no such feedback.");
    public static readonly DomainMessage FeedbackSentNoChange = M("feedback.sentNoChange",
        "Deze terugkoppeling is al verstuurd; ze kan niet meer gewijzigd worden.",
        "Ce retour d'information a déjà été envoyé ; il ne peut plus être modifié.",
        "This feedback was already sent; it can no longer be changed.");
    public static readonly DomainMessage FeedbackSentNoCancel = M("feedback.sentNoCancel",
        "Deze terugkoppeling is al verstuurd; ze kan niet meer geannuleerd worden.",
        "Ce retour d'information a déjà été envoyé ; il ne peut plus être annulé.",
        "This feedback was already sent; it can no longer be cancelled.");
    public static readonly DomainMessage FeedbackAlreadyCancelled = M("feedback.alreadyCancelled",
        "Deze terugkoppeling is al geannuleerd.",
        "Ce retour d'information a déjà été annulé.",
        "This feedback was already cancelled.");
    public static readonly DomainMessage FeedbackCancelledNoChange = M("feedback.cancelledNoChange",
        "Deze terugkoppeling werd geannuleerd; ze kan niet meer gewijzigd worden. Plan een nieuwe terugkoppeling in.",
        "Ce retour d'information a été annulé ; il ne peut plus être modifié. Planifiez-en un nouveau.",
        "This feedback was cancelled; it can no longer be changed. Schedule new feedback instead.");
    public static readonly DomainMessage ReminderRange = M("feedback.reminderRange",
        "Een herinnering vertrekt tussen {0} en {1} minuten (één dag) na de alarmering; {2} valt daarbuiten.",
        "Un rappel part entre {0} et {1} minutes (un jour) après l'alerte ; {2} est hors limites.",
        "A reminder goes between {0} and {1} minutes (one day) after the alert; {2} is not.");
}
