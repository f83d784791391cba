using System.Security.Claims;
using Bin.Dashboard.Features.Networks;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>What the incident forms need: which networks contain a point (before saving), and saving a report or a correction.</summary>
public interface IIncidentIntake
{
    /// <summary>Names of the networks containing the point; empty outside every network or outside the zone.</summary>
    ValueTask<IReadOnlyList<string>> NetworksAtAsync(double latitude, double longitude, CancellationToken ct);

    Task<IncidentReported> ReportAsync(ReportIncident command, ClaimsPrincipal user, CancellationToken ct);

    Task<IncidentUpdated> CorrectAsync(UpdateIncident command, ClaimsPrincipal user, CancellationToken ct);
}

internal sealed class IncidentIntake(NetworkDirectory networks, IncidentCommands commands, ServiceArea area) : IIncidentIntake
{
    public async ValueTask<IReadOnlyList<string>> NetworksAtAsync(double latitude, double longitude, CancellationToken ct)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || latitude is < -90 or > 90 || longitude is < -180 or > 180
            || !area.Contains(latitude, longitude))
            return [];
        var directory = await networks.CurrentAsync(ct);
        return directory.Resolver.Containing(latitude, longitude).Select(directory.NameOf).ToList();
    }

    public Task<IncidentReported> ReportAsync(ReportIncident command, ClaimsPrincipal user, CancellationToken ct) =>
        commands.ReportAsync(command, user, ct);

    public Task<IncidentUpdated> CorrectAsync(UpdateIncident command, ClaimsPrincipal user, CancellationToken ct) =>
        commands.UpdateAsync(command, user, ct);
}
