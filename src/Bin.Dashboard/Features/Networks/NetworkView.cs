using Bin.Domain.Networks;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Features.Networks;

/// <summary>What the map, the network list and the network's page show of one network.</summary>
public sealed class NetworkView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public NetworkStatus Status { get; set; }
    public bool Indicative { get; set; }
    public Polygon Boundary { get; set; } = null!;
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>The last founding step recorded; null while not even the idea is.</summary>
    public FoundingStep? Reached { get; set; }

    /// <summary>False for a network registered as already running: its founding predates the dashboard.</summary>
    public bool FoundingRecorded { get; set; } = true;

    /// <summary>The founding steps recorded, in order, with their dates and details.</summary>
    public List<FoundingStepView> Steps { get; set; } = [];

    public IdeaSource? IdeaSource { get; set; }

    /// <summary>How many came to the info evening.</summary>
    public int? Attendance { get; set; }

    /// <summary>Residents who asked for a BIN here (the idea and everyone who joined it from the public page).</summary>
    public int Interest { get; set; }

    public List<CharterVersionView> Charters { get; set; } = [];
    public string? FodReference { get; set; }
    public List<string> Coordinators { get; set; } = [];

    /// <summary>Why the network was last suspended or dissolved.</summary>
    public string? StatusReason { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }
}

/// <summary>Questions pages ask of a network view (methods, so they are not stored with the document).</summary>
public static class NetworkViewQuestions
{
    public static CharterVersionView? CurrentCharter(this NetworkView view) => view.Charters.Count == 0 ? null : view.Charters[^1];

    public static int CharterVersionNumber(this NetworkView view) => view.CurrentCharter()?.Version ?? 0;

    public static IEnumerable<CharterVersionView> ChartersToReport(this NetworkView view) => view.Charters.Where(c => c.ToReportToFod && c.ReportedOn is null);

    /// <summary>Running: active, or suspended for a while (it has members); not an idea, not being founded, not dissolved.</summary>
    public static bool IsRunning(this NetworkView view) => view.Status is NetworkStatus.Active or NetworkStatus.Suspended;

    /// <summary>Recognised by the FOD (or registered as running): charter changes from now on are reported.</summary>
    public static bool IsRecognisedOrRunning(this NetworkView view) =>
        view.Status is NetworkStatus.Recognised or NetworkStatus.Active or NetworkStatus.Suspended || !view.FoundingRecorded;
}

/// <summary>One recorded founding step: when it happened (as given), when and by whom it was recorded, and a detail line.</summary>
public sealed record FoundingStepView(FoundingStep Step, DateOnly? On, DateTimeOffset RecordedAt, string? RecordedBy, string Detail);

/// <summary>A version of the charter; its contact details are in <see cref="CharterContacts"/>.</summary>
public sealed class CharterVersionView
{
    public int Version { get; set; }
    public string Agreements { get; set; } = "";
    public string PartnerTasks { get; set; } = "";
    public string FinancingPlan { get; set; } = "";
    public string CommunicationPlan { get; set; } = "";
    public DateTimeOffset DrawnUpAt { get; set; }
    public string? DrawnUpBy { get; set; }
    public DateOnly? SignedOn { get; set; }
    public bool ToReportToFod { get; set; }
    public DateOnly? ReportedOn { get; set; }
}

/// <summary>
/// The contact details of one charter version. They name people, so they are a document beside the stream, which
/// can be blanked on request, and never part of an event.
/// </summary>
public sealed class CharterContacts
{
    public string Id { get; set; } = "";
    public Guid NetworkId { get; set; }
    public int Version { get; set; }
    public string ContactDetails { get; set; } = "";

    public static string IdOf(Guid networkId, int version) => $"{networkId:N}/{version}";
}

public sealed partial class NetworkViewProjection : SingleStreamProjection<NetworkView, Guid>
{
    public static NetworkView Create(NetworkRegistered e)
    {
        var state = Network.Create(e);
        return new NetworkView
        {
            Id = e.NetworkId,
            Name = e.Name,
            Status = e.Status,
            Indicative = e.Indicative,
            Boundary = e.Boundary,
            RegisteredAt = e.RegisteredAt,
            Reached = state.Reached,
            FoundingRecorded = state.FoundingRecorded,
        };
    }

    public static void Apply(NetworkBoundaryChanged e, NetworkView view)
    {
        view.Boundary = e.Boundary;
        view.Indicative = e.Indicative;
    }

