using System.Security.Claims;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;
using Marten;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>
/// The incident use cases, shared by the API and the dashboard's forms. A report starts the incident's stream; every
/// later step goes through the <see cref="CommandPipeline"/>: the decision sees the folded stream and its event is
/// appended with the expected version, so two officers at once never overwrite each other — the second decides once
/// more on the first one's result (verifying twice is refused there), else gets a 409 asking to reload.
/// </summary>
public sealed class IncidentCommands(IDocumentStore store, CommandPipeline pipeline, NetworkDirectory networks, ServiceArea area, TimeProvider clock)
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

    private Task<TEvent> DecideAsync<TEvent>(Guid id, ClaimsPrincipal user, Func<Incident?, TEvent> decide, CancellationToken ct)
        where TEvent : class => pipeline.RunAsync(id, user, decide, ct);
}
