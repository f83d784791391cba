using NetTopologySuite.Geometries;

namespace Bin.Domain.Networks;

/// <summary>The state of one network as its decisions need it, folded from its events.</summary>
public sealed record Network(
    Guid Id,
    string Name,
    Polygon Boundary,
    NetworkStatus Status,
    bool Indicative) : IFolded<Network>
{
    public static string Subject => "network";

    /// <summary>The last founding step recorded; null while not even the idea is.</summary>
    public FoundingStep? Reached { get; init; }

    /// <summary>
    /// False for a network that was already running (or recognised) when it was registered, such as Lommel's
    /// seven: its founding happened before the dashboard and is not replayed step by step.
    /// </summary>
    public bool FoundingRecorded { get; init; } = true;

    /// <summary>The current charter version; 0 when no charter is recorded.</summary>
    public int CharterVersion { get; init; }

    /// <summary>Charter versions changed after recognition that FOD Binnenlandse Zaken has not been told of yet.</summary>
    public IReadOnlyList<int> CharterVersionsToReport { get; init; } = [];

    /// <summary>The dashboard accounts that coordinate the network.</summary>
    public IReadOnlyList<string> Coordinators { get; init; } = [];

    /// <summary>True once FOD Binnenlandse Zaken recognised the network (or it was registered as running).</summary>
    public bool IsRecognised => Reached >= FoundingStep.Recognised;

    public static Network Create(NetworkRegistered e)
    {
        var network = new Network(e.NetworkId, e.Name, e.Boundary, e.Status, e.Indicative);
        // Registered as already running or recognised: the founding steps predate the dashboard.
        return e.Status switch
        {
            NetworkStatus.Active or NetworkStatus.Suspended => network with { Reached = FoundingStep.Activated, FoundingRecorded = false },
            NetworkStatus.Recognised => network with { Reached = FoundingStep.Recognised, FoundingRecorded = false },
            _ => network,
        };
    }

    public Network Apply(NetworkBoundaryChanged e) => this with { Boundary = e.Boundary, Indicative = e.Indicative };

    public Network Apply(FoundingIdeaRegistered e) => this with { Reached = FoundingStep.IdeaRegistered, Status = NetworkStatus.Proposed };

    public Network Apply(FoundingInterestRegistered e) => this;

    public Network Apply(ConsultationHeld e) => this with { Reached = FoundingStep.ConsultationHeld, Status = NetworkStatus.Founding };

    public Network Apply(InfoEveningHeld e) => this with { Reached = FoundingStep.InfoEveningHeld };

    public Network Apply(CharterDrawnUp e) => this with
    {
        CharterVersion = e.Version,
        // Before recognition a new version replaces the draft and must be signed again.
        Reached = IsRecognised ? Reached : FoundingStep.CharterDrawnUp,
        CharterVersionsToReport = e.ToReportToFod ? [.. CharterVersionsToReport, e.Version] : CharterVersionsToReport,
    };

    public Network Apply(CharterSigned e) => this with { Reached = FoundingStep.CharterSigned };

    public Network Apply(NetworkRecognised e) => this with { Reached = FoundingStep.Recognised, Status = NetworkStatus.Recognised };

    public Network Apply(NetworkActivated e) => this with { Reached = FoundingStep.Activated, Status = NetworkStatus.Active };

    public Network Apply(CharterChangeReported e) => this with
    {
        CharterVersionsToReport = CharterVersionsToReport.Where(v => v != e.CharterVersion).ToList(),
    };

    public Network Apply(NetworkSuspended e) => this with { Status = NetworkStatus.Suspended };

    public Network Apply(NetworkReactivated e) => this with { Status = NetworkStatus.Active };

    public Network Apply(NetworkDissolved e) => this with { Status = NetworkStatus.Dissolved };

    public Network Apply(CoordinatorAssigned e) => this with { Coordinators = [.. Coordinators, e.AccountId] };

    public Network Apply(CoordinatorRemoved e) => this with { Coordinators = Coordinators.Where(c => c != e.AccountId).ToList() };

    /// <summary>Folds a network's events, oldest first, into its state; null for an empty (unknown) stream.</summary>
    public static Network? Fold(IEnumerable<object> events)
    {
        Network? state = null;
        foreach (var e in events)
        {
            state = (state, e) switch
            {
                (null, NetworkRegistered r) => Create(r),
                (null, _) => null,
                (_, NetworkBoundaryChanged x) => state.Apply(x),
                (_, FoundingIdeaRegistered x) => state.Apply(x),
                (_, FoundingInterestRegistered x) => state.Apply(x),
                (_, ConsultationHeld x) => state.Apply(x),
                (_, InfoEveningHeld x) => state.Apply(x),
                (_, CharterDrawnUp x) => state.Apply(x),
                (_, CharterSigned x) => state.Apply(x),
                (_, NetworkRecognised x) => state.Apply(x),
                (_, NetworkActivated x) => state.Apply(x),
                (_, CharterChangeReported x) => state.Apply(x),
                (_, NetworkSuspended x) => state.Apply(x),
                (_, NetworkReactivated x) => state.Apply(x),
                (_, NetworkDissolved x) => state.Apply(x),
                (_, CoordinatorAssigned x) => state.Apply(x),
                (_, CoordinatorRemoved x) => state.Apply(x),
                _ => state,
            };
        }
        return state;
    }
}
