using System.Text;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;

namespace Bin.Dashboard.Features.Members;

/// <summary>One data line of a member CSV file. <see cref="Row"/> is the line number in the file (the header is
/// line 1), as a spreadsheet shows it. <see cref="Problem"/> is set when the line's shape is wrong.</summary>
public sealed record MemberCsvRow(int Row, string Name, string Phone, string Language, string? Problem);

/// <summary>
/// Reads a member list exported from a spreadsheet. Rules:
/// <list type="bullet">
/// <item>UTF-8, with or without byte-order mark; anything else is refused with a hint (Excel: "CSV UTF-8").</item>
/// <item>The first line is a header naming the columns <c>name</c>, <c>phone</c> and optionally <c>language</c>, in any
/// order; Dutch, French and German names are understood too (naam, telefoon, gsm, taal, nom, langue, …). Other
/// columns are ignored.</item>
/// <item>The separator is taken from the header: <c>;</c> (Excel in Belgium), <c>,</c> or a tab.</item>
/// <item>Fields may be quoted with <c>"</c> (a quote inside doubled), so a name can contain the separator or a line break.</item>
/// <item>Blank lines are skipped; a line with more fields than the header is reported (an unquoted separator in a name).</item>
/// </list>
/// </summary>
public static class MemberCsv
{
    public const int MaxRows = 10_000;
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Dictionary<string, string> ColumnNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "name", ["naam"] = "name", ["nom"] = "name", ["full name"] = "name", ["volledige naam"] = "name",
        ["phone"] = "phone", ["telefoon"] = "phone", ["gsm"] = "phone", ["mobile"] = "phone", ["mobiel"] = "phone",
        ["gsm-nummer"] = "phone", ["gsmnummer"] = "phone", ["telefoonnummer"] = "phone", ["phone number"] = "phone",
        ["téléphone"] = "phone", ["telephone"] = "phone", ["telefon"] = "phone", ["handy"] = "phone", ["nummer"] = "phone",
        ["language"] = "language", ["taal"] = "language", ["langue"] = "language", ["sprache"] = "language",
    };

    public static IReadOnlyList<MemberCsvRow> Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
            throw new DomainException(ServerMessages.CsvTooLarge.With(MaxBytes / 1024 / 1024), "csv");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new DomainException(ServerMessages.CsvNotUtf8, "csv");
        }
        return Read(text);
    }

    public static IReadOnlyList<MemberCsvRow> Read(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Contains(';') ? ';' : firstLine.Contains('\t') ? '\t' : ',';
        var records = Records(text, separator).Where(r => r.Fields.Any(f => f.Trim().Length > 0)).ToList();
        if (records.Count == 0)
            throw new DomainException(ServerMessages.CsvEmpty, "csv");

        var header = records[0];
        var columns = header.Fields.Select(f => ColumnNames.GetValueOrDefault(f.Trim().Trim('"'))).ToList();
        var nameAt = columns.IndexOf("name");
        var phoneAt = columns.IndexOf("phone");
        var languageAt = columns.IndexOf("language");
        if (nameAt < 0 || phoneAt < 0)
            throw new DomainException(ServerMessages.CsvNoHeader.With(separator == '\t' ? "\t" : separator.ToString()), "csv");
        if (records.Count - 1 > MaxRows)
            throw new DomainException(ServerMessages.CsvTooManyRows.With(MaxRows, records.Count - 1), "csv");

        return records.Skip(1).Select(r =>
        {
            string Field(int at) => at >= 0 && at < r.Fields.Count ? r.Fields[at].Trim() : "";
            var problem = r.Fields.Count > header.Fields.Count
                ? ServerMessages.CsvTooManyFields.With(r.Fields.Count, header.Fields.Count, Shown(separator)).ToString()
                : r.Fields.Count <= Math.Max(nameAt, phoneAt)
                    ? (r.Fields.Count == 1
                        ? ServerMessages.CsvTooFewFieldsOne.With(header.Fields.Count, Shown(separator))
                        : ServerMessages.CsvTooFewFields.With(r.Fields.Count, header.Fields.Count, Shown(separator))).ToString()
                    : null;
            return new MemberCsvRow(r.Line, Field(nameAt), Field(phoneAt), Field(languageAt), problem);
        }).ToList();
    }

    private sealed record Record(int Line, List<string> Fields);

    /// <summary>Splits into records and fields (RFC 4180 quoting), remembering the line each record starts on.</summary>
    private static IEnumerable<Record> Records(string text, char separator)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var startLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    quoted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return new Record(startLine, fields);
                    fields = [];
                    field.Clear();
                    startLine = ++line;
                    break;
                default:
                    if (c == separator)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                    }
                    else field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Record(startLine, fields);
        }
    }

    private static object Shown(char separator) => separator == '\t' ? ServerMessages.CsvTab : separator.ToString();
}
