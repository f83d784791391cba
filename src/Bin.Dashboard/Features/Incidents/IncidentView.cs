using Bin.Domain.Incidents;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>One incident as the board, the map and the API show it.</summary>
public sealed class IncidentView
{
    public Guid Id { get; set; }
    /// <summary>The address picked for the point (when reported, or with a correction); a point moved without one has none.</summary>
    public string? Address { get; set; }

    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";
    public ReporterKind ReporterKind { get; set; }
    public List<Guid> NetworkIds { get; set; } = [];
    public IncidentStatus Status { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public IncidentOutcome? Outcome { get; set; }
    public string? ReportedBy { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }
}

public sealed partial class IncidentViewProjection : SingleStreamProjection<IncidentView, Guid>
{
    public static IncidentView Create(IEvent<IncidentReported> @event)
    {
        var e = @event.Data;
        return new IncidentView
        {
            Id = e.IncidentId,
            Latitude = e.Latitude,
            Longitude = e.Longitude,
            Address = e.Address,
            Category = e.Category,
            Description = e.Description,
            ReporterKind = e.ReporterKind,
            NetworkIds = [.. e.NetworkIds],
            Status = IncidentStatus.Reported,
            ReportedAt = e.ReportedAt,
            ReportedBy = @event.UserName,
        };
    }

    public static void Apply(IncidentVerified e, IncidentView view)
    {
        view.Status = IncidentStatus.Verified;
        view.VerifiedAt = e.VerifiedAt;
    }

    public static void Apply(IncidentUpdated e, IncidentView view)
    {
        view.Category = e.Category;
        view.Description = e.Description;
        // The address named the old point: a moved point has the one given with it, or none.
        if (e.Address is not null) view.Address = e.Address;
        else if (e.Latitude != view.Latitude || e.Longitude != view.Longitude) view.Address = null;
        view.Latitude = e.Latitude;
        view.Longitude = e.Longitude;
        view.NetworkIds = [.. e.NetworkIds];
    }

    public static void Apply(IncidentClosed e, IncidentView view)
    {
        view.Status = IncidentStatus.Closed;
        view.ClosedAt = e.ClosedAt;
        view.Outcome = e.Outcome;
    }
}
