using System.Security.Claims;
using Bin.Dashboard.Features.Addresses;
using Bin.Dashboard.Features.Networks;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>What the incident forms need: which networks contain a point (before saving), and saving a report or a correction.</summary>
public interface IIncidentIntake
{
    /// <summary>Names of the networks containing the point; empty outside every network or outside the zone.</summary>
    ValueTask<IReadOnlyList<string>> NetworksAtAsync(double latitude, double longitude, CancellationToken ct);

    /// <summary>
    /// The zone's address nearest to the point, within <see cref="IncidentIntake.NearbyMetres"/>; null when none is, or when
    /// the address index cannot be read just now (it is offered, never needed).
    /// </summary>
    ValueTask<NearbyAddress?> NearestAddressAsync(double latitude, double longitude, CancellationToken ct);

    Task<IncidentReported> ReportAsync(ReportIncident command, ClaimsPrincipal user, CancellationToken ct);

    Task<IncidentUpdated> CorrectAsync(UpdateIncident command, ClaimsPrincipal user, CancellationToken ct);
}

internal sealed class IncidentIntake(NetworkDirectory networks, IncidentCommands commands, ServiceArea area, LocalAddressIndex addresses,
    ILogger<IncidentIntake> logger) : IIncidentIntake
{
    /// <summary>A click on the map is this close to a house front, or it names none.</summary>
    public const double NearbyMetres = 40;

    public async ValueTask<NearbyAddress?> NearestAddressAsync(double latitude, double longitude, CancellationToken ct)
    {
        if (!InZone(latitude, longitude)) return null;
        try
        {
            return await addresses.NearestAsync(latitude, longitude, NearbyMetres, ct);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "The nearest address could not be read; the point is kept without one");
            return null;
        }
    }

    public async ValueTask<IReadOnlyList<string>> NetworksAtAsync(double latitude, double longitude, CancellationToken ct)
    {
        if (!InZone(latitude, longitude)) return [];
        var directory = await networks.CurrentAsync(ct);
        return directory.Resolver.Containing(latitude, longitude).Select(directory.NameOf).ToList();
    }

    private bool InZone(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180
        && area.Contains(latitude, longitude);

    public Task<IncidentReported> ReportAsync(ReportIncident command, ClaimsPrincipal user, CancellationToken ct) =>
        commands.ReportAsync(command, user, ct);

    public Task<IncidentUpdated> CorrectAsync(UpdateIncident command, ClaimsPrincipal user, CancellationToken ct) =>
        commands.UpdateAsync(command, user, ct);
}
