using Bin.Dashboard.Infrastructure.Http;
using System.Globalization;
using Bin.Domain.Members;
using Marten;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// GET /api/networks/{id}/members: the network's members (active and opted out), by name. Admins and the network's
/// coordinator manage these members, so they get the full number (to check or correct it) next to the masked form
/// that pages show by default. Others get 403.
/// </summary>
public static class GetMembers
{
    /// <param name="NetworkIds">The member's networks, limited to those the caller manages.</param>
    public sealed record Item(
        Guid Id,
        string Name,
        string Phone,
        string PhoneMasked,
        string Language,
        string Status,
        IReadOnlyList<Guid> NetworkIds,
        DateTimeOffset ConsentAt,
        string ConsentMethod,
        DateTimeOffset RegisteredAt,
        DateTimeOffset? OptedOutAt);

    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("nl-BE"), CompareOptions.IgnoreCase);

    /// <param name="managed">The networks the caller manages (for trimming each member's network list); null: all.</param>
    public static async Task<IReadOnlyList<Item>> QueryAsync(IQuerySession session, Guid networkId, IReadOnlySet<Guid>? managed, CancellationToken ct)
    {
        var views = await session.Query<MemberView>()
            .Where(v => v.NetworkIds.Contains(networkId) && v.Status != MemberStatus.Erased)
            .ToListAsync(ct);
        var contacts = (await session.LoadManyAsync<MemberContact>(ct, views.Select(v => v.Id))).ToDictionary(c => c.Id);
        return views
            .Where(v => contacts.ContainsKey(v.Id))
            .Select(v =>
            {
                var contact = contacts[v.Id];
                return new Item(v.Id, contact.Name, contact.Phone, new MobileNumber(contact.Phone).Masked, v.Language, v.Status.ToString(),
                    managed is null ? v.NetworkIds : v.NetworkIds.Where(managed.Contains).ToList(),
                    v.ConsentAt, v.ConsentMethod, v.RegisteredAt, v.OptedOutAt);
            })
            .OrderBy(i => i.Name, ByName)
            .ThenBy(i => i.Id)
            .ToList();
    }

    public static IEndpointRouteBuilder MapGetMembers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/networks/{id:guid}/members", async (Guid id, HttpContext http, IQuerySession session, CancellationToken ct) =>
            {
                MemberAccess.EnsureMayManage(http.User, id);
                return TypedResults.Ok(await QueryAsync(session, id, MemberAccess.ManagedNetworks(http.User), ct));
            })
            .RequireAuthorization(MemberAccess.Policy)
            .AnswersNotFoundFor("networkId")
            .WithSummary("The network's members with name, number, language, status and consent (admin, or the network's coordinator).");
        return app;
    }
}
