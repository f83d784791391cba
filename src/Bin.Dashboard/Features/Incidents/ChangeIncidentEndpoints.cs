using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>Verify, update and close an incident. A refused transition is a 409 with the reason.</summary>
public static class ChangeIncidentEndpoints
{
    public static IEndpointRouteBuilder MapChangeIncident(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents/{id:guid}").RequireAuthorization(Policies.Dispatch);

        group.MapPost("/verify", (Guid id, HttpContext http, IncidentCommands commands, CancellationToken ct) =>
            Run(async () => Results.Ok(await commands.VerifyAsync(new VerifyIncident(id), http.User, ct))));

        group.MapPut("", (Guid id, HttpContext http, IncidentCommands commands, CancellationToken ct) =>
            Run(async () =>
            {
                var body = await JsonBody.ReadAsync(http.Request, ct);
                var command = new UpdateIncident(id, body.RequiredNumber("lat"), body.RequiredNumber("lon"),
                    body.RequiredString("category"), body.OptionalString("description"));
                return Results.Ok(await commands.UpdateAsync(command, http.User, ct));
            }));

        group.MapPost("/close", (Guid id, HttpContext http, IncidentCommands commands, CancellationToken ct) =>
            Run(async () =>
            {
                var body = await JsonBody.ReadAsync(http.Request, ct);
                var command = new CloseIncident(id, ParseOutcome(body.RequiredString("outcome")), body.OptionalString("note"));
                return Results.Ok(await commands.CloseAsync(command, http.User, ct));
            }));
        return app;
    }

    private static Task<IResult> Run(Func<Task<IResult>> action) => Problems.ForCommand(action, "incident");

    /// <summary>Outcomes by their API ids: suspect-caught, nothing-found, false-alarm, handed-over, resolved.</summary>
    public static IncidentOutcome ParseOutcome(string value)
    {
        foreach (var outcome in Enum.GetValues<IncidentOutcome>())
            if (string.Equals(OutcomeId(outcome), value.Trim(), StringComparison.OrdinalIgnoreCase)) return outcome;
        throw new DomainException($"'{value}' is not an outcome. Choose one of: {string.Join(", ", Enum.GetValues<IncidentOutcome>().Select(OutcomeId))}.", "outcome");
    }

    public static string OutcomeId(IncidentOutcome outcome) =>
        string.Concat(outcome.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
