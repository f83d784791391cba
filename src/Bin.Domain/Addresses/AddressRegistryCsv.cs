using System.Globalization;
using Bin.Domain.Geometry;

namespace Bin.Domain.Addresses;

/// <summary>Why a line of an address file cannot be read. The dashboard words each in the user's language.</summary>
public enum AddressProblem
{
    /// <summary>The file is empty or has only a header.</summary>
    Empty,

    /// <summary>The header lacks required columns (<see cref="AddressFileProblem.Value"/> lists them).</summary>
    MissingColumns,

    /// <summary>A line has fewer fields than the header, or an unterminated quote.</summary>
    Malformed,
    MissingStreet,
    MissingNumber,

    /// <summary>Belgian postcodes have four digits.</summary>
    BadPostcode,
    MissingMunicipality,

    /// <summary>X or Y is not a number of metres in Belgian Lambert 72.</summary>
    BadCoordinates,

    /// <summary>The file holds no address inside the zone.</summary>
    NoneInZone,

    /// <summary>More than <see cref="AddressRegistryCsv.MaxLines"/> lines.</summary>
    TooLarge,
}

/// <summary>One problem of a file: its line (1 is the header; 0 the file as a whole), what is wrong, and the value at fault.</summary>
public sealed record AddressFileProblem(int Line, AddressProblem Problem, string? Value = null);

/// <summary>What reading an address file gave: the addresses inside the zone, or the problems that reject it.</summary>
public sealed record AddressFileReading(
    IReadOnlyList<RegistryAddress> Addresses,
    IReadOnlyList<AddressFileProblem> Problems,
    int ProblemCount,
    int OutsideZone,
    int Duplicates)
{
    /// <summary>All or nothing: one bad line rejects the file.</summary>
    public bool Accepted => ProblemCount == 0;
}

/// <summary>
/// Reads the address list the Flemish address registry exports as CSV (<c>docs/addresses.md</c> lists the columns):
/// columns found by their header name, <c>;</c> or <c>,</c> as separator, positions in Belgian Lambert 72 metres.
/// Addresses outside the zone are left out (a whole-of-Flanders export is fine); a line that cannot be read rejects the
/// file, and the problems name their lines. Pure: the caller stores what is accepted.
/// </summary>
public static class AddressRegistryCsv
{
    public const int MaxLines = 5_000_000;

    /// <summary>Problems listed one by one; beyond this only counted.</summary>
    public const int MaxListedProblems = 100;

    public static readonly IReadOnlyList<string> RequiredColumns = ["STRAATNM", "HUISNR", "POSTCODE", "GEMEENTE", "X", "Y"];
    public static readonly IReadOnlyList<string> OptionalColumns = ["ID", "BUSNR", "APPNR"];

    public static AddressFileReading Read(TextReader reader, ServiceArea zone)
    {
        var problems = new List<AddressFileProblem>();
        var count = 0;
        void Problem(int line, AddressProblem problem, string? value = null)
        {
            count++;
            if (problems.Count < MaxListedProblems) problems.Add(new AddressFileProblem(line, problem, value));
        }

        var header = reader.ReadLine();
        if (header is null || header.Trim().Length == 0)
            return new AddressFileReading([], [new AddressFileProblem(0, AddressProblem.Empty)], 1, 0, 0);
        header = header.TrimStart('\uFEFF');
        var separator = header.Count(c => c == ';') >= header.Count(c => c == ',') ? ';' : ',';
        var names = Split(header, separator) ?? [];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++) index.TryAdd(names[i].Trim(), i);
        var missing = RequiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            return new AddressFileReading([], [new AddressFileProblem(1, AddressProblem.MissingColumns, string.Join(", ", missing))], 1, 0, 0);

        int Column(string name) => index.TryGetValue(name, out var i) ? i : -1;
        var (street, number, postcode, municipality, x, y) = (Column("STRAATNM"), Column("HUISNR"), Column("POSTCODE"), Column("GEMEENTE"), Column("X"), Column("Y"));
        var (id, box, apartment) = (Column("ID"), Column("BUSNR"), Column("APPNR"));
        var needed = new[] { street, number, postcode, municipality, x, y }.Max() + 1;

        var addresses = new List<RegistryAddress>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (outside, duplicates, lineNumber, rows) = (0, 0, 1, 0);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            if (++rows > MaxLines)
            {
                Problem(0, AddressProblem.TooLarge, MaxLines.ToString(CultureInfo.InvariantCulture));
                break;
            }
            var fields = Split(line, separator);
            if (fields is null || fields.Count < needed)
            {
                Problem(lineNumber, AddressProblem.Malformed);
                continue;
            }
            string Field(int column) => column >= 0 && column < fields.Count ? fields[column].Trim() : "";

            var before = count;
            var streetName = Field(street);
            var houseNumber = Field(number);
            var code = Field(postcode);
            var place = Field(municipality);
            if (streetName.Length == 0) Problem(lineNumber, AddressProblem.MissingStreet);
            if (houseNumber.Length == 0) Problem(lineNumber, AddressProblem.MissingNumber);
            if (code.Length != 4 || !code.All(char.IsAsciiDigit)) Problem(lineNumber, AddressProblem.BadPostcode, code);
            if (place.Length == 0) Problem(lineNumber, AddressProblem.MissingMunicipality);
            if (!TryMetres(Field(x), out var east) || !TryMetres(Field(y), out var north) || !Lambert72Plausible(east, north))
            {
                Problem(lineNumber, AddressProblem.BadCoordinates, $"{Field(x)} {Field(y)}");
                continue;
            }
            if (count > before) continue;

            var (longitude, latitude) = BelgianLambert.ToWgs84(east, north, ImportCrs.Lambert72);
            if (!zone.Contains(latitude, longitude))
            {
                outside++;
                continue;
            }
            var boxNumber = Field(box) is { Length: > 0 } b ? b : Field(apartment) is { Length: > 0 } a ? a : null;
            var address = new RegistryAddress(
                Field(id) is { Length: > 0 } registryId ? registryId : AddressText.SearchKey(AddressText.Label(streetName, houseNumber, boxNumber, code, place)),
                streetName, houseNumber, boxNumber, code, place, Math.Round(latitude, 7), Math.Round(longitude, 7));
            if (!seen.Add(address.Id))
            {
                duplicates++;
                continue;
            }
            addresses.Add(address);
        }

        if (rows == 0) Problem(0, AddressProblem.Empty);
        else if (count == 0 && addresses.Count == 0) Problem(0, AddressProblem.NoneInZone);
        return count > 0
            ? new AddressFileReading([], problems, count, outside, duplicates)
            : new AddressFileReading(addresses, [], 0, outside, duplicates);
    }

    /// <summary>Belgian Lambert 72 covers Belgium with roughly 0–300 km east and 0–250 km north.</summary>
    private static bool Lambert72Plausible(double east, double north) => east is > 0 and < 320_000 && north is > 0 and < 260_000;

    private static bool TryMetres(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Fields of one line; quoted fields may hold the separator and doubled quotes. Null: an unterminated quote.</summary>
    private static List<string>? Split(string line, char separator)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) return null;
        fields.Add(field.ToString());
        return fields;
    }
}
