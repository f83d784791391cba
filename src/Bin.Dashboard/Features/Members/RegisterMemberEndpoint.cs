using Bin.Dashboard.Infrastructure.Http;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// POST /api/networks/{id}/members: { name, phone, language?, consentMethod, consentAt? } → 201 { id }.
/// Bad fields → 400 naming each; a number that is already a member → 409 (by network count, never by name);
/// not the caller's network → 403; no such network → 404.
/// </summary>
public static class RegisterMemberEndpoint
{
    /// <param name="ConsentAt">When the member consented (ISO 8601 with offset); now when left out.</param>
    public sealed record Request(string? Name, string? Phone, string? Language, string? ConsentMethod, DateTimeOffset? ConsentAt);

    public sealed record Response(Guid Id);

    public static IEndpointRouteBuilder MapRegisterMember(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/networks/{id:guid}/members", async (Guid id, Request body, HttpContext http, MemberCommands commands, CancellationToken ct) =>
            {
                var input = new NewMember(body.Name, body.Phone, body.Language, body.ConsentMethod, body.ConsentAt);
                var registered = await commands.RegisterAsync(id, input, http.User, ct);
                return TypedResults.Created($"/api/members/{registered.MemberId}", new Response(registered.MemberId));
            })
            .RequireAuthorization(MemberAccess.Policy)
            .AnswersNotFoundFor("networkId")
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Register a member of the network (admin, or the network's coordinator).");
        return app;
    }
}
