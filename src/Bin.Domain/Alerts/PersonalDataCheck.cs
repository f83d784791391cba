using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Bin.Domain.Alerts;

/// <summary>The kinds of personal data a tip may carry by mistake.</summary>
public enum PersonalDataKind
{
    LicencePlate,
    PhoneNumber,
    EmailAddress,
    NationalRegisterNumber,
    StreetAndHouseNumber,
}

/// <summary>One piece of personal data found in a text: what kind, the text as written, and where.</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, string Value, int Start, int Length)
{
    /// <summary>How the API names the finding in <c>errors.tip</c>.</summary>
    public string Describe() => $"{PersonalDataCheck.Code(Kind)} \"{Value}\": {PersonalDataCheck.Why(Kind)}";
}

/// <summary>
/// The rule that looks for personal data in a tip before it goes to hundreds of residents: Belgian and Dutch licence
/// plates, phone numbers (Belgian, Dutch and international), e-mail addresses, Belgian national register numbers
/// (checksum verified) and a street with a house number (nl, fr, en spellings).
/// </summary>
/// <remarks>
/// The rule asks, it does not forbid: a wanted vehicle's plate is a legitimate tip, so the officer may confirm. It errs
/// on the side of asking — "in de Kerkstraat 2 mannen gezien" is read as an address — because a needless question costs
/// a click and a missed address costs a resident's privacy. Where two findings overlap, the more specific one wins
/// (an e-mail address over a phone number inside it, a national register number over a phone number).
/// </remarks>
public static partial class PersonalDataCheck
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Everything found in <paramref name="text"/>, in the order it appears.</summary>
    public static IReadOnlyList<PersonalDataFinding> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var found = new List<PersonalDataFinding>();
        // Most specific first: a later finding overlapping an earlier one is dropped.
        Add(found, PersonalDataKind.EmailAddress, Email().Matches(text));
        Add(found, PersonalDataKind.NationalRegisterNumber, NationalRegister().Matches(text).Where(IsNationalRegisterNumber));
        Add(found, PersonalDataKind.LicencePlate, BelgianPlate().Matches(text).Concat(DutchPlate().Matches(text).Where(IsDutchPlate)));
        foreach (var region in (string[])["BE", "NL"])
        {
            foreach (var match in Phones.FindNumbers(text, region, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
                AddOne(found, new PersonalDataFinding(PersonalDataKind.PhoneNumber, match.RawString, match.Start, match.Length));
        }
        Add(found, PersonalDataKind.StreetAndHouseNumber, DutchStreet().Matches(text).Concat(FrenchStreet().Matches(text))
            .Concat(FrenchNumberFirst().Matches(text)).Concat(EnglishStreet().Matches(text)));
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The stable code of a kind, as the API and the composer name it.</summary>
    public static string Code(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.LicencePlate => "licence-plate",
        PersonalDataKind.PhoneNumber => "phone-number",
        PersonalDataKind.EmailAddress => "email-address",
        PersonalDataKind.NationalRegisterNumber => "national-register-number",
        _ => "street-and-house-number",
    };

    /// <summary>Why the kind matters, in plain words (English; the composer shows its own translation).</summary>
    public static string Why(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.LicencePlate => "identifies a vehicle and its keeper; fine for a wanted vehicle, not for a witness's or victim's car",
        PersonalDataKind.PhoneNumber => "reaches one person directly; members should call 101 or 112 instead",
        PersonalDataKind.EmailAddress => "identifies one person",
        PersonalDataKind.NationalRegisterNumber => "identifies one person uniquely and is never needed in a tip",
        _ => "points at one household; name the street or the neighbourhood instead",
    };

    private static void Add(List<PersonalDataFinding> found, PersonalDataKind kind, IEnumerable<Match> matches)
    {
        foreach (var match in matches)
            AddOne(found, new PersonalDataFinding(kind, match.Value.Trim(), match.Index, match.Value.TrimEnd().Length));
    }

    private static void AddOne(List<PersonalDataFinding> found, PersonalDataFinding finding)
    {
        var end = finding.Start + finding.Length;
        if (found.Any(f => finding.Start < f.Start + f.Length && f.Start < end)) return;
        found.Add(finding);
    }

    /// <summary>YY.MM.DD-SSS.CC: 97 minus the first nine digits modulo 97 (with a leading 2 for those born from 2000).</summary>
    private static bool IsNationalRegisterNumber(Match match)
    {
        var digits = string.Concat(match.Value.Where(char.IsAsciiDigit));
        var month = int.Parse(digits.AsSpan(2, 2));
        // Bis numbers add 20 or 40 to the month; 0 is used when the birth month is unknown.
        if (month % 20 > 12 || month >= 60) return false;
        var body = long.Parse(digits.AsSpan(0, 9));
        var check = int.Parse(digits.AsSpan(9, 2));
        return 97 - body % 97 == check || 97 - (2_000_000_000 + body) % 97 == check;
    }

    /// <summary>Dutch plates are three groups of letters and digits, six characters in all, letters and digits alternating.</summary>
    private static bool IsDutchPlate(Match match)
    {
        var groups = match.Value.Split('-');
        if (groups.Length != 3 || groups.Sum(g => g.Length) != 6) return false;
        static bool Letters(string g) => g.All(char.IsAsciiLetter);
        return Letters(groups[0]) != Letters(groups[1]) || Letters(groups[1]) != Letters(groups[2]);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d.])\d{2}[.\s]?\d{2}[.\s]?\d{2}[-.\s]?\d{3}[.\s]?\d{2}(?![\d])")]
    private static partial Regex NationalRegister();

    /// <summary>
    /// Belgian plates since 2010 (1-ABC-123, in any case, with dashes, dots, spaces or none) and before (ABC-123,
    /// 123-ABC: capitals and a dash or dot only, so that "bel 101" is not read as a plate).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\d-])(?:(?i:[1-9][-. ]?[A-Z]{3}[-. ]?\d{3})|[A-Z]{3}[-.]\d{3}|\d{3}[-.][A-Z]{3})(?![\p{L}\d])")]
    private static partial Regex BelgianPlate();

    /// <summary>Dutch plates (sidecodes 1–14): three dash-separated groups of one to three letters or digits.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d-])(?:[A-Z]{1,3}|\d{1,3})-(?:[A-Z]{1,3}|\d{1,3})-(?:[A-Z]{1,3}|\d{1,3})(?![\p{L}\d-])")]
    private static partial Regex DutchPlate();

    /// <summary>"Kerkstraat 12", "Stationsplein 3b", "Luikersteenweg 120 bus 4": a Dutch street word and a number.</summary>
    [GeneratedRegex(@"(?<!\p{L})\p{Lu}[\p{L}'-]*(?:straat|laan|weg|plein|dreef|baan|lei|dijk|hof|pad|markt|kaai|singel|gracht|ring|vest|wal|berg|veld|hoeven?|park|heide|donk|akker|kamp|steeg|gang|erf|kade|dam|straatje)\s+(?:nr\.?\s*)?\d{1,4}(?:\s?[a-zA-Z](?!\p{L}))?(?:\s*(?:bus|/)\s*\d{1,4})?(?!\d)")]
    private static partial Regex DutchStreet();

    /// <summary>"rue de la Station 12", "avenue Louise, 54": a French street word, its name, then a number.</summary>
    [GeneratedRegex(@"(?<!\p{L})(?:rue|avenue|av\.|boulevard|bd|chaussée|place|chemin|allée|impasse|quai|route|square|clos|drève|sentier)\s+(?:\p{L}['’]|\p{L}[\p{L}'’-]*\s+){0,4}\p{L}[\p{L}'’-]*\s*,?\s*(?:n°\s*)?\d{1,4}(?:[a-zA-Z](?!\p{L}))?(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchStreet();

    /// <summary>"12 rue de la Gare", "12, avenue Louise": a number before the French street word.</summary>
    [GeneratedRegex(@"(?<![\d,.])\d{1,4}[a-zA-Z]?,?\s+(?:rue|avenue|boulevard|chaussée|place|chemin|allée|impasse|quai|route|drève)\s+\p{L}[\p{L}'’ -]{1,40}?(?=[\s,.;!?]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchNumberFirst();

    /// <summary>"12 Church Street", "4b Mill Lane": a number, a capitalised name, an English street word.</summary>
    [GeneratedRegex(@"(?<![\d,.])\d{1,4}[a-zA-Z]?\s+(?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Square|Place|Way|Court|Close|Crescent)\b")]
    private static partial Regex EnglishStreet();
}
