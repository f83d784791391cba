using System.Text;
using PhoneNumbers;
using LibPhoneNumber = PhoneNumbers.PhoneNumber;

namespace Bin.Domain.Members;

/// <summary>
/// A number that can receive SMS alerts, normalised to E.164 (<c>+32470123456</c>). Get one from
/// <see cref="PhoneNumber.Parse"/>; the constructor only checks the E.164 shape, for numbers read back from storage.
/// <see cref="ToString"/> gives the <see cref="Masked"/> form so a number that slips into a log or a page is not shown
/// in full; use <see cref="E164"/> where the full number is really needed (the SMS gateway, the member's own record).
/// </summary>
public readonly record struct MobileNumber
{
    public MobileNumber(string e164)
    {
        if (!IsE164(e164))
            throw new DomainException(DomainMessages.PhoneNotE164.With(e164), "phone");
        E164 = e164;
    }

    public string E164 { get; }

    /// <summary>Country code, first group and the last two digits, e.g. <c>+32 470 •• •• 56</c>.</summary>
    public string Masked => E164 is null ? "" : PhoneNumber.Mask(E164);

    public override string ToString() => Masked;

    private static bool IsE164(string? value) =>
        value is { Length: >= 8 and <= 16 } && value[0] == '+' && value[1] != '0' && value.Skip(1).All(char.IsAsciiDigit);
}

/// <summary>Why a typed number was refused; the interface turns it into a sentence in the user's language.</summary>
public enum PhoneProblem
{
    Required,
    NotANumber,
    TooShort,
    TooLong,
    UnknownCountryCode,
    BelgianMobileLength,
    InvalidDigits,
    BelgianLandline,
    Landline,
    NotAMobile,
    CountryNotAccepted,
}

/// <summary>
/// A refused phone number, said in the reader's language like every refusal; <see cref="Problem"/>, <see cref="Shown"/>
/// and <see cref="Kind"/> tell code what was wrong.
/// </summary>
public sealed class PhoneNumberException(PhoneProblem problem, DomainText text, string shown = "", string? kind = null)
    : DomainException(text, "phone")
{
    public PhoneProblem Problem { get; } = problem;

    /// <summary>The number as typed or formatted for display, empty when nothing was typed.</summary>
    public string Shown { get; } = shown;

    /// <summary>For <see cref="PhoneProblem.NotAMobile"/>: the libphonenumber type, e.g. <c>PREMIUM_RATE</c>.</summary>
    public string? Kind { get; } = kind;
}

/// <summary>The one place that turns what someone typed into a <see cref="MobileNumber"/>, or says why it cannot.</summary>
public static class PhoneNumber
{
    public const string DefaultRegion = "BE";
    private const int BelgiumCountryCode = 32;
    private const char MaskCharacter = '•';

    /// <summary>
    /// Countries whose mobile numbers members may register (ISO 3166 code): Belgium and its neighbours, because
    /// zones on a border have residents with a Dutch, French, German or Luxembourg subscription.
    /// </summary>
    public static readonly IReadOnlyList<string> AcceptedCountries = ["BE", "NL", "FR", "DE", "LU"];

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly (string Prefix, string Country)[] CallingCodes =
        [("+32", "BE"), ("+31", "NL"), ("+33", "FR"), ("+49", "DE"), ("+352", "LU")];

    /// <summary>
    /// Accepts national and international notations with spaces, dots, slashes and dashes ("0470/12.34.56",
    /// "+32 470 12 34 56", "0032470123456", "+31 6 12345678"). Only mobile numbers pass — landlines, premium-rate and
    /// other kinds cannot receive an alert — and, unless <paramref name="anyCountry"/>, only those of the
    /// <see cref="AcceptedCountries"/>. A national notation is read as Belgian.
    /// </summary>
    public static MobileNumber Parse(string? input, bool anyCountry = false)
    {
        var typed = input?.Trim() ?? "";
        if (typed.Length == 0)
            throw new PhoneNumberException(PhoneProblem.Required, DomainMessages.PhoneRequired);

        LibPhoneNumber number;
        try
        {
            number = Util.Parse(typed, DefaultRegion);
        }
        catch (NumberParseException)
        {
            throw new PhoneNumberException(PhoneProblem.NotANumber,
                DomainMessages.PhoneNotANumber.With(typed), typed);
        }

        if (!Util.IsValidNumber(number))
        {
            var (problem, why) = WhyInvalid(number);
            throw new PhoneNumberException(problem, why.With(typed), typed);
        }

        var belgian = number.CountryCode == BelgiumCountryCode;
        var type = Util.GetNumberType(number);
        var international = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);

