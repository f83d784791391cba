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

    public static IEndpointRouteBuilder MapNetworkEndpoints(this IEndpointRouteBuilder app)
    {
        var networks = app.MapGroup("/api/networks");

        networks.MapGet("/export", async (IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var scope = NetworkScope.Of(http.User);
                var views = await session.Query<NetworkView>().ToListAsync(ct);
                http.Response.Headers.ContentDisposition = "attachment; filename=\"bin-networks.geojson\"";
                return Results.Json(NetworkGeoJson.Export(views.Where(v => scope.MaySee(v.Id))), GeoJson.Options, NetworkGeoJson.MediaType);
            })
            .WithSummary("All networks (coordinators: theirs) as a GeoJSON file the import reads back: id, name, status, indicative.");

        networks.MapGet("/{id:guid}", async (Guid id, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var view = await session.LoadAsync<NetworkView>(id, ct);
                if (view is null || !NetworkScope.Of(http.User).MaySee(id)) return Problems.NotFound($"Network {id} does not exist.");
                return Results.Json(NetworkDetails.Of(view), DetailsJson);
            })
            .WithSummary("One network: status, founding steps, charter versions, coordinators, boundary.");

        networks.MapPost("", (HttpContext http, NetworkCommands commands, CancellationToken ct) => NetworkProblems.Run(async () =>
            {
                var body = await JsonBody.ReadAsync(http.Request, ct);
                var boundary = body.OptionalElement("boundary") ?? throw new DomainException("boundary is required: a GeoJSON Polygon in WGS84.", "boundary");
                var command = new ProposeNetwork(Guid.CreateVersion7(), body.RequiredString("name"), NetworkGeoJson.ReadBoundary(boundary),
                    body.OptionalBool("indicative") ?? false, ParseSource(body.OptionalString("source")), body.OptionalString("summary"));
                var registered = await commands.ProposeAsync(command, http.User, ct);
                return Results.Created($"/api/networks/{registered.NetworkId}", new Created(registered.NetworkId));
            }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Propose a network: { name, boundary (GeoJSON Polygon), source (residents|association|municipality|police), summary } → 201 { id }.");

        networks.MapPut("/{id:guid}/boundary", (Guid id, HttpContext http, NetworkCommands commands, CancellationToken ct) => NetworkProblems.Run(async () =>
            {
                var root = await ReadJsonAsync(http.Request, ct);
                var indicative = root.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                                 && p.TryGetProperty("indicative", out var i) && i.ValueKind == JsonValueKind.True;
                await commands.ChangeBoundaryAsync(id, NetworkGeoJson.ReadBoundary(root), indicative, http.User, ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Redraw a network's boundary: a GeoJSON Polygon (or a Feature holding one) in WGS84.");

        networks.MapPost("/import", (string? crs, HttpContext http, NetworkCommands commands, CancellationToken ct) => NetworkProblems.Run(async () =>
            {
                var root = await ReadJsonAsync(http.Request, ct);
                var result = await commands.ImportAsync(NetworkGeoJson.ReadImport(root, crs), http.User, ct);
                return Results.Ok(new
                {
                    result.Registered,
                    result.Changed,
                    result.Unchanged,
                    networks = result.Networks.Select(n => new { feature = n.Number, id = n.NetworkId, name = n.Name, outcome = n.Outcome.ToString() }),
                });
            }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Import boundaries from GeoJSON (WGS84, or crs=EPSG:31370 / EPSG:3812). All or nothing: any problem → 400 with problems per feature.");

        networks.MapPost("/{id:guid}/founding/{step}", (Guid id, string step, HttpContext http, NetworkCommands commands, CancellationToken ct) => NetworkProblems.Run(async () =>
            {
                var body = await JsonBody.ReadAsync(http.Request, ct);
                INetworkEvent recorded = step switch
                {
                    "idea" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.RegisterIdea(s,
                        new RegisterFoundingIdea(id, ParseSource(body.OptionalString("source")), body.OptionalString("summary")), now), ct),
                    "consultation" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.RecordConsultation(s,
                        new RecordConsultation(id, body.RequiredDate("heldOn"), body.OptionalString("summary")), now), ct),
                    "info-evening" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.RecordInfoEvening(s,
                        new RecordInfoEvening(id, body.RequiredDate("heldOn"), body.RequiredInt("attendance"), body.OptionalString("notes")), now), ct),
                    "charter" => await commands.DrawUpCharterAsync(new DrawUpCharter(id, new Charter(
                        body.RequiredString("agreements"), body.RequiredString("partnerTasks"), body.RequiredString("contactDetails"),
                        body.RequiredString("financingPlan"), body.RequiredString("communicationPlan"))), http.User, ct),
                    "signatures" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.SignCharter(s,
                        new SignCharter(id, body.RequiredInt("charterVersion"), ParseSignatories(body.StringList("signedBy")), body.RequiredDate("signedOn")), now), ct),
                    "recognition" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Recognise(s,
                        new RecogniseNetwork(id, body.RequiredString("fodReference"), body.RequiredDate("recognisedOn")), now), ct),
                    "activation" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Activate(s,
                        new ActivateNetwork(id, body.RequiredDate("startedOn")), now), ct),
                    _ => throw new DomainException($"'{step}' is not a founding step: idea, consultation, info-evening, charter, signatures, recognition or activation.", "step"),
                };
                return Results.Ok(new { step, recorded = recorded.GetType().Name });
            }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Record the next founding step: idea, consultation, info-evening, charter, signatures, recognition, activation. Out of order → 409 naming the missing step.");

        networks.MapPost("/{id:guid}/charter/{version:int}/reported", (Guid id, int version, HttpContext http, NetworkCommands commands, CancellationToken ct) => NetworkProblems.Run(async () =>
            {
                var body = await JsonBody.ReadAsync(http.Request, ct);
                await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.ReportCharterChange(s, new ReportCharterChange(id, version, body.RequiredDate("reportedOn")), now), ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Mark a charter change as reported to FOD Binnenlandse Zaken.");

        networks.MapPost("/{id:guid}/{change:regex(^(suspension|reactivation|dissolution)$)}", (Guid id, string change, HttpContext http, NetworkCommands commands, CancellationToken ct) => NetworkProblems.Run(async () =>
            {
                var reason = http.Request.HasJsonContentType() ? (await JsonBody.ReadAsync(http.Request, ct)).OptionalString("reason") : null;
                INetworkEvent recorded = change switch
                {
                    "suspension" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Suspend(s, new SuspendNetwork(id, reason), now), ct),
                    "reactivation" => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Reactivate(s, new ReactivateNetwork(id), now), ct),
                    _ => await commands.DecideAsync(id, http.User, (s, now) => FoundingDecisions.Dissolve(s, new DissolveNetwork(id, reason), now), ct),
                };
                return Results.Ok(new { recorded = recorded.GetType().Name });
            }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Suspend (reason), reactivate or dissolve (reason) a network.");

        networks.MapPost("/{id:guid}/coordinators", (Guid id, HttpContext http, NetworkCommands commands, CancellationToken ct) => NetworkProblems.Run(async () =>
            {
                var body = await JsonBody.ReadAsync(http.Request, ct);
                var assigned = await commands.AssignCoordinatorAsync(new AssignCoordinator(id, body.RequiredString("accountId")), http.User, ct);
                return Results.Ok(new { assigned.AccountId });
            }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Make a dashboard account a coordinator of the network: { accountId }.");

        networks.MapDelete("/{id:guid}/coordinators/{accountId}", (Guid id, string accountId, HttpContext http, NetworkCommands commands, CancellationToken ct) => NetworkProblems.Run(async () =>
            {
                await commands.RemoveCoordinatorAsync(new RemoveCoordinator(id, accountId), http.User, ct);
                return Results.NoContent();
            }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Remove a coordinator from the network.");

        return app;
    }

    public static IdeaSource ParseSource(string? value) =>
        string.IsNullOrWhiteSpace(value) ? IdeaSource.Residents
        : Enum.TryParse<IdeaSource>(value.Trim(), ignoreCase: true, out var source) && Enum.IsDefined(source) ? source
        : throw new DomainException("source must be residents, association, municipality or police.", "source");

    private static IReadOnlyCollection<CharterSignatory> ParseSignatories(IReadOnlyList<string> values) =>
        values.Select(v => Enum.TryParse<CharterSignatory>(v.Replace("-", "").Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s)
            ? s
            : throw new DomainException($"'{v}' is not a signatory: mayor, chiefOfPolice, mandatedOfficer or coordinator.", "signedBy")).ToList();

    private static async Task<JsonElement> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 64 }, ct);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new DomainException(ServerMessages.NotJson(ex), "body");
        }
    }
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
