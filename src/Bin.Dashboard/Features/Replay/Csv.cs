using System.Globalization;
using System.Text;

namespace Bin.Dashboard.Features.Replay;

/// <summary>
/// CSV as Excel reads it on a Belgian computer: semicolon-separated with decimal commas (the list and decimal
/// separators of nl-BE and fr-BE, so a double-click opens columns and numbers, not one column of text), CRLF, UTF-8
/// with a byte-order mark (so Excel shows é and ü), fields quoted when needed, and text that a spreadsheet would run
/// as a formula (=, +, -, @ first) defused with a leading apostrophe — replies are free text from the public.
/// Timestamps stay ISO 8601 so they are unambiguous whatever the reader's settings.
/// </summary>
public sealed class Csv
{
    public const char Separator = ';';

    /// <summary>Decimal comma, no thousands separator: "19,52", "1234,5".</summary>
    private static readonly NumberFormatInfo Numbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "", NegativeSign = "-" };

    private readonly StringBuilder _text = new();

    public Csv Row(params object?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) _text.Append(Separator);
            _text.Append(Field(fields[i]));
        }
        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    public IResult ToResult(string fileName) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(_text.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            double d => d.ToString("0.######", Numbers),
            float f => f.ToString("0.######", Numbers),
            decimal m => m.ToString("0.00##", Numbers),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
