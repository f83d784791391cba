using Bin.Domain.Members;

namespace Bin.Domain.Tips;

/// <summary>
/// Ready-made follow-up messages after an alert, in every member language, GSM alphabet, at most two segments.
/// Ids are stable: scheduled feedback and audits refer to them.
/// </summary>
public static class FeedbackTemplates
{
    public static IReadOnlyList<FeedbackTemplate> All { get; } =
    [
        Feedback("feedback-suspect-caught",
            nl: ("Verdachte gevat",
                "Dankzij uw alertheid werd een verdachte gevat. Bedankt voor uw hulp! Blijf verdachte situaties melden via 101."),
            fr: ("Suspect interpellé",
                "Suite à votre vigilance, un suspect a été interpellé. Merci pour votre aide ! Continuez à signaler toute situation suspecte au 101."),
            de: ("Verdächtiger gefasst",
                "Dank Ihrer Aufmerksamkeit wurde ein Verdächtiger gefasst. Vielen Dank für Ihre Hilfe! Melden Sie verdächtige Situationen weiterhin unter 101."),
            en: ("Suspect caught",
                "Thanks to your vigilance a suspect has been caught. Thank you for your help! Keep reporting suspicious situations on 101.")),
        Feedback("feedback-nothing-found",
            nl: ("Niets gevonden, blijf alert",
                "De politie heeft de buurt gecontroleerd maar niets verdachts aangetroffen. Blijf alert en bel 101 bij verdachte situaties. Bedankt voor uw medewerking."),
            fr: ("Rien trouvé, restez vigilant",
                "La police a vérifié le quartier mais n'a rien trouvé de suspect. Restez vigilant et appelez le 101 en cas de situation suspecte. Merci pour votre collaboration."),
            de: ("Nichts gefunden, aufmerksam bleiben",
                "Die Polizei hat die Nachbarschaft überprüft, aber nichts Verdächtiges gefunden. Bleiben Sie aufmerksam und rufen Sie bei verdächtigen Situationen 101 an. Danke für Ihre Mithilfe."),
            en: ("Nothing found, stay alert",
                "Police checked the neighbourhood but found nothing suspicious. Stay alert and call 101 if you see anything suspicious. Thank you for your cooperation.")),
        Feedback("feedback-false-alarm",
            nl: ("Vals alarm",
                "De melding van daarnet bleek vals alarm. Er is geen gevaar. Bedankt voor uw waakzaamheid."),
            fr: ("Fausse alerte",
                "Le signalement de tout à l'heure était une fausse alerte. Il n'y a aucun danger. Merci pour votre vigilance."),
            de: ("Fehlalarm",
                "Die Meldung von vorhin war ein Fehlalarm. Es besteht keine Gefahr. Danke für Ihre Aufmerksamkeit."),
            en: ("False alarm",
                "The earlier alert turned out to be a false alarm. There is no danger. Thank you for your vigilance.")),
        Feedback("feedback-all-clear",
            nl: ("Interventie afgelopen",
                "De politie-interventie in uw buurt is afgelopen. De situatie is onder controle, u kunt uw gewone activiteiten hervatten. Bedankt voor uw medewerking."),
            fr: ("Intervention terminée",
                "L'intervention de police dans votre quartier est terminée. La situation est normale, vous pouvez reprendre vos activités. Merci pour votre collaboration."),
            de: ("Entwarnung",
                "Der Polizeieinsatz in Ihrer Nachbarschaft ist beendet. Die Lage ist unter Kontrolle, Sie können Ihre gewohnten Aktivitäten fortsetzen. Danke für Ihre Mithilfe."),
            en: ("All clear",
                "The police operation in your neighbourhood has ended. The situation is under control and you can resume your normal activities. Thank you for your cooperation.")),
    ];

    private static readonly Dictionary<string, FeedbackTemplate> ById = All.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public static FeedbackTemplate Get(string feedbackTemplateId) =>
        ById.TryGetValue(feedbackTemplateId?.Trim() ?? "", out var template)
            ? template
            : throw new DomainException(
                DomainMessages.FeedbackTemplateUnknown.With(feedbackTemplateId, string.Join(", ", ById.Keys)), "feedbackTemplateId");

    private static FeedbackTemplate Feedback(string id,
        (string Title, string Message) nl, (string Title, string Message) fr, (string Title, string Message) de, (string Title, string Message) en) =>
        new(id, new Dictionary<Language, LocalizedText>
        {
            [Language.Nl] = Compose(Language.Nl, nl),
            [Language.Fr] = Compose(Language.Fr, fr),
            [Language.De] = Compose(Language.De, de),
            [Language.En] = Compose(Language.En, en),
        });

    private static LocalizedText Compose(Language language, (string Title, string Message) wording) =>
        new(wording.Title, MessageParts.Sender(language) + wording.Message);
}
