using System.Security.Claims;
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