    public static void Apply(IEvent<FoundingIdeaRegistered> e, NetworkView view)
    {
        view.Status = NetworkStatus.Proposed;
        view.IdeaSource = e.Data.Source;
        view.Interest++;
        Step(view, e, FoundingStep.IdeaRegistered, null, e.Data.RegisteredAt, e.Data.Summary);
    }

    public static void Apply(FoundingInterestRegistered e, NetworkView view) => view.Interest++;

    public static void Apply(IEvent<ConsultationHeld> e, NetworkView view)
    {
        view.Status = NetworkStatus.Founding;
        Step(view, e, FoundingStep.ConsultationHeld, e.Data.HeldOn, e.Data.RecordedAt, e.Data.Summary);
    }

    public static void Apply(IEvent<InfoEveningHeld> e, NetworkView view)
    {
        Step(view, e, FoundingStep.InfoEveningHeld, e.Data.HeldOn, e.Data.RecordedAt, e.Data.Notes);
        view.Attendance = e.Data.Attendance;
    }

    public static void Apply(IEvent<CharterDrawnUp> e, NetworkView view)
    {
        var c = e.Data;
        view.Charters.Add(new CharterVersionView
        {
            Version = c.Version,
            Agreements = c.Agreements,
            PartnerTasks = c.PartnerTasks,
            FinancingPlan = c.FinancingPlan,
            CommunicationPlan = c.CommunicationPlan,
            DrawnUpAt = c.DrawnUpAt,
            DrawnUpBy = e.UserName,
            ToReportToFod = c.ToReportToFod,
        });
        // Before recognition a new draft replaces the last one (and its signature); after, the founding is done.
        if (!c.ToReportToFod)
        {
            view.Steps.RemoveAll(s => s.Step >= FoundingStep.CharterDrawnUp);
            Step(view, e, FoundingStep.CharterDrawnUp, null, c.DrawnUpAt, $"v{c.Version}");
        }
    }

    public static void Apply(IEvent<CharterSigned> e, NetworkView view)
    {
        if (view.Charters.FirstOrDefault(c => c.Version == e.Data.CharterVersion) is { } charter) charter.SignedOn = e.Data.SignedOn;
        Step(view, e, FoundingStep.CharterSigned, e.Data.SignedOn, e.Data.RecordedAt, $"v{e.Data.CharterVersion}");
    }

    public static void Apply(IEvent<NetworkRecognised> e, NetworkView view)
    {
        view.Status = NetworkStatus.Recognised;
        view.FodReference = e.Data.FodReference;
        Step(view, e, FoundingStep.Recognised, e.Data.RecognisedOn, e.Data.RecordedAt, e.Data.FodReference);
    }

    public static void Apply(IEvent<NetworkActivated> e, NetworkView view)
    {
        view.Status = NetworkStatus.Active;
        view.StatusChangedAt = e.Data.RecordedAt;
        Step(view, e, FoundingStep.Activated, e.Data.StartedOn, e.Data.RecordedAt, "");
    }

    public static void Apply(CharterChangeReported e, NetworkView view)
    {
        if (view.Charters.FirstOrDefault(c => c.Version == e.CharterVersion) is { } charter) charter.ReportedOn = e.ReportedOn;
    }

    public static void Apply(NetworkSuspended e, NetworkView view) => SetStatus(view, NetworkStatus.Suspended, e.Reason, e.SuspendedAt);

    public static void Apply(NetworkReactivated e, NetworkView view) => SetStatus(view, NetworkStatus.Active, null, e.ReactivatedAt);

    public static void Apply(NetworkDissolved e, NetworkView view) => SetStatus(view, NetworkStatus.Dissolved, e.Reason, e.DissolvedAt);

    public static void Apply(CoordinatorAssigned e, NetworkView view)
    {
        if (!view.Coordinators.Contains(e.AccountId)) view.Coordinators.Add(e.AccountId);
    }

    public static void Apply(CoordinatorRemoved e, NetworkView view) => view.Coordinators.Remove(e.AccountId);

    private static void Step<T>(NetworkView view, IEvent<T> e, FoundingStep step, DateOnly? on, DateTimeOffset at, string detail) where T : notnull
    {
        view.Reached = step;
        view.Steps.Add(new FoundingStepView(step, on, at, e.UserName, detail));
    }

    private static void SetStatus(NetworkView view, NetworkStatus status, string? reason, DateTimeOffset at)
    {
        view.Status = status;
        view.StatusReason = reason;
        view.StatusChangedAt = at;
    }
}
