using System.Globalization;
using Bin.Domain.Addresses;
using Bin.Domain.Geometry;
using static Bin.Dashboard.Infrastructure.Localization.UiText;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>What an import did, or why it saved nothing: each problem with its line and a sentence in the user's language.</summary>
public sealed record AddressImportReport(bool Imported, int Addresses, int OutsideZone, int Duplicates, int ProblemCount, IReadOnlyList<AddressImportReport.Problem> Problems)
{
    public sealed record Problem(int Line, string Code, string Message);
}

/// <summary>
/// An administrator imports the registry's CSV export: read (the domain decides what is acceptable), and only if the
/// whole file is, replace the local index with its addresses in the zone. A rejected file saves nothing.
/// </summary>
public sealed class ImportAddresses(LocalAddressIndex index, ServiceArea zone, ILogger<ImportAddresses> logger)
{
    public async Task<AddressImportReport> ImportAsync(Stream csv, CancellationToken ct)
    {
        // The reader is synchronous, and neither a request body nor a browser upload may be read synchronously: the file
        // goes to a temporary file first (an export of all Flanders is too big to hold in memory), read off the request thread.
        var path = Path.GetTempFileName();
        await using var copy = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await csv.CopyToAsync(copy, ct);
        copy.Position = 0;
        var reading = await Task.Run(() =>
        {
            using var reader = new StreamReader(copy, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            return AddressRegistryCsv.Read(reader, zone);
        }, ct);
        if (!reading.Accepted)
            return new AddressImportReport(false, 0, reading.OutsideZone, reading.Duplicates, reading.ProblemCount,
                reading.Problems.Select(p => new AddressImportReport.Problem(p.Line, Code(p.Problem), Describe(p))).ToList());
        await index.ReplaceAsync(reading.Addresses, demo: false, onlyIfEmpty: false, ct);
        logger.LogInformation("Address index replaced: {Count} addresses in the zone, {Outside} outside left out", reading.Addresses.Count, reading.OutsideZone);
        return new AddressImportReport(true, reading.Addresses.Count, reading.OutsideZone, reading.Duplicates, 0, []);
    }

    public static string Code(AddressProblem problem) => problem switch
    {
        AddressProblem.Empty => "empty",
        AddressProblem.MissingColumns => "missing-columns",
        AddressProblem.Malformed => "malformed",
        AddressProblem.MissingStreet => "missing-street",
        AddressProblem.MissingNumber => "missing-number",
        AddressProblem.BadPostcode => "bad-postcode",
        AddressProblem.MissingMunicipality => "missing-municipality",
        AddressProblem.BadCoordinates => "bad-coordinates",
        AddressProblem.NoneInZone => "none-in-zone",
        AddressProblem.TooLarge => "too-large",
        _ => problem.ToString(),
    };

    /// <summary>The problem as a sentence in the current UI language ("Regel 4: …" is added where it is shown).</summary>
    public static string Describe(AddressFileProblem problem) =>
        string.Format(CultureInfo.CurrentCulture, T("addresses.problem." + Code(problem.Problem)), problem.Value ?? "");
}
