namespace Bin.Domain.Networks;

// The founding workflow and the later life of a network, all on the network's own stream. Dates the people
// involved give (a meeting, a signature, a recognition) are DateOnly; the moment the dashboard recorded the
// step is the …At business time.

/// <summary>Step 1: someone had the idea of a BIN here.</summary>
public sealed record FoundingIdeaRegistered(Guid NetworkId, IdeaSource Source, string Summary, DateTimeOffset RegisteredAt) : INetworkEvent;

/// <summary>Another resident asked for a BIN where an idea is already open.</summary>
public sealed record FoundingInterestRegistered(Guid NetworkId, DateTimeOffset RegisteredAt) : INetworkEvent;

/// <summary>Step 2: local government and police were consulted.</summary>
public sealed record ConsultationHeld(Guid NetworkId, DateOnly HeldOn, string Summary, DateTimeOffset RecordedAt) : INetworkEvent;

/// <summary>Step 3: support was checked and the neighbourhood briefed at an info evening.</summary>
public sealed record InfoEveningHeld(Guid NetworkId, DateOnly HeldOn, int Attendance, string Notes, DateTimeOffset RecordedAt) : INetworkEvent;

/// <summary>
/// Step 4, and every later change: a version of the local charter. The contact details are not here (they name
/// people); they are kept with the version number in an erasable record beside the stream.
/// <paramref name="ToReportToFod"/>: the network was already recognised, so FOD Binnenlandse Zaken must be told.
/// </summary>
public sealed record CharterDrawnUp(
    Guid NetworkId,
    int Version,
    string Agreements,
    string PartnerTasks,
    string FinancingPlan,
    string CommunicationPlan,
    bool ToReportToFod,
    DateTimeOffset DrawnUpAt) : INetworkEvent;

/// <summary>Step 5: the mayor, the chief of police, the mandated police officer and the BIN coordinator signed this version.</summary>
public sealed record CharterSigned(Guid NetworkId, int CharterVersion, DateOnly SignedOn, DateTimeOffset RecordedAt) : INetworkEvent;

/// <summary>Step 6: FOD Binnenlandse Zaken recognised the network under this reference.</summary>
public sealed record NetworkRecognised(Guid NetworkId, string FodReference, DateOnly RecognisedOn, DateTimeOffset RecordedAt) : INetworkEvent;

/// <summary>Step 7: the network started; it is active.</summary>
public sealed record NetworkActivated(Guid NetworkId, DateOnly StartedOn, DateTimeOffset RecordedAt) : INetworkEvent;

/// <summary>A charter change made after recognition was reported to FOD Binnenlandse Zaken.</summary>
public sealed record CharterChangeReported(Guid NetworkId, int CharterVersion, DateOnly ReportedOn, DateTimeOffset RecordedAt) : INetworkEvent;

public sealed record NetworkSuspended(Guid NetworkId, string Reason, DateTimeOffset SuspendedAt) : INetworkEvent;

public sealed record NetworkReactivated(Guid NetworkId, DateTimeOffset ReactivatedAt) : INetworkEvent;

public sealed record NetworkDissolved(Guid NetworkId, string Reason, DateTimeOffset DissolvedAt) : INetworkEvent;

/// <summary>A dashboard account (its user name, not the person's details) coordinates the network.</summary>
public sealed record CoordinatorAssigned(Guid NetworkId, string AccountId, DateTimeOffset AssignedAt) : INetworkEvent;

public sealed record CoordinatorRemoved(Guid NetworkId, string AccountId, DateTimeOffset RemovedAt) : INetworkEvent;
