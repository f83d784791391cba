namespace Bin.Domain;

public static partial class DomainMessages
{
    public static readonly DomainMessage ErasureReasonUnknown = M("member.erasureReason",
        "reason moet een van deze zijn: {0}.",
        "reason doit être l'une de ces valeurs : {0}.",
        "reason must be one of {0}.");
    public static readonly DomainMessage MemberAlreadyRegistered = M("member.alreadyRegistered",
        "Dit lid is al ingeschreven.",
        "Ce membre est déjà inscrit.",
        "This member is already registered.");
    public static readonly DomainMessage OptOutViaRequired = M("member.viaRequired",
        "Zeg hoe het lid uitschreef (bijvoorbeeld sms of dashboard).",
        "Indiquez comment le membre s'est désinscrit (par exemple sms ou dashboard).",
        "Say how the member opted out (for example sms or dashboard).");
    public static readonly DomainMessage OptOutViaTooLong = M("member.viaTooLong",
        "'via' telt hoogstens {0} tekens.",
        "« via » compte au plus {0} caractères.",
        "'via' is at most {0} characters.");
    public static readonly DomainMessage MemberAlreadyActive = M("member.alreadyActive",
        "Dit lid is al actief.",
        "Ce membre est déjà actif.",
        "This member is active already.");
    public static readonly DomainMessage MemberErasedRegisterAgain = M("member.erasedRegisterAgain",
        "De gegevens van dit lid zijn gewist; schrijf de persoon opnieuw in als nieuw lid.",
        "Les données de ce membre ont été effacées ; inscrivez la personne à nouveau comme nouveau membre.",
        "This member's data was erased; register them again as a new member.");
    public static readonly DomainMessage MemberNotFound = M("member.notFound",
        "Dit lid bestaat niet.",
        "Ce membre n'existe pas.",
        "There is no such member.");
    public static readonly DomainMessage MemberErased = M("member.erased",
        "De gegevens van dit lid zijn gewist; er kan niets meer aan veranderen.",
        "Les données de ce membre ont été effacées ; plus rien ne peut changer à son sujet.",
        "This member's data was erased; nothing about them can change any more.");
    public static readonly DomainMessage NetworkIdEmpty = M("member.networkIdEmpty",
        "Een netwerk-id is leeg.",
        "Un identifiant de réseau est vide.",
        "A network id is empty.");
    public static readonly DomainMessage MemberNeedsNetwork = M("member.needsNetwork",
        "Een lid hoort bij minstens één netwerk.",
        "Un membre fait partie d'au moins un réseau.",
        "A member belongs to at least one network.");
    public static readonly DomainMessage ConsentRequired = M("member.consentRequired",
        "Toestemming is verplicht: zeg hoe het lid ermee instemde alarmeringen te ontvangen (bijvoorbeeld: papieren formulier op de infoavond).",
        "Le consentement est obligatoire : indiquez comment le membre a accepté de recevoir les alertes (par exemple : formulaire papier à la soirée d'information).",
        "Consent is required: say how the member agreed to receive alerts (for example: paper form at info evening).");
    public static readonly DomainMessage ConsentMethodTooLong = M("member.consentMethodTooLong",
        "De manier van toestemming telt hoogstens {0} tekens.",
        "Le mode de consentement compte au plus {0} caractères.",
        "The consent method is at most {0} characters.");
    public static readonly DomainMessage ConsentInFuture = M("member.consentInFuture",
        "Toestemming kan niet in de toekomst gegeven zijn.",
        "Le consentement ne peut pas être donné dans le futur.",
        "Consent cannot be given in the future.");
    public static readonly DomainMessage NameRequired = M("member.nameRequired",
        "Een naam is verplicht.",
        "Un nom est obligatoire.",
        "A name is required.");
    public static readonly DomainMessage NameTooLong = M("member.nameTooLong",
        "Een naam telt hoogstens {0} tekens; deze telt er {1}.",
        "Un nom compte au plus {0} caractères ; celui-ci en compte {1}.",
        "A name is at most {0} characters; this one has {1}.");
    public static readonly DomainMessage NameControl = M("member.nameControl",
        "Een naam mag geen stuurtekens bevatten.",
        "Un nom ne peut pas contenir de caractères de contrôle.",
        "A name cannot contain control characters.");
    public static readonly DomainMessage LanguageUnknown = M("member.languageUnknown",
        "'{0}' is geen ondersteunde taal; kies {1} of {2}.",
        "« {0} » n'est pas une langue prise en charge ; choisissez {1} ou {2}.",
        "'{0}' is not a supported language; choose {1} or {2}.");

