using System.Security.Claims;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Localization;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// Who manages members: administrators, all of them; a coordinator, those of the networks they coordinate.
/// Everyone else (dispatchers, officers, chiefs) sees counts, never the registry.
/// </summary>
public static class MemberAccess
{
    /// <summary>The authorization policy of the member pages and API: admin or coordinator; each endpoint then
    /// checks the network with <see cref="MayManage(ClaimsPrincipal, Guid)"/>.</summary>
    public const string Policy = "members";

    public static bool MayManage(ClaimsPrincipal user, Guid networkId) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Coordinator) && NetworkScope.Of(user).Networks.Contains(networkId));

    /// <summary>A member of several networks may be managed by the coordinator of any of them.</summary>
    public static bool MayManage(ClaimsPrincipal user, IEnumerable<Guid> networkIds) =>
        user.IsInRole(Roles.Admin) || networkIds.Any(id => MayManage(user, id));

    /// <summary>The networks a user manages members of, or null for all (administrators).</summary>
    public static IReadOnlySet<Guid>? ManagedNetworks(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? null
        : user.IsInRole(Roles.Coordinator) ? NetworkScope.Of(user).Networks
        : new HashSet<Guid>();

    public static void EnsureMayManage(ClaimsPrincipal user, Guid networkId)
    {
        if (!MayManage(user, networkId))
            throw new MemberAccessDeniedException();
    }

    public static void EnsureMayManage(ClaimsPrincipal user, IEnumerable<Guid> networkIds)
    {
        if (!MayManage(user, networkIds))
            throw new MemberAccessDeniedException();
    }
}

/// <summary>The user may not manage the members of that network (→ 403).</summary>
public sealed class MemberAccessDeniedException()
    : Exception(ServerMessages.MemberAccessDenied.With().ToString());
