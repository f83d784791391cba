using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// DELETE /api/members/{id}?reason= (admin): honours an erasure request. The contact record (name, number), every
/// other copy of the number and the member's reply texts are removed and <c>MemberErased</c> (who, when, why)
/// recorded; see docs/privacy.md. 204, also when the member was erased before; 404 for an unknown id; 400 for a
/// reason not in the list.
/// </summary>
public static class EraseMemberEndpoint
{
    public static IEndpointRouteBuilder MapEraseMember(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/members/{id:guid}", async (Guid id, string? reason, HttpContext http, MemberCommands commands, CancellationToken ct) =>
            {
                await commands.EraseAsync(id, http.User, ct, Bin.Domain.Members.ErasureReasons.Parse(reason));
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("Erase a member's personal data on request (administrators).");
        return app;
    }
}
