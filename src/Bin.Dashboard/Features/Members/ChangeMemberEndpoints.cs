using Bin.Dashboard.Infrastructure.Http;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// A member's status and details, for admins and the coordinator of one of the member's networks:
/// POST /api/members/{id}/opt-out (idempotent), POST /api/members/{id}/rejoin { consentMethod, consentAt? },
/// PATCH /api/members/{id} { language?, networkIds? }. A step the status does not allow → 409.
/// </summary>
public static class ChangeMemberEndpoints
{
    public static IEndpointRouteBuilder MapChangeMember(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/members/{id:guid}").RequireAuthorization(MemberAccess.Policy);

        group.MapPost("/opt-out", (Guid id, HttpContext http, MemberCommands commands, CancellationToken ct) =>
            MemberProblems.Run(async () =>
            {
                await commands.OptOutAsync(id, "dashboard", http.User, ct);
                return Results.NoContent();
            })).WithSummary("Stop alerts for the member (they asked their coordinator). Opting out twice changes nothing.");

        group.MapPost("/rejoin", (Guid id, HttpContext http, MemberCommands commands, CancellationToken ct) =>
            MemberProblems.Run(async () =>
            {
                var body = await JsonBody.ReadAsync(http.Request, ct);
                await commands.RejoinAsync(id, RegisterMemberEndpoint.ParseTime(body.OptionalString("consentAt"), "consentAt"),
                    body.OptionalString("consentMethod"), http.User, ct);
                return Results.NoContent();
            })).WithSummary("A member who opted out consents again.");

        group.MapPatch("", (Guid id, HttpContext http, MemberCommands commands, CancellationToken ct) =>
            MemberProblems.Run(async () =>
            {
                var body = await JsonBody.ReadAsync(http.Request, ct);
                var networks = body.GuidList("networkIds");
                var change = new MemberChange(body.OptionalString("language"), body.Has("networkIds") ? networks : null);
                var recorded = await commands.ChangeAsync(id, change, http.User, ct);
                return Results.Ok(new { changed = recorded.Select(e => e.GetType().Name) });
            })).WithSummary("Change the member's language and/or networks (coordinators: only networks they coordinate).");
        return app;
    }
}
