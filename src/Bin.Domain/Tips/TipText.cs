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
    public static TipText Validate(string? text)
    {
        var value = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim().Normalize(NormalizationForm.FormC);
        if (value.Length == 0)
            throw new DomainException("A tip needs a text.", "tip");

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && value[i] != '\n')
                throw new DomainException(
                    $"The tip contains an invisible control character (U+{(int)value[i]:X4}) at position {i + 1}; only line breaks are allowed.",
                    "tip");
        }

        var sms = SmsEncoding.Analyze(value);
        if (sms.Segments > MaxSegments)
            throw new DomainException(
                $"The tip needs {sms.Segments} SMS segments; at most {MaxSegments} are allowed. Shorten it{WhatForcesUcs2(sms)}.",
                "tip");
        return new TipText(value, sms);
    }

    private static string WhatForcesUcs2(SmsAnalysis sms) => sms.Charset == SmsCharset.Ucs2
        ? $" or replace {string.Join(" ", sms.NonGsmCharacters.Take(5))}: {(sms.NonGsmCharacters.Count == 1 ? "it forces" : "they force")} UCS-2, which fits fewer characters per segment"
        : "";
}
