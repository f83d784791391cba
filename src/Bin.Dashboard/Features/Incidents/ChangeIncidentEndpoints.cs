using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>Verify, update and close an incident. A refused transition is a 409 with the reason.</summary>
public static class ChangeIncidentEndpoints
{
    /// <param name="Address">The address picked for the point, at most 200 characters. Without one, a moved point has no
    /// address and an unmoved one keeps its own.</param>
    public sealed record UpdateRequest([RequiredField] double? Lat, [RequiredField] double? Lon, [RequiredField] string? Category, string? Description,
        string? Address = null);

    /// <param name="Outcome">suspect-caught, nothing-found, false-alarm, handed-over or resolved.</param>
    public sealed record CloseRequest([RequiredField] string? Outcome, string? Note);

    public static IEndpointRouteBuilder MapChangeIncident(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents/{id:guid}").RequireAuthorization(Policies.Dispatch);

        group.MapPost("/verify", async (Guid id, HttpContext http, IncidentCommands commands, CancellationToken ct) =>
                TypedResults.Ok(await commands.VerifyAsync(new VerifyIncident(id), http.User, ct)))
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Verify a reported incident; verified or closed already → 409.");

        group.MapPut("", async (Guid id, UpdateRequest body, HttpContext http, IncidentCommands commands, CancellationToken ct) =>
                TypedResults.Ok(await commands.UpdateAsync(new UpdateIncident(id, body.Lat!.Value, body.Lon!.Value, body.Category!, body.Description, body.Address), http.User, ct)))
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Correct an incident's place, category and description; its networks are resolved again.");

        group.MapPost("/close", async (Guid id, CloseRequest body, HttpContext http, IncidentCommands commands, CancellationToken ct) =>
                TypedResults.Ok(await commands.CloseAsync(new CloseIncident(id, ParseOutcome(body.Outcome!), body.Note), http.User, ct)))
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Close an incident with its outcome; closing twice → 409.");
        return app;
    }

    /// <summary>Outcomes by their API ids: suspect-caught, nothing-found, false-alarm, handed-over, resolved.</summary>
    public static IncidentOutcome ParseOutcome(string value)
    {
        foreach (var outcome in Enum.GetValues<IncidentOutcome>())
            if (string.Equals(OutcomeId(outcome), value.Trim(), StringComparison.OrdinalIgnoreCase)) return outcome;
        throw new DomainException(string.Format(System.Globalization.CultureInfo.CurrentCulture, UiText.T("http.outcome"), value,
            string.Join(", ", Enum.GetValues<IncidentOutcome>().Select(OutcomeId))), "outcome");
    }

    public static string OutcomeId(IncidentOutcome outcome) =>
        string.Concat(outcome.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
