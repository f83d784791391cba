using Bin.Domain.Members;

namespace Bin.Domain.Tips;

/// <summary>
/// The preventive tips an officer can pick per incident category, in every member language. Each text is the SMS as
/// sent (sender, advice, request to answer OK), written in the GSM alphabet and at most two segments long.
/// Ids are stable: alerts and audits refer to them, so change a text freely but never reuse an id for other advice.
/// </summary>
public static class TipLibrary
{
    public static IReadOnlyList<string> CategoryIds { get; } =
        ["burglary", "suspicious-person", "suspicious-vehicle", "theft", "vandalism", "fire", "co", "other"];

    public static IReadOnlyList<TipTemplate> All { get; } =
    [
        Tip("burglary-lights", "burglary",
            nl: ("Buitenverlichting aan",
                "Verdachte personen gezien in uw buurt. Doe uw buitenverlichting aan, sluit ramen en deuren en bel 101 bij verdachte situaties."),
            fr: ("Éclairage extérieur",
                "Des personnes suspectes ont été vues dans votre quartier. Allumez votre éclairage extérieur, fermez portes et accès à clé et appelez le 101 en cas de situation suspecte."),
            de: ("Außenbeleuchtung an",
                "Verdächtige Personen in Ihrer Nachbarschaft gesehen. Schalten Sie Ihre Außenbeleuchtung ein, schließen Sie Fenster und Türen und rufen Sie bei verdächtigen Situationen 101 an."),
            en: ("Outdoor lights on",
                "Suspicious persons seen in your neighbourhood. Turn on your outdoor lights, lock doors and windows and call 101 if you see anything suspicious.")),
        Tip("burglary-lock", "burglary",
            nl: ("Alles afsluiten",
                "Er werd ingebroken in uw buurt. Sluit ramen, deuren, garage en tuinhuis af, ook als u maar even weg bent. Laat geen ladders of gereedschap buiten staan. Verdachte situatie? Bel 101."),
            fr: ("Tout verrouiller",
                "Un cambriolage a eu lieu dans votre quartier. Verrouillez portes, garage et abri de jardin, aussi pour une courte absence. Ne laissez ni échelle ni outils dehors. Situation suspecte ? Appelez le 101."),
            de: ("Alles abschließen",
                "In Ihrer Nachbarschaft wurde eingebrochen. Schließen Sie Fenster, Türen, Garage und Gartenhaus ab, auch wenn Sie nur kurz weg sind. Lassen Sie keine Leitern oder Werkzeuge draußen. Verdächtiges? Rufen Sie 101 an."),
            en: ("Lock everything",
                "There has been a burglary in your neighbourhood. Lock windows, doors, garage and garden shed, even if you are only out briefly. Do not leave ladders or tools outside. Anything suspicious? Call 101.")),

        Tip("suspicious-person-describe", "suspicious-person",
            nl: ("Beschrijving doorgeven",
                "Verdachte persoon gezien in uw buurt. Spreek hem niet aan en volg hem niet. Bel 101 met een beschrijving: kledij, lengte, richting, voertuig."),
            fr: ("Donner un signalement",
                "Personne suspecte vue dans votre quartier. Ne l'abordez pas et ne la suivez pas. Appelez le 101 avec une description : tenue, taille, direction, véhicule."),
            de: ("Beschreibung melden",
                "Verdächtige Person in Ihrer Nachbarschaft gesehen. Sprechen Sie sie nicht an und folgen Sie ihr nicht. Rufen Sie 101 an mit einer Beschreibung: Kleidung, Größe, Richtung, Fahrzeug."),
            en: ("Pass on a description",
                "Suspicious person seen in your neighbourhood. Do not approach or follow them. Call 101 with a description: clothing, height, direction, vehicle.")),
        Tip("suspicious-person-doorstep", "suspicious-person",
            nl: ("Niemand binnenlaten",
                "Personen bellen aan onder een voorwendsel (controle, meteropname, inzameling). Laat niemand binnen zonder legitimatiekaart. Bij twijfel: bel het bedrijf zelf of 101."),
            fr: ("Ne laisser entrer personne",
                "Des personnes sonnent aux portes sous un prétexte (vérification, relevé de compteur, collecte). Ne laissez entrer personne sans carte de légitimation. En cas de doute : appelez la société ou le 101."),
            de: ("Niemanden hereinlassen",
                "Personen klingeln unter einem Vorwand (Kontrolle, Zählerablesung, Sammlung). Lassen Sie niemanden ohne Dienstausweis herein. Im Zweifel: Rufen Sie die Firma selbst oder 101 an."),
            en: ("Let nobody in",
                "People are calling at doors under a pretext (inspection, meter reading, collection). Let nobody in without an ID card. If in doubt, call the company itself or 101.")),

        Tip("suspicious-vehicle-plate", "suspicious-vehicle",
            nl: ("Nummerplaat noteren",
                "Verdacht voertuig gezien in uw buurt. Noteer zo mogelijk nummerplaat, merk, kleur en rijrichting en bel 101. Volg het voertuig niet."),
            fr: ("Noter la plaque",
                "Véhicule suspect vu dans votre quartier. Si possible, notez la plaque, la marque, la couleur et la direction et appelez le 101. Ne suivez pas le véhicule."),
            de: ("Kennzeichen notieren",
                "Verdächtiges Fahrzeug in Ihrer Nachbarschaft gesehen. Notieren Sie wenn möglich Kennzeichen, Marke, Farbe und Fahrtrichtung und rufen Sie 101 an. Folgen Sie dem Fahrzeug nicht."),
            en: ("Note the number plate",
                "Suspicious vehicle seen in your neighbourhood. If possible, note the number plate, make, colour and direction and call 101. Do not follow the vehicle.")),
        Tip("suspicious-vehicle-secure", "suspicious-vehicle",
            nl: ("Wagen en fiets binnen",
                "Een verdacht voertuig rijdt rond in uw buurt. Zet wagen en fietsen in de garage of sluit ze af op een verlichte plaats en laat niets zichtbaar liggen. Bel 101 bij verdachte situaties."),
            fr: ("Rentrer voiture et vélo",
                "Un véhicule suspect circule dans votre quartier. Rentrez voiture et vélos au garage ou verrouillez-les dans un endroit éclairé, sans rien laisser en vue. Situation suspecte ? Appelez le 101."),
            de: ("Auto und Fahrrad sichern",
                "Ein verdächtiges Fahrzeug fährt in Ihrer Nachbarschaft herum. Stellen Sie Auto und Fahrräder in die Garage oder schließen Sie sie beleuchtet ab, nichts sichtbar liegen lassen. Verdächtiges? Rufen Sie 101 an."),
            en: ("Secure car and bike",
                "A suspicious vehicle is driving around your neighbourhood. Put cars and bikes in the garage or lock them in a well-lit place, with nothing visible inside. Anything suspicious? Call 101.")),

        Tip("theft-car", "theft",
            nl: ("Niets zichtbaar in de wagen",
                "Diefstallen uit wagens in uw buurt. Laat geen tas, gsm of gps zichtbaar liggen, sluit uw wagen altijd af en controleer of hij echt op slot is. Bel 101 bij verdachte situaties."),
            fr: ("Rien en vue dans la voiture",
                "Vols dans des voitures dans votre quartier. Ne laissez ni sac, ni GSM, ni GPS en vue, verrouillez toujours votre voiture et vérifiez qu'elle est bien fermée. Situation suspecte ? Appelez le 101."),
            de: ("Nichts sichtbar im Auto",
                "Diebstähle aus Autos in Ihrer Nachbarschaft. Lassen Sie keine Tasche, kein Handy und kein Navi sichtbar liegen, schließen Sie Ihr Auto immer ab und prüfen Sie, ob es wirklich zu ist. Verdächtiges? Rufen Sie 101 an."),
            en: ("Nothing visible in the car",
                "Thefts from cars in your neighbourhood. Leave no bag, phone or satnav in sight, always lock your car and check that it is really locked. Anything suspicious? Call 101.")),
        Tip("theft-bike", "theft",
            nl: ("Fiets vastleggen",
                "Fietsdiefstallen in uw buurt. Zet uw fiets binnen of leg hem met een degelijk slot vast aan een vast punt, ook thuis. Noteer het framenummer. Bel 101 bij verdachte situaties."),
            fr: ("Attacher son vélo",
                "Vols de vélos dans votre quartier. Rangez votre vélo à l'intérieur ou attachez-le à un point fixe avec un bon cadenas, aussi chez vous. Notez le numéro de cadre. Situation suspecte ? Appelez le 101."),
            de: ("Fahrrad anschließen",
                "Fahrraddiebstähle in Ihrer Nachbarschaft. Stellen Sie Ihr Fahrrad drinnen ab oder schließen Sie es mit gutem Schloss an einem festen Punkt an. Notieren Sie die Rahmennummer. Verdächtiges? Rufen Sie 101 an."),
            en: ("Lock your bike",
                "Bicycle thefts in your neighbourhood. Keep your bike indoors or lock it to a fixed point with a sturdy lock, also at home. Note the frame number. Anything suspicious? Call 101.")),

        Tip("vandalism-witness", "vandalism",
            nl: ("Niet tussenkomen",
                "Vandalisme in uw buurt. Kom niet zelf tussen, maar bel 101 met de plaats, het aantal personen en een beschrijving. Doe uw buitenverlichting aan."),
            fr: ("Ne pas intervenir",
                "Actes de vandalisme dans votre quartier. N'intervenez pas : appelez le 101 avec le lieu, le nombre de personnes et une description. Allumez votre éclairage extérieur."),
            de: ("Nicht eingreifen",
                "Vandalismus in Ihrer Nachbarschaft. Greifen Sie nicht selbst ein, sondern rufen Sie 101 an mit Ort, Anzahl der Personen und Beschreibung. Schalten Sie Ihre Außenbeleuchtung ein."),
            en: ("Do not intervene",
                "Vandalism in your neighbourhood. Do not intervene yourself; call 101 with the place, the number of people and a description. Turn on your outdoor lights.")),
        Tip("vandalism-damage", "vandalism",
            nl: ("Schade melden",
                "Vandalisme in uw buurt. Raak de schade niet aan, neem foto's en doe aangifte bij de politie. Iets gezien of camerabeelden? Antwoord op dit bericht."),
            fr: ("Signaler les dommages",
                "Vandalisme dans votre quartier. Ne touchez pas aux dommages, prenez des photos et portez plainte à la police. Vu quelque chose ou images de caméra ? Répondez à ce message."),
            de: ("Schaden melden",
                "Vandalismus in Ihrer Nachbarschaft. Berühren Sie die Schäden nicht, machen Sie Fotos und erstatten Sie Anzeige bei der Polizei. Etwas gesehen oder Kamerabilder? Antworten Sie hierauf."),
            en: ("Report the damage",
                "Vandalism in your neighbourhood. Do not touch the damage, take photos and report it to the police. Seen something or have camera footage? Reply to this message.")),

        Tip("fire-smoke", "fire",
            nl: ("Rook: ramen dicht",
                "Brand met veel rook in uw buurt. Blijf binnen, houd ramen en deuren dicht en zet de ventilatie uit. Hinder de hulpdiensten niet. Rook of vuur in uw woning? Verlaat ze en bel 112."),
            fr: ("Fumée : restez à l'intérieur",
                "Incendie avec beaucoup de fumée dans votre quartier. Restez à l'intérieur, portes fermées, ventilation coupée. Laissez passer les secours. Fumée ou feu chez vous ? Sortez et appelez le 112."),
            de: ("Rauch: Fenster zu",
                "Brand mit starkem Rauch in Ihrer Nachbarschaft. Bleiben Sie drinnen, halten Sie Fenster und Türen zu, Lüftung aus. Rettungskräfte nicht behindern. Rauch oder Feuer bei Ihnen? Verlassen Sie das Haus und rufen Sie 112 an."),
            en: ("Smoke: windows shut",
                "Fire with heavy smoke in your neighbourhood. Stay indoors, keep windows and doors shut and switch off ventilation. Keep clear of the emergency services. Smoke or fire at home? Get out, call 112.")),
        Tip("fire-smoke-alarm", "fire",
            nl: ("Rookmelders testen",
                "Na een woningbrand in uw buurt: test uw rookmelders met de testknop en zorg voor een melder op elke verdieping. Bij brand: verlaat meteen de woning, sluit de deuren achter u en bel 112."),
            fr: ("Tester les détecteurs",
                "Après un incendie d'habitation dans votre quartier : testez vos détecteurs de fumée (bouton test) et placez-en un à chaque étage. En cas d'incendie : sortez, fermez les portes et appelez le 112."),
            de: ("Rauchmelder testen",
                "Nach einem Wohnungsbrand in Ihrer Nachbarschaft: Testen Sie Ihre Rauchmelder mit der Prüftaste, einer pro Etage. Bei Brand: Haus verlassen, Türen hinter sich schließen und 112 anrufen."),
            en: ("Test smoke alarms",
                "After a house fire in your neighbourhood: test your smoke alarms with the test button and make sure there is one on every floor. In case of fire: get out, close the doors behind you and call 112.")),

        Tip("co-symptoms", "co",
            nl: ("CO: naar buiten",
                "CO-vergiftiging in uw buurt. Hoofdpijn, misselijkheid of duizeligheid bij meerdere huisgenoten? Open ramen en deuren, zet toestellen uit, ga naar buiten en bel 112."),
            fr: ("CO : sortez",
                "Intoxication au CO dans votre quartier. Malaise, nausées ou vertiges chez plusieurs occupants ? Aérez en grand, éteignez les appareils de chauffage, sortez et appelez le 112."),
            de: ("CO: ins Freie",
                "CO-Vergiftung in Ihrer Nachbarschaft. Kopfschmerzen, Übelkeit oder Schwindel bei mehreren Hausbewohnern? Fenster und Türen öffnen, Geräte ausschalten, ins Freie gehen und 112 anrufen."),
            en: ("CO: get outside",
                "Carbon monoxide poisoning in your neighbourhood. Headache, nausea or dizziness in several people at home? Open windows and doors, switch off appliances, go outside and call 112.")),
        Tip("co-prevention", "co",
            nl: ("CO voorkomen",
                "Voorkom CO-vergiftiging: laat verwarmingstoestel en schoorsteen jaarlijks nazien, dek verluchtingsroosters nooit af en gebruik geen barbecue of generator binnen. Plaats een CO-melder."),
            fr: ("Prévenir le CO",
                "Prévenez l'intoxication au CO : faites entretenir chaudière et cheminée chaque année, ne bouchez pas les grilles d'aération, pas de barbecue ni de groupe électrogène à l'intérieur."),
            de: ("CO vorbeugen",
                "Beugen Sie CO-Vergiftungen vor: Heizung und Schornstein jährlich warten lassen, Lüftungsgitter nie abdecken, keinen Grill oder Generator drinnen nutzen. Installieren Sie einen CO-Melder."),
            en: ("Prevent CO",
                "Prevent CO poisoning: have your boiler and chimney serviced every year, never cover air vents and never use a barbecue or generator indoors. Fit a CO alarm.")),

        Tip("other-alert", "other",
            nl: ("Alert blijven",
                "Politie-interventie in uw buurt. Blijf alert, verspreid geen geruchten op sociale media en bel 101 bij verdachte situaties."),
            fr: ("Rester vigilant",
                "Intervention de police dans votre quartier. Restez vigilant, ne diffusez pas de rumeurs sur les réseaux sociaux et appelez le 101 en cas de situation suspecte."),
            de: ("Aufmerksam bleiben",
                "Polizeieinsatz in Ihrer Nachbarschaft. Bleiben Sie aufmerksam, verbreiten Sie keine Gerüchte in sozialen Medien und rufen Sie bei verdächtigen Situationen 101 an."),
            en: ("Stay alert",
                "Police operation in your neighbourhood. Stay alert, do not spread rumours on social media and call 101 if you see anything suspicious.")),
        Tip("other-stay-indoors", "other",
            nl: ("Binnen blijven",
                "Politie-interventie in uw buurt. Blijf binnen, houd ramen en deuren gesloten en volg de instructies van de politie. Bel 101 bij verdachte situaties."),
            fr: ("Rester à l'intérieur",
                "Intervention de police dans votre quartier. Restez à l'intérieur, gardez vos portes fermées et suivez les instructions de la police. Situation suspecte ? Appelez le 101."),
            de: ("Drinnen bleiben",
                "Polizeieinsatz in Ihrer Nachbarschaft. Bleiben Sie drinnen, halten Sie Fenster und Türen geschlossen und folgen Sie den Anweisungen der Polizei. Verdächtiges? Rufen Sie 101 an."),
            en: ("Stay indoors",
                "Police operation in your neighbourhood. Stay indoors, keep windows and doors shut and follow police instructions. Anything suspicious? Call 101.")),
    ];