        if (belgian && type == PhoneNumberType.FIXED_LINE)
        {
            var national = Util.Format(number, PhoneNumberFormat.NATIONAL);
            throw new PhoneNumberException(PhoneProblem.BelgianLandline,
                DomainMessages.PhoneBelgianLandline.With(national), national);
        }
        if (!anyCountry && !AcceptedCountries.Contains(Util.GetRegionCodeForNumber(number)))
            throw new PhoneNumberException(PhoneProblem.CountryNotAccepted,
                DomainMessages.PhoneCountryNotAccepted.With(international), international);
        if (type == PhoneNumberType.FIXED_LINE)
            throw new PhoneNumberException(PhoneProblem.Landline, DomainMessages.PhoneLandline.With(international), international);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            throw new PhoneNumberException(PhoneProblem.NotAMobile,
                DomainMessages.PhoneNotAMobile.With(international, Describe(type)), international, type.ToString());

        return new MobileNumber(Util.Format(number, PhoneNumberFormat.E164));
    }

    /// <summary>The ISO 3166 country of a stored E.164 number ("BE", "NL", …), or "ZZ" when it cannot be told.</summary>
    public static string CountryOf(string e164)
    {
        // The accepted countries' calling codes are unambiguous prefixes: no need to parse (the composer asks for
        // every recipient on every preview).
        foreach (var (prefix, country) in CallingCodes)
            if (e164.StartsWith(prefix, StringComparison.Ordinal)) return country;
        try
        {
            return Util.GetRegionCodeForNumber(Util.Parse(e164, DefaultRegion)) ?? "ZZ";
        }
        catch (NumberParseException)
        {
            return "ZZ";
        }
    }

    internal static string Mask(string e164)
    {
        LibPhoneNumber number;
        try
        {
            number = Util.Parse(e164, DefaultRegion);
        }
        catch (NumberParseException)
        {
            return new string(MaskCharacter, 4);
        }

        // "+32 470 12 34 56": keep "+32", the first national group and the last two digits.
        var formatted = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
        var countryPrefix = $"+{number.CountryCode} ";
        var national = formatted.StartsWith(countryPrefix, StringComparison.Ordinal) ? formatted[countryPrefix.Length..] : formatted;
        var digits = national.Count(char.IsAsciiDigit);
        var firstGroup = national.TakeWhile(char.IsAsciiDigit).Count();
        var keepFirst = Math.Min(firstGroup, Math.Max(0, digits - 4));
        var keepLastFrom = digits - 2;

        var masked = new StringBuilder(countryPrefix, formatted.Length);
        var index = 0;
        foreach (var c in national)
        {
            if (!char.IsAsciiDigit(c))
            {
                masked.Append(c);
                continue;
            }
            masked.Append(index < keepFirst || index >= keepLastFrom ? c : MaskCharacter);
            index++;
        }
        return masked.ToString();
    }

    private static (PhoneProblem, DomainMessage) WhyInvalid(LibPhoneNumber number) => Util.IsPossibleNumberWithReason(number) switch
    {
        PhoneNumberUtil.ValidationResult.TOO_SHORT => (PhoneProblem.TooShort, DomainMessages.PhoneTooShort),
        PhoneNumberUtil.ValidationResult.TOO_LONG => (PhoneProblem.TooLong, DomainMessages.PhoneTooLong),
        PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => (PhoneProblem.UnknownCountryCode, DomainMessages.PhoneUnknownCountryCode),
        _ when number.CountryCode == BelgiumCountryCode && number.NationalNumber.ToString().StartsWith('4')
            => (PhoneProblem.BelgianMobileLength, DomainMessages.PhoneBelgianMobileLength),
        _ => (PhoneProblem.InvalidDigits, DomainMessages.PhoneInvalidDigits),
    };

    private static DomainMessage Describe(PhoneNumberType type) => type switch
    {
        PhoneNumberType.FIXED_LINE => DomainMessages.PhoneKindLandline,
        PhoneNumberType.TOLL_FREE => DomainMessages.PhoneKindTollFree,
        PhoneNumberType.PREMIUM_RATE => DomainMessages.PhoneKindPremiumRate,
        PhoneNumberType.SHARED_COST => DomainMessages.PhoneKindSharedCost,
        PhoneNumberType.VOIP => DomainMessages.PhoneKindVoip,
        PhoneNumberType.PAGER => DomainMessages.PhoneKindPager,
        PhoneNumberType.UAN => DomainMessages.PhoneKindUan,
        PhoneNumberType.VOICEMAIL => DomainMessages.PhoneKindVoicemail,
        PhoneNumberType.PERSONAL_NUMBER => DomainMessages.PhoneKindPersonal,
        _ => DomainMessages.PhoneKindOther,
    };
}
