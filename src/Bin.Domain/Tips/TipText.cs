using System.Text;
using Bin.Domain.Sms;

namespace Bin.Domain.Tips;

/// <summary>
/// A tip text an officer may send: trimmed, not empty, no control characters except line breaks, at most
/// <see cref="MaxSegments"/> SMS segments. <see cref="Sms"/> carries the segment count and charset for the UI.
/// </summary>
public sealed record TipText
{
    public const int MaxSegments = 4;

    private TipText(string value, SmsAnalysis sms)
    {
        Value = value;
        Sms = sms;
    }

    public string Value { get; }

    public SmsAnalysis Sms { get; }

    public override string ToString() => Value;

    /// <summary>
    /// The one check every tip passes before it is sent, typed or from the library. Line breaks are normalised to
    /// "\n" and accents to their composed form (so "é" typed as e + accent still fits the GSM alphabet).
    /// </summary>
    public static TipText Validate(string? text) => Validate(text, DomainMessages.TipRules);

    /// <summary>The same check, refusing in the words of <paramref name="rules"/> (a feedback text is not a tip).</summary>
    public static TipText Validate(string? text, TextRules rules)
    {
        var value = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim().Normalize(NormalizationForm.FormC);
        if (value.Length == 0)
            throw new DomainException(rules.Required, "tip");

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && value[i] != '\n')
                throw new DomainException(rules.Control.With((int)value[i], i + 1), "tip");
        }

        var sms = SmsEncoding.Analyze(value);
        if (sms.Segments > MaxSegments)
            throw new DomainException(TooLong(sms, rules), "tip");
        return new TipText(value, sms);
    }

    private static DomainText TooLong(SmsAnalysis sms, TextRules rules) => sms.Charset != SmsCharset.Ucs2
        ? rules.TooLong.With(sms.Segments, MaxSegments)
        : (sms.NonGsmCharacters.Count == 1 ? rules.TooLongUcs2One : rules.TooLongUcs2Many)
            .With(sms.Segments, MaxSegments, string.Join(" ", sms.NonGsmCharacters.Take(5)));
}
