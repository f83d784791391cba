using Bin.Dashboard.Infrastructure.Auth;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// DELETE /api/members/{id} (admin): honours an erasure request. The contact record (name, number) is deleted and
/// <c>MemberErased</c> recorded in one transaction; the stream never held personal data, so nothing else needs
/// rewriting. 204, also when the member was erased before; 404 for an unknown id.
/// </summary>
public static class EraseMemberEndpoint
{
    public static IEndpointRouteBuilder MapEraseMember(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/members/{id:guid}", (Guid id, HttpContext http, MemberCommands commands, CancellationToken ct) =>
                MemberProblems.Run(async () =>
                {
                    await commands.EraseAsync(id, http.User, ct);
                    return Results.NoContent();
                }))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Erase a member's personal data on request (administrators).");
        return app;
    }
}
