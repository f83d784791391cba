using System.Diagnostics;
using System.Security.Claims;
using Marten;

namespace Bin.Dashboard.Infrastructure.EventStore;

public static class SessionExtensions
{
    /// <summary>A session whose events record who acted (user name) and the request's trace as correlation id.</summary>
    public static IDocumentSession OpenSessionFor(this IDocumentStore store, ClaimsPrincipal user)
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = user.Identity?.Name ?? "anonymous";
        session.CorrelationId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        return session;
    }
}