    public static readonly DomainMessage PhoneNotE164 = M("phone.notE164",
        "'{0}' is geen telefoonnummer in internationale vorm (+32470123456).",
        "« {0} » n'est pas un numéro de téléphone au format international (+32470123456).",
        "'{0}' is not a phone number in international form (+32470123456).");
    public static readonly DomainMessage PhoneRequired = M("phone.required",
        "Een gsm-nummer is verplicht.",
        "Un numéro de GSM est obligatoire.",
        "A mobile phone number is required.");
    public static readonly DomainMessage PhoneNotANumber = M("phone.notANumber",
        "'{0}' is geen telefoonnummer. Geef het als 0470 12 34 56 of +32 470 12 34 56.",
        "« {0} » n'est pas un numéro de téléphone. Écrivez-le comme 0470 12 34 56 ou +32 470 12 34 56.",
        "'{0}' is not a phone number. Enter it as 0470 12 34 56 or +32 470 12 34 56.");
    public static readonly DomainMessage PhoneTooShort = M("phone.tooShort",
        "'{0}' is geen geldig telefoonnummer: het is te kort.",
        "« {0} » n'est pas un numéro de téléphone valable : il est trop court.",
        "'{0}' is not a valid phone number: it is too short.");
    public static readonly DomainMessage PhoneTooLong = M("phone.tooLong",
        "'{0}' is geen geldig telefoonnummer: het is te lang.",
        "« {0} » n'est pas un numéro de téléphone valable : il est trop long.",
        "'{0}' is not a valid phone number: it is too long.");
    public static readonly DomainMessage PhoneUnknownCountryCode = M("phone.unknownCountryCode",
        "'{0}' is geen geldig telefoonnummer: de landcode bestaat niet.",
        "« {0} » n'est pas un numéro de téléphone valable : l'indicatif du pays est inconnu.",
        "'{0}' is not a valid phone number: the country code is unknown.");
    public static readonly DomainMessage PhoneBelgianMobileLength = M("phone.belgianMobileLength",
        "'{0}' is geen geldig telefoonnummer: een Belgisch gsm-nummer heeft 10 cijfers (04xx xx xx xx).",
        "« {0} » n'est pas un numéro de téléphone valable : un numéro de GSM belge compte 10 chiffres (04xx xx xx xx).",
        "'{0}' is not a valid phone number: a Belgian mobile number has 10 digits (04xx xx xx xx).");
    public static readonly DomainMessage PhoneInvalidDigits = M("phone.invalidDigits",
        "'{0}' is geen geldig telefoonnummer; controleer de cijfers.",
        "« {0} » n'est pas un numéro de téléphone valable ; vérifiez les chiffres.",
        "'{0}' is not a valid phone number; check the digits.");
    public static readonly DomainMessage PhoneBelgianLandline = M("phone.belgianLandline",
        "{0} is een Belgisch vast nummer; alarmeringen vragen een gsm-nummer (04xx xx xx xx).",
        "{0} est un numéro fixe belge ; les alertes demandent un numéro de GSM (04xx xx xx xx).",
        "{0} is a Belgian landline; alerts need a mobile number (04xx xx xx xx).");
    public static readonly DomainMessage PhoneCountryNotAccepted = M("phone.countryNotAccepted",
        "{0}: alleen gsm-nummers uit België, Nederland, Frankrijk, Duitsland en Luxemburg worden aanvaard.",
        "{0} : seuls les numéros de GSM de Belgique, des Pays-Bas, de France, d'Allemagne et du Luxembourg sont acceptés.",
        "{0}: only mobile numbers of Belgium, the Netherlands, France, Germany and Luxembourg are accepted.");
    public static readonly DomainMessage PhoneLandline = M("phone.landline",
        "{0} is een vast nummer; alarmeringen vragen een gsm-nummer.",
        "{0} est un numéro fixe ; les alertes demandent un numéro de GSM.",
        "{0} is a landline; alerts need a mobile number.");
    public static readonly DomainMessage PhoneNotAMobile = M("phone.notAMobile",
        "{0} is {1}; alarmeringen vragen een gsm-nummer.",
        "{0} est {1} ; les alertes demandent un numéro de GSM.",
        "{0} is {1}; alerts need a mobile number.");
    public static readonly DomainMessage PhoneKindLandline = M("phone.kind.landline", "een vast nummer", "un numéro fixe", "a landline");
    public static readonly DomainMessage PhoneKindTollFree = M("phone.kind.tollFree", "een gratis nummer", "un numéro gratuit", "a toll-free number");
    public static readonly DomainMessage PhoneKindPremiumRate = M("phone.kind.premiumRate", "een betaalnummer", "un numéro surtaxé", "a premium-rate number");
    public static readonly DomainMessage PhoneKindSharedCost = M("phone.kind.sharedCost", "een nummer met gedeelde kosten", "un numéro à coûts partagés", "a shared-cost number");
    public static readonly DomainMessage PhoneKindVoip = M("phone.kind.voip", "een internetnummer (VoIP)", "un numéro internet (VoIP)", "an internet (VoIP) number");
    public static readonly DomainMessage PhoneKindPager = M("phone.kind.pager", "een piepernummer", "un numéro de bipeur", "a pager number");
    public static readonly DomainMessage PhoneKindUan = M("phone.kind.uan", "een bedrijfsnummer", "un numéro d'entreprise", "a company number");
    public static readonly DomainMessage PhoneKindVoicemail = M("phone.kind.voicemail", "een voicemailnummer", "un numéro de messagerie vocale", "a voicemail number");
    public static readonly DomainMessage PhoneKindPersonal = M("phone.kind.personal", "een persoonlijk doorschakelnummer", "un numéro personnel de renvoi", "a personal forwarding number");
    public static readonly DomainMessage PhoneKindOther = M("phone.kind.other", "geen gsm-nummer", "pas un numéro de GSM", "not a mobile number");

