using System.Security.Claims;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using Marten;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>
/// The incident use cases, shared by the API and the dashboard's forms: load the stream, let the pure
/// decision speak, append with the expected version (a concurrent change makes the second writer retry the
/// decision, never overwrite).
/// </summary>
public sealed class IncidentCommands(IDocumentStore store, NetworkDirectory networks, ServiceArea area, TimeProvider clock)
{
    public async Task<IncidentReported> ReportAsync(ReportIncident command, ClaimsPrincipal user, CancellationToken ct)
    {
        using var activity = Infrastructure.Telemetry.BinTelemetry.Start("incident report")?.SetTag("bin.incident_id", command.IncidentId);
        // Zone and range first: the resolver must not be asked about points that are not coordinates of this zone.
        area.EnsureInside(command.Latitude, command.Longitude);
        var directory = await networks.CurrentAsync(ct);
        var reported = IncidentDecisions.Report(null, command, area, directory.Resolver.Containing(command.Latitude, command.Longitude), clock.GetUtcNow());
        await using var session = store.OpenSessionFor(user);
        session.Events.StartStream<IncidentView>(command.IncidentId, reported);
        await session.SaveChangesAsync(ct);
        return reported;
    }

    public Task<IncidentVerified> VerifyAsync(VerifyIncident command, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(command.IncidentId, user, state => IncidentDecisions.Verify(state, command, clock.GetUtcNow()), ct);

    public async Task<IncidentUpdated> UpdateAsync(UpdateIncident command, ClaimsPrincipal user, CancellationToken ct)
    {
        area.EnsureInside(command.Latitude, command.Longitude);
        var directory = await networks.CurrentAsync(ct);
        var networkIds = directory.Resolver.Containing(command.Latitude, command.Longitude);
        return await DecideAsync(command.IncidentId, user, state => IncidentDecisions.Update(state, command, area, networkIds, clock.GetUtcNow()), ct);
    }

    public Task<IncidentClosed> CloseAsync(CloseIncident command, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(command.IncidentId, user, state => IncidentDecisions.Close(state, command, clock.GetUtcNow()), ct);

    private async Task<TEvent> DecideAsync<TEvent>(Guid id, ClaimsPrincipal user, Func<Incident?, TEvent> decide, CancellationToken ct)
        where TEvent : notnull
    {
        await using var session = store.OpenSessionFor(user);
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var state = Fold(events.Select(e => e.Data));
        var decided = decide(state);
        session.Events.Append(id, events.Count + 1L, decided);
        await session.SaveChangesAsync(ct);
        return decided;
    }

    public static Incident? Fold(IEnumerable<object> events)
    {
        Incident? state = null;
        foreach (var e in events)
        {
            state = e switch
            {
                IncidentReported r => Incident.Create(r),
                IncidentVerified v when state is not null => state.Apply(v),
                IncidentUpdated u when state is not null => state.Apply(u),
                IncidentClosed c when state is not null => state.Apply(c),
                _ => state,
            };
        }
        return state;
    }
}
