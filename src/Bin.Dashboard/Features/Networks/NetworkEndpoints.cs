using System.Text.Json;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain.Networks;
using Bin.Domain;
using Marten;

namespace Bin.Dashboard.Features.Networks;

/// <summary>
/// The networks API beyond <c>GET /api/networks</c>: details, proposing, boundaries (draw, import, export), the
/// founding steps, status changes and coordinators. Everything that changes a network is for administrators.
/// </summary>
public static class NetworkEndpoints
{
    public sealed record Created(Guid Id);

    /// <summary>GeoJSON geometries, and enums (steps, sources) by name.</summary>
    private static readonly JsonSerializerOptions DetailsJson = new(GeoJson.Options) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <param name="Boundary">A GeoJSON Polygon in WGS84.</param>
    /// <param name="Source">residents, association, municipality or police.</param>
    public sealed record ProposeRequest([RequiredField] string? Name, [RequiredField] JsonElement? Boundary, bool? Indicative, string? Source, string? Summary);

    /// <summary>The fields of every founding step; each step reads its own (idea: source, summary; consultation: heldOn,
    /// summary; info-evening: heldOn, attendance, notes; charter: the five texts; signatures: charterVersion, signedBy,
    /// signedOn; recognition: fodReference, recognisedOn; activation: startedOn). Dates as yyyy-MM-dd.</summary>
    public sealed record StepRequest(string? Source, string? Summary, DateOnly? HeldOn, int? Attendance, string? Notes,
        string? Agreements, string? PartnerTasks, string? ContactDetails, string? FinancingPlan, string? CommunicationPlan,
        int? CharterVersion, IReadOnlyList<string>? SignedBy, DateOnly? SignedOn, string? FodReference, DateOnly? RecognisedOn, DateOnly? StartedOn);

    public sealed record StepRecorded(string Step, string Recorded);

    public sealed record ReportedRequest([RequiredField] DateOnly? ReportedOn);

    public sealed record ReasonRequest(string? Reason);

    public sealed record ChangeRecorded(string Recorded);

    public sealed record CoordinatorRequest([RequiredField] string? AccountId);

    public sealed record CoordinatorAssigned(string AccountId);

    public sealed record ImportedNetwork(int Feature, Guid Id, string Name, string Outcome);

    public sealed record ImportAnswer(int Registered, int Changed, int Unchanged, IReadOnlyList<ImportedNetwork> Networks);

    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        // An unknown network is a 404; a step its state does not allow (out of order, dissolved) a 409 naming the field.
        var networks = app.MapGroup("/api/networks").AnswersNotFoundFor("networkId").AnswersConflictFor("step", "status");

        networks.MapGet("/export", async (IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var scope = NetworkScope.Of(http.User);
                var views = await session.Query<NetworkView>().ToListAsync(ct);
                http.Response.Headers.ContentDisposition = "attachment; filename=\"bin-networks.geojson\"";
                return Results.Json(NetworkGeoJson.Export(views.Where(v => scope.MaySee(v.Id))), GeoJson.Options, NetworkGeoJson.MediaType);
            })
            .Produces<JsonElement>(StatusCodes.Status200OK, NetworkGeoJson.MediaType)
            .WithSummary("All networks (coordinators: theirs) as a GeoJSON file the import reads back: id, name, status, indicative.");

        networks.MapGet("/{id:guid}", async (Guid id, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var view = await session.LoadAsync<NetworkView>(id, ct);
                if (view is null || !NetworkScope.Of(http.User).MaySee(id)) return Problems.NotFound($"Network {id} does not exist.");
                return Results.Json(NetworkDetails.Of(view), DetailsJson);
            })
            .Produces<NetworkDetails>()
            .Refuses(StatusCodes.Status404NotFound)
            .WithSummary("One network: status, founding steps, charter versions, coordinators, boundary.");