    public static readonly DomainMessage JoinReasonTooLong = M("join.reasonTooLong",
        "De reden telt hoogstens {0} tekens.",
        "La raison compte au plus {0} caractères.",
        "The reason is at most {0} characters.");
    public static readonly DomainMessage JoinRequestNotFound = M("join.notFound",
        "Er is geen bevestigde aanvraag {0}.",
        "Il n'y a pas de demande d'adhésion confirmée {0}.",
        "There is no confirmed join request {0}.");
    public static readonly DomainMessage JoinAlreadyApproved = M("join.alreadyApproved",
        "Deze aanvraag is al goedgekeurd.",
        "Cette demande a déjà été approuvée.",
        "This request was already approved.");
    public static readonly DomainMessage JoinAlreadyDeclined = M("join.alreadyDeclined",
        "Deze aanvraag is al geweigerd.",
        "Cette demande a déjà été refusée.",
        "This request was already declined.");

    public static readonly DomainMessage UserNameRequired = M("account.userNameRequired",
        "Een gebruikersnaam is verplicht.",
        "Un nom d'utilisateur est obligatoire.",
        "A user name is required.");
    public static readonly DomainMessage UserNameTooLong = M("account.userNameTooLong",
        "Een gebruikersnaam telt hoogstens {0} tekens.",
        "Un nom d'utilisateur compte au plus {0} caractères.",
        "A user name has at most {0} characters.");
    public static readonly DomainMessage UserNameCharacters = M("account.userNameCharacters",
        "Een gebruikersnaam bestaat alleen uit de letters a–z, cijfers, '.', '-' en '_'.",
        "Un nom d'utilisateur ne contient que les lettres a–z, des chiffres, « . », « - » et « _ ».",
        "A user name uses only letters a–z, digits, '.', '-' and '_'.");
    public static readonly DomainMessage DisplayNameRequired = M("account.displayNameRequired",
        "Een weergavenaam is verplicht.",
        "Un nom affiché est obligatoire.",
        "A display name is required.");
    public static readonly DomainMessage DisplayNameTooLong = M("account.displayNameTooLong",
        "Een weergavenaam telt hoogstens {0} tekens.",
        "Un nom affiché compte au plus {0} caractères.",
        "A display name has at most {0} characters.");
    public static readonly DomainMessage PasswordRequired = M("account.passwordRequired",
        "Een wachtwoord is verplicht.",
        "Un mot de passe est obligatoire.",
        "A password is required.");
    public static readonly DomainMessage PasswordTooShort = M("account.passwordTooShort",
        "Een wachtwoord telt minstens {0} tekens.",
        "Un mot de passe compte au moins {0} caractères.",
        "A password has at least {0} characters.");
    public static readonly DomainMessage PasswordContainsUserName = M("account.passwordContainsUserName",
        "Een wachtwoord mag de gebruikersnaam niet bevatten.",
        "Un mot de passe ne peut pas contenir le nom d'utilisateur.",
        "A password must not contain the user name.");
    public static readonly DomainMessage RolesRequired = M("account.rolesRequired",
        "Een account heeft minstens één rol nodig.",
        "Un compte a besoin d'au moins un rôle.",
        "An account needs at least one role.");
    public static readonly DomainMessage RoleUnknown = M("account.roleUnknown",
        "Er is geen rol '{0}'.",
        "Il n'y a pas de rôle « {0} ».",
        "There is no role called '{0}'.");
    public static readonly DomainMessage AccountNetworkUnknown = M("account.networkUnknown",
        "Er is geen netwerk {0}.",
        "Il n'y a pas de réseau {0}.",
        "There is no network {0}.");
}
