using Bin.Domain.Geometry;

namespace Bin.Domain.Incidents;

public sealed record ReportIncident(
    Guid IncidentId,
    double Latitude,
    double Longitude,
    string Category,
    string? Description,
    ReporterKind ReporterKind,
    string? Address = null);

public sealed record VerifyIncident(Guid IncidentId);

/// <param name="Address">The address picked for the (possibly moved) point; null leaves an unmoved point's address as
/// it was, and a moved point without one has none.</param>
public sealed record UpdateIncident(
    Guid IncidentId,
    double Latitude,
    double Longitude,
    string Category,
    string? Description,
    string? Address = null);

public sealed record CloseIncident(Guid IncidentId, IncidentOutcome Outcome, string? Note);

/// <summary>
/// Pure decisions for an incident's stream: state + command → event, or a <see cref="DomainException"/>.
/// Input errors name the API field (<c>lat</c>, <c>lon</c>, <c>category</c>, <c>description</c>, <c>note</c>,
/// <c>outcome</c>, <c>reporterKind</c>); a missing or already existing incident names <c>id</c>; a step the
/// incident's status does not allow (verifying twice, changing a closed incident) names no field.
/// </summary>
public static class IncidentDecisions
{
    public const int MaxDescriptionLength = 2_000;
    public const int MaxNoteLength = 1_000;

    /// <summary>A street, number, postcode and municipality fit easily; more is not an address.</summary>
    public const int MaxAddressLength = 200;

    /// <param name="networkIds">The networks containing the location, as the caller resolved them; may be empty.</param>
    public static IncidentReported Report(
        Incident? state, ReportIncident command, ServiceArea area, IReadOnlyList<Guid> networkIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(networkIds);
        if (state is not null)
            throw new DomainException(DomainMessages.IncidentAlreadyReported, "id");
        if (!Enum.IsDefined(command.ReporterKind))
            throw new DomainException(DomainMessages.ReporterKindUnknown, "reporterKind");
        area.EnsureInside(command.Latitude, command.Longitude);
        var category = IncidentCategories.Get(command.Category);
        var description = EnsureDescription(command.Description);
        return new IncidentReported(command.IncidentId, command.Latitude, command.Longitude, category.Id, description,
            command.ReporterKind, [.. networkIds.Distinct()], now, Address(command.Address));
    }

    /// <summary>The address the dispatcher chose for the point, if any; blank is none.</summary>
    private static string? Address(string? address)
    {
        var trimmed = address?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > MaxAddressLength)
            throw new DomainException(DomainMessages.AddressTooLong.With(MaxAddressLength, trimmed.Length), "address");
        return trimmed;
    }

    public static IncidentVerified Verify(Incident? state, VerifyIncident command, DateTimeOffset now)
    {
        var incident = EnsureExists(state);
        switch (incident.Status)
        {
            case IncidentStatus.Closed:
                throw new DomainException(DomainMessages.IncidentClosedNoVerify);
            case IncidentStatus.Verified:
                throw new DomainException(DomainMessages.IncidentAlreadyVerified);
        }
        return new IncidentVerified(command.IncidentId, now);
    }

    /// <param name="networkIds">The networks containing the new location, as the caller resolved them; may be empty.</param>
    public static IncidentUpdated Update(
        Incident? state, UpdateIncident command, ServiceArea area, IReadOnlyList<Guid> networkIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(networkIds);
        var incident = EnsureExists(state);
        if (incident.Status == IncidentStatus.Closed)
            throw new DomainException(DomainMessages.IncidentClosedNoChange);
        area.EnsureInside(command.Latitude, command.Longitude);
        var category = IncidentCategories.Get(command.Category);
        var description = EnsureDescription(command.Description);
        return new IncidentUpdated(command.IncidentId, category.Id, description, command.Latitude, command.Longitude,
            [.. networkIds.Distinct()], now, Address(command.Address));
    }

    public static IncidentClosed Close(Incident? state, CloseIncident command, DateTimeOffset now)
    {
        var incident = EnsureExists(state);
        if (incident.Status == IncidentStatus.Closed)
            throw new DomainException(DomainMessages.IncidentAlreadyClosed);
        if (!Enum.IsDefined(command.Outcome))
            throw new DomainException(
                DomainMessages.OutcomeUnknown.With(string.Join(", ", Enum.GetValues<IncidentOutcome>())), "outcome");
        var note = command.Note?.Trim();
        if (note?.Length > MaxNoteLength)
            throw new DomainException(DomainMessages.NoteTooLong.With(MaxNoteLength, note.Length), "note");
        return new IncidentClosed(command.IncidentId, command.Outcome, string.IsNullOrEmpty(note) ? null : note, now);
    }

    private static Incident EnsureExists(Incident? state) =>
        state ?? throw new DomainException(DomainMessages.IncidentNotFound, "id");

    /// <summary>Trims the description and keeps it otherwise as written: the dashboard escapes it when showing it.</summary>
    private static string EnsureDescription(string? text)
    {
        var description = text?.Trim() ?? "";
        if (description.Length == 0)
            throw new DomainException(DomainMessages.DescriptionRequired, "description");
        if (description.Length > MaxDescriptionLength)
            throw new DomainException(DomainMessages.DescriptionTooLong.With(MaxDescriptionLength, description.Length), "description");
        return description;
    }
}