    private static readonly Dictionary<string, TipTemplate> ById = All.ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>The tips for an incident category, in the order an officer should see them.</summary>
    public static IReadOnlyList<TipTemplate> ForCategory(string categoryId)
    {
        var id = categoryId?.Trim().ToLowerInvariant() ?? "";
        if (!CategoryIds.Contains(id))
            throw new DomainException(DomainMessages.TipCategoryUnknown.With(categoryId, string.Join(", ", CategoryIds)), "category");
        return [.. All.Where(t => t.CategoryId == id)];
    }

    public static TipTemplate Get(string tipId) =>
        ById.TryGetValue(tipId?.Trim() ?? "", out var tip)
            ? tip
            : throw new DomainException(DomainMessages.TipTemplateUnknown.With(tipId), "tipTemplateId");

    private static TipTemplate Tip(string id, string categoryId,
        (string Title, string Advice) nl, (string Title, string Advice) fr, (string Title, string Advice) de, (string Title, string Advice) en) =>
        new(id, categoryId, new Dictionary<Language, LocalizedText>
        {
            [Language.Nl] = Compose(Language.Nl, nl),
            [Language.Fr] = Compose(Language.Fr, fr),
            [Language.De] = Compose(Language.De, de),
            [Language.En] = Compose(Language.En, en),
        });

    private static LocalizedText Compose(Language language, (string Title, string Advice) wording) =>
        new(wording.Title, MessageParts.Sender(language) + wording.Advice + MessageParts.AcknowledgementRequest(language));
}
