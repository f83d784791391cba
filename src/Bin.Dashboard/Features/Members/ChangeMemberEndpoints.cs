using Bin.Dashboard.Infrastructure.Http;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// A member's status and details, for admins and the coordinator of one of the member's networks:
/// POST /api/members/{id}/opt-out (idempotent), POST /api/members/{id}/rejoin { consentMethod, consentAt? },
/// PATCH /api/members/{id} { language?, networkIds? }. A step the status does not allow → 409.
/// </summary>
public static class ChangeMemberEndpoints
{
    public sealed record RejoinRequest(string? ConsentMethod, DateTimeOffset? ConsentAt);

    /// <param name="NetworkIds">The member's networks from now on; left out, they stay.</param>
    public sealed record ChangeRequest(string? Language, IReadOnlyList<Guid>? NetworkIds);

    public static IEndpointRouteBuilder MapChangeMember(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/members/{id:guid}").RequireAuthorization(MemberAccess.Policy).AnswersNotFoundFor("networkId");

        group.MapPost("/opt-out", async (Guid id, HttpContext http, MemberCommands commands, CancellationToken ct) =>
            {
                await commands.OptOutAsync(id, "dashboard", http.User, ct);
                return TypedResults.NoContent();
            })
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Stop alerts for the member (they asked their coordinator). Opting out twice changes nothing.");

        group.MapPost("/rejoin", async (Guid id, RejoinRequest body, HttpContext http, MemberCommands commands, CancellationToken ct) =>
            {
                await commands.RejoinAsync(id, body.ConsentAt, body.ConsentMethod, http.User, ct);
                return TypedResults.NoContent();
            })
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("A member who opted out consents again.");

        group.MapPatch("", async (Guid id, ChangeRequest body, HttpContext http, MemberCommands commands, CancellationToken ct) =>
            {
                var recorded = await commands.ChangeAsync(id, new MemberChange(body.Language, body.NetworkIds), http.User, ct);
                return TypedResults.Ok(new { changed = recorded.Select(e => e.GetType().Name) });
            })
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Change the member's language and/or networks (coordinators: only networks they coordinate).");
        return app;
    }
}
