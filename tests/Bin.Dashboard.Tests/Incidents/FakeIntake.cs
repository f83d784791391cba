using System.Security.Claims;
using Bin.Dashboard.Features.Addresses;
using Bin.Dashboard.Features.Incidents;
using Bin.Domain;
using Bin.Domain.Geometry;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Tests.Incidents;

/// <summary>Answers like the real intake: Kerkplein around the church square; records what was saved.</summary>
internal sealed class FakeIntake : IIncidentIntake
{
    public List<ReportIncident> Saved { get; } = [];
    public List<UpdateIncident> Corrected { get; } = [];
    public Exception? Refuse { get; set; }

    public ValueTask<IReadOnlyList<string>> NetworksAtAsync(double latitude, double longitude, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<string>>(Math.Abs(latitude - 51.2307) < 0.002 && Math.Abs(longitude - 5.3135) < 0.003 ? ["Kerkplein"] : []);

    /// <summary>Kerkplein 1 lies at the church square; a point within 40 m of it is offered it.</summary>
    public static readonly AddressMatch KerkpleinOne =
        new("Kerkplein 1, 3920 Lommel", "Kerkplein", "1", null, "3920", "Lommel", 51.2308, 5.3136, [], Demo: true);

    public ValueTask<NearbyAddress?> NearestAddressAsync(double latitude, double longitude, CancellationToken ct)
    {
        var metres = ServiceArea.DistanceMetres(latitude, longitude, KerkpleinOne.Latitude, KerkpleinOne.Longitude);
        return ValueTask.FromResult(metres <= 40 ? new NearbyAddress(KerkpleinOne, metres) : null);
    }

    public Task<IncidentReported> ReportAsync(ReportIncident command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Refuse is not null) throw Refuse;
        Saved.Add(command);
        return Task.FromResult(IncidentDecisions.Report(null, command, ServiceArea.Lommel, [], DateTimeOffset.UtcNow));
    }

    public Task<IncidentUpdated> CorrectAsync(UpdateIncident command, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Refuse is not null) throw Refuse;
        Corrected.Add(command);
        return Task.FromResult(new IncidentUpdated(command.IncidentId, command.Category, command.Description ?? "", command.Latitude, command.Longitude,
            [], DateTimeOffset.UtcNow, command.Address));
    }
}