        networks.MapPost("", async (ProposeRequest body, HttpContext http, NetworkCommands commands, CancellationToken ct) =>
            {
                var command = new ProposeNetwork(Guid.CreateVersion7(), body.Name!, NetworkGeoJson.ReadBoundary(body.Boundary!.Value),
                    body.Indicative ?? false, ParseSource(body.Source), body.Summary);
                var registered = await commands.ProposeAsync(command, http.User, ct);
                return TypedResults.Created($"/api/networks/{registered.NetworkId}", new Created(registered.NetworkId));
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict)
            .WithSummary("Propose a network: { name, boundary (GeoJSON Polygon), source (residents|association|municipality|police), summary } → 201 { id }.");

        networks.MapPut("/{id:guid}/boundary", async (Guid id, JsonElement body, HttpContext http, NetworkCommands commands, CancellationToken ct) =>
            {
                var indicative = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                                 && p.TryGetProperty("indicative", out var i) && i.ValueKind == JsonValueKind.True;
                await commands.ChangeBoundaryAsync(id, NetworkGeoJson.ReadBoundary(body), indicative, http.User, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Redraw a network's boundary: a GeoJSON Polygon (or a Feature holding one) in WGS84.");

        networks.MapPost("/import", async (string? crs, JsonElement body, HttpContext http, NetworkCommands commands, CancellationToken ct) =>
            {
                var result = await commands.ImportAsync(NetworkGeoJson.ReadImport(body, crs), http.User, ct);
                return TypedResults.Ok(new ImportAnswer(result.Registered, result.Changed, result.Unchanged,
                    [.. result.Networks.Select(n => new ImportedNetwork(n.Number, n.NetworkId, n.Name, n.Outcome.ToString()))]));
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status400BadRequest)
            .WithSummary("Import boundaries from GeoJSON (WGS84, or crs=EPSG:31370 / EPSG:3812). All or nothing: any problem → 400 with problems per feature.");

        networks.MapPost("/{id:guid}/founding/{step}", async (Guid id, string step, StepRequest body, HttpContext http, NetworkCommands commands, CancellationToken ct) =>
            {
                INetworkEvent recorded = step switch
                {
                    "idea" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.RegisterIdea(s,
                        new RegisterFoundingIdea(id, ParseSource(body.Source), body.Summary), now), ct),
                    "consultation" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.RecordConsultation(s,
                        new RecordConsultation(id, Required(body.HeldOn, "heldOn"), body.Summary), now), ct),
                    "info-evening" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.RecordInfoEvening(s,
                        new RecordInfoEvening(id, Required(body.HeldOn, "heldOn"), Required(body.Attendance, "attendance"), body.Notes), now), ct),
                    "charter" => await commands.DrawUpCharterAsync(new DrawUpCharter(id, new Charter(
                        Required(body.Agreements, "agreements"), Required(body.PartnerTasks, "partnerTasks"), Required(body.ContactDetails, "contactDetails"),
                        Required(body.FinancingPlan, "financingPlan"), Required(body.CommunicationPlan, "communicationPlan"))), http.User, ct),
                    "signatures" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.SignCharter(s,
                        new SignCharter(id, Required(body.CharterVersion, "charterVersion"), ParseSignatories(body.SignedBy ?? []), Required(body.SignedOn, "signedOn")), now), ct),
                    "recognition" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Recognise(s,
                        new RecogniseNetwork(id, Required(body.FodReference, "fodReference"), Required(body.RecognisedOn, "recognisedOn")), now), ct),
                    "activation" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Activate(s,
                        new ActivateNetwork(id, Required(body.StartedOn, "startedOn")), now), ct),
                    _ => throw new DomainException(string.Format(System.Globalization.CultureInfo.CurrentCulture, Infrastructure.Localization.UiText.T("http.foundingStep"), step), "step"),
                };
                return TypedResults.Ok(new StepRecorded(step, recorded.GetType().Name));
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Record the next founding step: idea, consultation, info-evening, charter, signatures, recognition, activation. Out of order → 409 naming the missing step.");

        networks.MapPost("/{id:guid}/charter/{version:int}/reported", async (Guid id, int version, ReportedRequest body, HttpContext http, NetworkCommands commands, CancellationToken ct) =>
            {
                await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.ReportCharterChange(s, new ReportCharterChange(id, version, body.ReportedOn!.Value), now), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Mark a charter change as reported to FOD Binnenlandse Zaken: { reportedOn }.");

        networks.MapPost("/{id:guid}/{change:regex(^(suspension|reactivation|dissolution)$)}", async (Guid id, string change, ReasonRequest? body, HttpContext http, NetworkCommands commands, CancellationToken ct) =>
            {
                var reason = body?.Reason;
                INetworkEvent recorded = change switch
                {
                    "suspension" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Suspend(s, new SuspendNetwork(id, reason), now), ct),
                    "reactivation" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Reactivate(s, new ReactivateNetwork(id), now), ct),
                    _ => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Dissolve(s, new DissolveNetwork(id, reason), now), ct),
                };
                return TypedResults.Ok(new ChangeRecorded(recorded.GetType().Name));
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Suspend (reason), reactivate or dissolve (reason) a network; the body is optional.");

        networks.MapPost("/{id:guid}/coordinators", async (Guid id, CoordinatorRequest body, HttpContext http, NetworkCommands commands, CancellationToken ct) =>
            {
                var assigned = await commands.AssignCoordinatorAsync(new AssignCoordinator(id, body.AccountId!), http.User, ct);
                return TypedResults.Ok(new CoordinatorAssigned(assigned.AccountId));
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Make a dashboard account a coordinator of the network: { accountId }.");

        networks.MapDelete("/{id:guid}/coordinators/{accountId}", async (Guid id, string accountId, HttpContext http, NetworkCommands commands, CancellationToken ct) =>
            {
                await commands.RemoveCoordinatorAsync(new RemoveCoordinator(id, accountId), http.User, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Remove a coordinator from the network.");

        return app;
    }

    /// <summary>A field the chosen founding step needs (the body serves every step, so the framework cannot require it).</summary>
    private static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw new DomainException(string.Format(System.Globalization.CultureInfo.CurrentCulture, Infrastructure.Localization.UiText.T("http.required"), field), field);

    private static string Required(string? value, string field) =>
        value ?? throw new DomainException(string.Format(System.Globalization.CultureInfo.CurrentCulture, Infrastructure.Localization.UiText.T("http.required"), field), field);

    public static IdeaSource ParseSource(string? value) =>
        string.IsNullOrWhiteSpace(value) ? IdeaSource.Residents
        : Enum.TryParse<IdeaSource>(value.Trim(), ignoreCase: true, out var source) && Enum.IsDefined(source) ? source
        : throw new DomainException(ServerMessages.IdeaSourceUnknown, "source");

    private static IReadOnlyCollection<CharterSignatory> ParseSignatories(IReadOnlyList<string> values) =>
        values.Select(v => Enum.TryParse<CharterSignatory>(v.Replace("-", "").Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s)
            ? s
            : throw new DomainException(ServerMessages.SignatoryUnknown.With(v), "signedBy")).ToList();
}

/// <summary>One network as <c>GET /api/networks/{id}</c> answers.</summary>
public sealed record NetworkDetails(
    Guid Id,
    string Name,
    string Status,
    bool Indicative,
    bool FoundingRecorded,
    string? Reached,
    string? NextStep,
    IReadOnlyList<FoundingStepView> Steps,
    string? IdeaSource,
    int Interest,
    int? Attendance,
    IReadOnlyList<CharterVersionView> Charters,
    IReadOnlyList<int> ChartersToReport,
    string? FodReference,
    IReadOnlyList<string> Coordinators,
    string? StatusReason,
    NetTopologySuite.Geometries.Polygon Boundary)
{
    public static NetworkDetails Of(NetworkView v) => new(v.Id, v.Name, v.Status.ToString(), v.Indicative, v.FoundingRecorded,
        v.Reached?.ToString(), NextStepOf(v)?.ToString(), v.Steps, v.IdeaSource?.ToString(), v.Interest, v.Attendance, v.Charters,
        v.ChartersToReport().Select(c => c.Version).ToList(), v.FodReference, v.Coordinators, v.StatusReason, v.Boundary);

    /// <summary>The founding step to record next (null when complete, dissolved, or founded before the dashboard).</summary>
    public static FoundingStep? NextStepOf(NetworkView v) =>
        !v.FoundingRecorded || v.Status == NetworkStatus.Dissolved ? null
        : v.Reached is null ? FoundingStep.IdeaRegistered
        : v.Reached == FoundingStep.Activated ? null
        : v.Reached + 1;
}
