using Bin.Domain.Members;

namespace Bin.Domain.Tips;

/// <summary>One language's version of a template: a short title for the officer's picker and the SMS text as sent.</summary>
public sealed record LocalizedText(string Title, string Text);

/// <summary>A ready-made message in every member language, with a stable id that alerts and audits refer to.</summary>
public abstract class MessageTemplate
{
    private protected MessageTemplate(string id, IReadOnlyDictionary<Language, LocalizedText> translations)
    {
        if (!translations.ContainsKey(Languages.Default))
            throw new ArgumentException($"Template {id} has no {Languages.Default.Code()} text.", nameof(translations));
        Id = id;
        Translations = translations;
    }

    public string Id { get; }

    public IReadOnlyDictionary<Language, LocalizedText> Translations { get; }

    /// <summary>The title in <paramref name="language"/>, or in Dutch when there is none.</summary>
    public string Title(Language language) => In(language).Title;

    /// <summary>The SMS text in <paramref name="language"/>, or in Dutch when there is none.</summary>
    public string Text(Language language) => In(language).Text;

    private LocalizedText In(Language language) =>
        Translations.TryGetValue(language, out var text) ? text : Translations[Languages.Default];
}

/// <summary>A preventive tip for one incident category.</summary>
public sealed class TipTemplate(string id, string categoryId, IReadOnlyDictionary<Language, LocalizedText> translations)
    : MessageTemplate(id, translations)
{
    public string CategoryId { get; } = categoryId;
}

/// <summary>A follow-up message sent to members after an alert.</summary>
public sealed class FeedbackTemplate(string id, IReadOnlyDictionary<Language, LocalizedText> translations)
    : MessageTemplate(id, translations);

/// <summary>
/// The fixed parts every library message shares, so the sender reads the same everywhere. Plain hyphens, not dashes:
/// an en dash is not in the GSM alphabet and would turn the whole message into UCS-2.
/// </summary>
internal static class MessageParts
{
    public static string Sender(Language language) => language switch
    {
        Language.Fr => "Police Lommel - BIN : ",
        Language.De => "Polizei Lommel - BIN: ",
        Language.En => "Lommel Police - BIN: ",
        _ => "Politie Lommel - BIN: ",
    };

    public static string AcknowledgementRequest(Language language) => language switch
    {
        Language.Fr => " Répondez OK si vous avez lu ce message.",
        Language.De => " Antworten Sie OK, wenn Sie dies gelesen haben.",
        Language.En => " Reply OK if you have read this.",
        _ => " Antwoord OK als u dit gelezen hebt.",
    };
}
