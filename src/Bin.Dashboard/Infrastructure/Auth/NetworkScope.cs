using System.Security.Claims;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>Which networks a user may see: the whole zone, or (coordinators) only their own BINs.</summary>
public sealed record NetworkScope(bool WholeZone, IReadOnlySet<Guid> Networks)
{
    public static NetworkScope Of(ClaimsPrincipal user)
    {
        var wholeZone = user.IsInRole(Roles.Dispatcher) || user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Chief) || user.IsInRole(Roles.Admin);
        var networks = user.FindAll(BinClaims.Network).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToHashSet();
        return new NetworkScope(wholeZone, networks);
    }

    public bool MaySee(Guid networkId) => WholeZone || Networks.Contains(networkId);

    public bool MaySeeAny(IEnumerable<Guid> networkIds) => WholeZone || networkIds.Any(Networks.Contains);
}
