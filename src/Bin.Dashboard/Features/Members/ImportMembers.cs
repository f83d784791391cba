using Bin.Dashboard.Infrastructure.Http;
using System.Security.Claims;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Members;
using Marten;

namespace Bin.Dashboard.Features.Members;

/// <summary>What happened to one line of an import: <c>imported</c> (or would be, in a dry run or when the import is
/// blocked), <c>duplicate</c> (skipped) or <c>invalid</c> (blocks the import), with the reason and the field at fault.</summary>
public sealed record ImportRowReport(int Row, string Status, string? Reason, string? Field);

/// <summary>The per-row report. <see cref="Stored"/> says whether anything was written: all valid rows, or nothing.</summary>
public sealed record ImportReport(bool DryRun, bool Stored, int Imported, int Duplicates, int Invalid, IReadOnlyList<ImportRowReport> Rows);

/// <param name="ConsentMethod">Recorded as each member's consent method; default "csv import".</param>
/// <param name="ConsentAt">When the members consented (e.g. the info evening); default now.</param>
public sealed record ImportOptions(bool DryRun = false, string? ConsentMethod = null, DateTimeOffset? ConsentAt = null);

/// <summary>
/// Imports a member list into one network. Rules (also in Features/Members/README.md):
/// <list type="bullet">
/// <item>Every line is checked like a single registration (name, mobile number of Belgium or a neighbouring country, language).</item>
/// <item>An invalid line blocks the whole import: nothing is stored, and the report says which line and why, so the
/// coordinator fixes the file and uploads it again.</item>
/// <item>A number already in the registry, or repeated in the file, is a duplicate: reported and skipped; it does
/// not block, so a list can be uploaded again after adding people to it.</item>
/// <item>Everything else is stored in one transaction: all of it, or (on any failure) none of it.</item>
/// </list>
/// </summary>
public sealed class MemberImport(IDocumentStore store, ImportDryRuns dryRuns, TimeProvider clock)
{
    public const string Imported = "imported";
    public const string Duplicate = "duplicate";
    public const string Invalid = "invalid";
    public const string DefaultConsentMethod = "csv import";

    public async Task<ImportReport> ImportAsync(Guid networkId, IReadOnlyList<MemberCsvRow> rows, ImportOptions options, ClaimsPrincipal user, CancellationToken ct)
    {
        MemberAccess.EnsureMayManage(user, networkId);
        var now = clock.GetUtcNow();
        var consentMethod = string.IsNullOrWhiteSpace(options.ConsentMethod) ? DefaultConsentMethod : options.ConsentMethod;
        // The consent applies to every line: check it once, as a file-level error, rather than on each line.
        MemberDecisions.Register(null, new RegisterMember(Guid.Empty, [networkId], null, options.ConsentAt, consentMethod), now);

        await using var session = store.OpenSessionFor(user);
        if (await session.LoadAsync<NetworkView>(networkId, ct) is null)
            throw new DomainException(ServerMessages.NetworkMissing, "networkId");
        // A dry run stores nothing, so only its count limits what a list of numbers can reveal.
        if (options.DryRun) await dryRuns.RecordAsync(user, networkId, rows.Count, now, ct);

        var reports = new List<ImportRowReport>(rows.Count);
        var candidates = new List<(int Row, string Name, MobileNumber Phone, MemberRegistered Registered)>();
        var firstRowOf = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            if (row.Problem is not null)
            {
                reports.Add(new ImportRowReport(row.Row, Invalid, row.Problem, "csv"));
                continue;
            }
            try
            {
                var (name, phone, registered) = MemberCommands.Check(networkId, new NewMember(row.Name, row.Phone, row.Language, consentMethod, options.ConsentAt), now);
                if (firstRowOf.TryGetValue(phone.E164, out var first))
                {
                    reports.Add(new ImportRowReport(row.Row, Duplicate, ServerMessages.CsvSameNumber.With(first).ToString(), "phone"));
                    continue;
                }
                firstRowOf[phone.E164] = row.Row;
                candidates.Add((row.Row, name, phone, registered));
            }
            catch (MemberInputException ex)
            {
                reports.Add(new ImportRowReport(row.Row, Invalid, string.Join(" ", ex.Errors.Values), ex.Field));
            }
        }

