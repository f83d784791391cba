using System.Globalization;

namespace Bin.Domain.Sms;

/// <summary>How an SMS body is carried: the 7-bit GSM 03.38 alphabet, or UCS-2 (UTF-16) as soon as one character
/// is outside it.</summary>
public enum SmsCharset
{
    Gsm7,
    Ucs2,
}

/// <summary>
/// What a text costs as SMS. <paramref name="Units"/> are septets for GSM-7 (an extension character such as €
/// takes two) and UTF-16 code units for UCS-2 (an emoji takes two). <paramref name="CharactersLeftInSegment"/>
/// counts the same units still free in the last segment. <paramref name="NonGsmCharacters"/> lists, once each and
/// in order of appearance, the characters that forced UCS-2, so the UI can say "ê forces UCS-2".
/// </summary>
public sealed record SmsAnalysis(
    SmsCharset Charset,
    int Units,
    int Segments,
    int CharactersLeftInSegment,
    IReadOnlyList<string> NonGsmCharacters);

/// <summary>The GSM 03.38 rules for how many segments a text needs (3GPP TS 23.038 and 23.040).</summary>
public static class SmsEncoding
{
    public const int Gsm7SingleSegment = 160;
    public const int Gsm7MultipartSegment = 153; // 7 septets go to the concatenation header
    public const int Ucs2SingleSegment = 70;
    public const int Ucs2MultipartSegment = 67; // 3 code units go to the concatenation header

    /// <summary>The default alphabet, in table order (0x00–0x7F; 0x1B is the escape to the extension table).</summary>
    private const string BasicTable =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The basic extension table: each costs the escape septet plus its own.</summary>
    private const string ExtensionTable = "\f^{}\\[~]|€";

    private static readonly HashSet<char> Basic = [.. BasicTable.Where(c => c != '\u001B')];
    private static readonly HashSet<char> Extension = [.. ExtensionTable];

    public static SmsAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var nonGsm = NonGsmCharactersIn(text);
        return nonGsm.Count == 0
            ? Count(SmsCharset.Gsm7, Gsm7Widths(text), Gsm7SingleSegment, Gsm7MultipartSegment, nonGsm)
            : Count(SmsCharset.Ucs2, Ucs2Widths(text), Ucs2SingleSegment, Ucs2MultipartSegment, nonGsm);
    }

    /// <summary>
    /// Fills segments with indivisible pieces (a GSM escape pair, a UTF-16 surrogate pair): a piece that does not fit
    /// in what is left of a multipart segment starts the next one, as handsets and gateways do.
    /// </summary>
    private static SmsAnalysis Count(SmsCharset charset, IEnumerable<int> widths, int single, int multipart, IReadOnlyList<string> nonGsm)
    {
        var pieces = widths.ToList();
        var units = pieces.Sum();
        if (units == 0)
            return new SmsAnalysis(charset, 0, 0, single, nonGsm);
        if (units <= single)
            return new SmsAnalysis(charset, units, 1, single - units, nonGsm);

        var segments = 1;
        var used = 0;
        foreach (var width in pieces)
        {
            if (used + width > multipart)
            {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new SmsAnalysis(charset, units, segments, multipart - used, nonGsm);
    }

    private static IEnumerable<int> Gsm7Widths(string text) => text.Select(c => Extension.Contains(c) ? 2 : 1);

    private static IEnumerable<int> Ucs2Widths(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                yield return 2;
            }
            else
            {
                yield return 1;
            }
        }
    }

    private static bool IsGsm(char c) => Basic.Contains(c) || Extension.Contains(c);

    /// <summary>Whole user-perceived characters (so an emoji or a flag is listed as one), distinct, in order.</summary>
    private static IReadOnlyList<string> NonGsmCharactersIn(string text)
    {
        if (text.All(IsGsm))
            return [];

        var offenders = new List<string>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (!element.All(IsGsm) && !offenders.Contains(element))
                offenders.Add(element);
        }
        return offenders;
    }
}
