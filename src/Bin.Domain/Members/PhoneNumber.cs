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
            throw new DomainException($"'{e164}' is not a phone number in international form (+32470123456).", "phone");
        E164 = e164;
    }

    public string E164 { get; }

    /// <summary>Country code, first group and the last two digits, e.g. <c>+32 470 •• •• 56</c>.</summary>
    public string Masked => E164 is null ? "" : PhoneNumber.Mask(E164);

    public override string ToString() => Masked;

    private static bool IsE164(string? value) =>
        value is { Length: >= 8 and <= 16 } && value[0] == '+' && value[1] != '0' && value.Skip(1).All(char.IsAsciiDigit);
}

/// <summary>The one place that turns what someone typed into a <see cref="MobileNumber"/>, or says why it cannot.</summary>
public static class PhoneNumber
{
    public const string DefaultRegion = "BE";
    private const int BelgiumCountryCode = 32;
    private const char MaskCharacter = '•';

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Accepts national and international notations with spaces, dots, slashes and dashes ("0470/12.34.56",
    /// "+32 470 12 34 56", "0032470123456"). With <paramref name="belgianMobileOnly"/> (the default) only Belgian mobile
    /// numbers pass; without it any valid mobile number does. Landlines never pass: they cannot receive an SMS.
    /// </summary>
    public static MobileNumber Parse(string? input, bool belgianMobileOnly = true)
    {
        var typed = input?.Trim() ?? "";
        if (typed.Length == 0)
            throw new DomainException("A mobile phone number is required.", "phone");

        LibPhoneNumber number;
        try
        {
            number = Util.Parse(typed, DefaultRegion);
        }
        catch (NumberParseException)
        {
            throw new DomainException($"'{typed}' is not a phone number. Enter it as 0470 12 34 56 or +32 470 12 34 56.", "phone");
        }

        if (!Util.IsValidNumber(number))
            throw new DomainException($"'{typed}' is not a valid phone number{WhyInvalid(number)}.", "phone");

        var belgian = number.CountryCode == BelgiumCountryCode;
        var type = Util.GetNumberType(number);
        var international = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);

        if (belgian && type == PhoneNumberType.FIXED_LINE)
            throw new DomainException(
                $"{Util.Format(number, PhoneNumberFormat.NATIONAL)} is a Belgian landline; alerts need a mobile number (04xx xx xx xx).",
                "phone");
        if (belgianMobileOnly && !belgian)
            throw new DomainException($"{international}: only Belgian mobile numbers (+32 4…) are accepted.", "phone");
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
            throw new DomainException($"{international} is {Describe(type)}; alerts need a mobile number.", "phone");

        return new MobileNumber(Util.Format(number, PhoneNumberFormat.E164));
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

    private static string WhyInvalid(LibPhoneNumber number) => Util.IsPossibleNumberWithReason(number) switch
    {
        PhoneNumberUtil.ValidationResult.TOO_SHORT => ": it is too short",
        PhoneNumberUtil.ValidationResult.TOO_LONG => ": it is too long",
        PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => ": the country code is unknown",
        _ when number.CountryCode == BelgiumCountryCode && number.NationalNumber.ToString().StartsWith('4')
            => ": a Belgian mobile number has 10 digits (04xx xx xx xx)",
        _ => "; check the digits",
    };

    private static string Describe(PhoneNumberType type) => type switch
    {
        PhoneNumberType.FIXED_LINE => "a landline",
        PhoneNumberType.TOLL_FREE => "a toll-free number",
        PhoneNumberType.PREMIUM_RATE => "a premium-rate number",
        PhoneNumberType.SHARED_COST => "a shared-cost number",
        PhoneNumberType.VOIP => "an internet (VoIP) number",
        PhoneNumberType.PAGER => "a pager number",
        PhoneNumberType.UAN => "a company number",
        PhoneNumberType.VOICEMAIL => "a voicemail number",
        PhoneNumberType.PERSONAL_NUMBER => "a personal forwarding number",
        _ => "not a mobile number",
    };
}