        // Duplicates against the registry: one query for all numbers of the file.
        var phones = candidates.Select(c => c.Phone.E164).ToArray();
        var existing = phones.Length == 0 ? [] : await session.Query<MemberContact>().Where(c => phones.Contains(c.Phone)).ToListAsync(ct);
        var existingViews = existing.Count == 0 ? new Dictionary<Guid, MemberView>()
            : (await session.LoadManyAsync<MemberView>(ct, existing.Select(c => c.Id))).ToDictionary(v => v.Id);
        var existingByPhone = existing.ToDictionary(c => c.Phone, c => existingViews.GetValueOrDefault(c.Id));

        var toStore = new List<(string Name, MobileNumber Phone, MemberRegistered Registered)>();
        foreach (var candidate in candidates)
        {
            if (existingByPhone.TryGetValue(candidate.Phone.E164, out var view))
                reports.Add(new ImportRowReport(candidate.Row, Duplicate, MemberCommands.DescribeDuplicate(view, networkId, user), "phone"));
            else
            {
                reports.Add(new ImportRowReport(candidate.Row, Imported, null, null));
                toStore.Add((candidate.Name, candidate.Phone, candidate.Registered));
            }
        }

        var invalid = reports.Count(r => r.Status == Invalid);
        var save = !options.DryRun && invalid == 0 && toStore.Count > 0;
        if (save)
        {
            foreach (var (name, phone, registered) in toStore)
            {
                session.Store(new MemberContact { Id = registered.MemberId, Name = name, Phone = phone.E164 });
                session.Events.StartStream<MemberView>(registered.MemberId, registered);
            }
            await MemberCommands.SaveAsync(session, ct);
        }
        return new ImportReport(options.DryRun, save, toStore.Count, reports.Count(r => r.Status == Duplicate), invalid,
            reports.OrderBy(r => r.Row).ToList());
    }
}

/// <summary>
/// POST /api/networks/{id}/members/import[?dryRun=true&amp;consentMethod=&amp;consentAt=], body text/csv →
/// 200 with the report when stored (or a clean dry run); 422 with the report when invalid lines blocked it;
/// 400 naming <c>csv</c> when the file itself is unusable (not UTF-8, no header, too large).
/// </summary>
public static class ImportMembersEndpoint
{
    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "text/plain"];

    public static IEndpointRouteBuilder MapImportMembers(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/networks/{id:guid}/members/import", async (Guid id, string? dryRun, string? consentMethod, string? consentAt,
                HttpContext http, MemberImport import, CancellationToken ct) =>
            {
                // Who may import is known before reading a possibly large body.
                MemberAccess.EnsureMayManage(http.User, id);
                var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
                if (mediaType is null || !CsvTypes.Contains(mediaType))
                    throw new DomainException(Infrastructure.Localization.UiText.T("http.csvBody"), "body");
                var rows = MemberCsv.Read(await ReadBodyAsync(http.Request, ct));
                var options = new ImportOptions(ParseBool(dryRun), consentMethod, IsoTime.Optional(consentAt, "consentAt"));
                var report = await import.ImportAsync(id, rows, options, http.User, ct);
                return report.Invalid > 0 ? Results.UnprocessableEntity(report) : Results.Ok(report);
            })
            .RequireAuthorization(MemberAccess.Policy)
            .AnswersNotFoundFor("networkId")
            // Described, not enforced by routing: the handler refuses another media type with a 400 naming the body.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "The member list: a header (name;phone;language), then one member a line, UTF-8.",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["text/csv"] = new() },
                };
                return Task.CompletedTask;
            })
            .Produces<ImportReport>()
            .Produces<ImportReport>(StatusCodes.Status422UnprocessableEntity)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests)
            .WithSummary("Import members from CSV (name;phone;language) with a per-row report; invalid rows block (422), duplicates are skipped.");
        return app;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MemberCsv.MaxBytes)
                throw new DomainException(ServerMessages.CsvTooLarge.With(MemberCsv.MaxBytes / 1024 / 1024), "csv");
        }
        return buffer.ToArray();
    }

    private static bool ParseBool(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new DomainException(Infrastructure.Localization.UiText.T("http.dryRun"), "dryRun"),
    };
}
