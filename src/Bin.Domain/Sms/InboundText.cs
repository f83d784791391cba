using System.Text;

namespace Bin.Domain.Sms;

/// <summary>What a member meant with a text sent back to the BIN number.</summary>
public enum InboundIntent
{
    /// <summary>"I have read the tip": OK, JA, OUI, YES or 1.</summary>
    Acknowledge,

    /// <summary>"Take me off the list": STOP, STOPPEN, ARRET, ARRÊT or UNSUBSCRIBE.</summary>
    OptOut,

    /// <summary>Anything else, e.g. a sighting; an officer reads it.</summary>
    Reply,
}

/// <summary>An inbound text with its intent; <paramref name="Text"/> is the body without surrounding whitespace.</summary>
public sealed record InboundClassification(InboundIntent Intent, string Text);

/// <summary>
/// Reads inbound SMS conservatively: only a bare keyword counts, tolerant of case, surrounding whitespace and
/// surrounding punctuation ("Ok.", "ja!"). Anything more ("ok, ik zag hem lopen") is a reply an officer must read.
/// </summary>
public static class InboundText
{
    private static readonly HashSet<string> AcknowledgeWords = new(["OK", "JA", "OUI", "YES", "1"], StringComparer.Ordinal);
    private static readonly HashSet<string> OptOutWords = new(["STOP", "STOPPEN", "ARRET", "ARRÊT", "UNSUBSCRIBE"], StringComparer.Ordinal);

    private static readonly char[] OuterNoise = [.. " \t\r\n\u00A0.,;:!?¡¿'\"()"];

    public static InboundClassification Classify(string? body)
    {
        var text = body?.Trim() ?? "";
        var keyword = text.Trim(OuterNoise).Normalize(NormalizationForm.FormC).ToUpperInvariant();

        if (AcknowledgeWords.Contains(keyword))
            return new InboundClassification(InboundIntent.Acknowledge, text);
        if (OptOutWords.Contains(keyword))
            return new InboundClassification(InboundIntent.OptOut, text);
        return new InboundClassification(InboundIntent.Reply, text);
    }
}
