using System.Text.RegularExpressions;

namespace Bin.Domain.Networks;

public sealed record RegisterFoundingIdea(Guid NetworkId, IdeaSource Source, string? Summary);

public sealed record RegisterFoundingInterest(Guid NetworkId);

public sealed record RecordConsultation(Guid NetworkId, DateOnly HeldOn, string? Summary);

public sealed record RecordInfoEvening(Guid NetworkId, DateOnly HeldOn, int Attendance, string? Notes);

public sealed record DrawUpCharter(Guid NetworkId, Charter Charter);

public sealed record SignCharter(Guid NetworkId, int CharterVersion, IReadOnlyCollection<CharterSignatory> SignedBy, DateOnly SignedOn);

public sealed record RecogniseNetwork(Guid NetworkId, string? FodReference, DateOnly RecognisedOn);

public sealed record ActivateNetwork(Guid NetworkId, DateOnly StartedOn);

public sealed record ReportCharterChange(Guid NetworkId, int CharterVersion, DateOnly ReportedOn);

public sealed record SuspendNetwork(Guid NetworkId, string? Reason);

public sealed record ReactivateNetwork(Guid NetworkId);

public sealed record DissolveNetwork(Guid NetworkId, string? Reason);

public sealed record AssignCoordinator(Guid NetworkId, string? AccountId);

public sealed record RemoveCoordinator(Guid NetworkId, string? AccountId);

/// <summary>
/// Pure decisions of the founding workflow and a network's later life: state + command → event, or a
/// <see cref="DomainException"/> whose message says what is missing. Steps go strictly in the order of
/// <see cref="FoundingStep"/>; a step out of order names the first step that has not been recorded.
/// </summary>
public static partial class FoundingDecisions
{
    public const int MaxSummaryLength = 2_000;
    public const int MaxCharterPartLength = 10_000;
    public const int MaxReferenceLength = 60;
    public const int MaxAttendance = 100_000;

    public static FoundingIdeaRegistered RegisterIdea(Network? network, RegisterFoundingIdea command, DateTimeOffset now)
    {
        var n = EnsureNext(network, command.NetworkId, FoundingStep.IdeaRegistered);
        return new FoundingIdeaRegistered(n.Id, command.Source, Text(command.Summary, "summary", MaxSummaryLength, required: false), now);
    }

    /// <summary>Another resident wants a BIN where an idea is open: counted on the idea, until the network is recognised.</summary>
    public static FoundingInterestRegistered RegisterInterest(Network? network, RegisterFoundingInterest command, DateTimeOffset now)
    {
        var n = EnsureExists(network, command.NetworkId);
        EnsureNotDissolved(n);
        if (n.Reached is null || n.IsRecognised)
            throw new DomainException(DomainMessages.FoundingNoOpenIdea.With(n.Name), "networkId");
        return new FoundingInterestRegistered(n.Id, now);
    }

    public static ConsultationHeld RecordConsultation(Network? network, RecordConsultation command, DateTimeOffset now)
    {
        var n = EnsureNext(network, command.NetworkId, FoundingStep.ConsultationHeld);
        EnsureNotInFuture(command.HeldOn, now, "heldOn");
        return new ConsultationHeld(n.Id, command.HeldOn, Text(command.Summary, "summary", MaxSummaryLength, required: false), now);
    }

    public static InfoEveningHeld RecordInfoEvening(Network? network, RecordInfoEvening command, DateTimeOffset now)
    {
        var n = EnsureNext(network, command.NetworkId, FoundingStep.InfoEveningHeld);
        EnsureNotInFuture(command.HeldOn, now, "heldOn");
        if (command.Attendance is < 0 or > MaxAttendance)
            throw new DomainException(DomainMessages.FoundingAttendance.With(MaxAttendance), "attendance");
        return new InfoEveningHeld(n.Id, command.HeldOn, command.Attendance, Text(command.Notes, "notes", MaxSummaryLength, required: false), now);
    }

    /// <summary>
    /// The first charter, a new draft before recognition (it must then be signed again), or a change after
    /// recognition, which is flagged to be reported to FOD Binnenlandse Zaken.
    /// </summary>
    public static CharterDrawnUp DrawUpCharter(Network? network, DrawUpCharter command, DateTimeOffset now)
    {
        var n = EnsureExists(network, command.NetworkId);
        EnsureNotDissolved(n);
        // A draft may be replaced until recognition; before the info evening there is nothing to draw up yet.
        if (!n.IsRecognised)
            EnsureAfter(n, FoundingStep.CharterDrawnUp);
        var c = command.Charter ?? throw new DomainException(DomainMessages.CharterRequired, "charter");
        var agreements = Text(c.Agreements, "agreements", MaxCharterPartLength, required: true);
        var partnerTasks = Text(c.PartnerTasks, "partnerTasks", MaxCharterPartLength, required: true);
        Text(c.ContactDetails, "contactDetails", MaxCharterPartLength, required: true);
        var financing = Text(c.FinancingPlan, "financingPlan", MaxCharterPartLength, required: true);
        var communication = Text(c.CommunicationPlan, "communicationPlan", MaxCharterPartLength, required: true);
        return new CharterDrawnUp(n.Id, n.CharterVersion + 1, agreements, partnerTasks, financing, communication,
            ToReportToFod: n.IsRecognised, now);
    }

    public static CharterSigned SignCharter(Network? network, SignCharter command, DateTimeOffset now)
    {
        var n = EnsureNext(network, command.NetworkId, FoundingStep.CharterSigned);
        if (command.CharterVersion != n.CharterVersion)
            throw new DomainException(
                DomainMessages.CharterVersionNotCurrent.With(command.CharterVersion, n.Name, n.CharterVersion), "charterVersion");
        var missing = FoundingText.Signatories.Where(s => !(command.SignedBy ?? []).Contains(s)).ToList();
        if (missing.Count > 0)
            throw new DomainException(
                DomainMessages.CharterSignaturesMissing.With(new DomainList(missing.Select(FoundingText.Describe))), "signedBy");
        EnsureNotInFuture(command.SignedOn, now, "signedOn");
        return new CharterSigned(n.Id, n.CharterVersion, command.SignedOn, now);
    }

    public static NetworkRecognised Recognise(Network? network, RecogniseNetwork command, DateTimeOffset now)
    {
        var n = EnsureNext(network, command.NetworkId, FoundingStep.Recognised);
        var reference = Text(command.FodReference, "fodReference", MaxReferenceLength, required: true);
        if (reference.Contains('\n'))
            throw new DomainException(DomainMessages.FodReferenceOneLine, "fodReference");
        EnsureNotInFuture(command.RecognisedOn, now, "recognisedOn");
        return new NetworkRecognised(n.Id, reference, command.RecognisedOn, now);
    }

    public static NetworkActivated Activate(Network? network, ActivateNetwork command, DateTimeOffset now)
    {
        var n = EnsureNext(network, command.NetworkId, FoundingStep.Activated);
        return new NetworkActivated(n.Id, command.StartedOn, now);
    }

    public static CharterChangeReported ReportCharterChange(Network? network, ReportCharterChange command, DateTimeOffset now)
    {
        var n = EnsureExists(network, command.NetworkId);
        if (!n.CharterVersionsToReport.Contains(command.CharterVersion))
            throw new DomainException(
                n.CharterVersionsToReport.Count == 0
                    ? DomainMessages.CharterNothingToReport.With(n.Name)
                    : DomainMessages.CharterVersionNotWaiting.With(command.CharterVersion, n.Name, string.Join(", ", n.CharterVersionsToReport)),
                "charterVersion");
        EnsureNotInFuture(command.ReportedOn, now, "reportedOn");
        return new CharterChangeReported(n.Id, command.CharterVersion, command.ReportedOn, now);
    }

    public static NetworkSuspended Suspend(Network? network, SuspendNetwork command, DateTimeOffset now)
    {
        var n = EnsureExists(network, command.NetworkId);
        EnsureNotDissolved(n);
        if (n.Status != NetworkStatus.Active)
            throw new DomainException(DomainMessages.SuspendOnlyActive.With(n.Name, Describe(n.Status)), "status");
        return new NetworkSuspended(n.Id, Text(command.Reason, "reason", MaxSummaryLength, required: true), now);
    }

    public static NetworkReactivated Reactivate(Network? network, ReactivateNetwork command, DateTimeOffset now)
    {
        var n = EnsureExists(network, command.NetworkId);
        EnsureNotDissolved(n);
        if (n.Status != NetworkStatus.Suspended)
            throw new DomainException(DomainMessages.ReactivateOnlySuspended.With(n.Name, Describe(n.Status)), "status");
        return new NetworkReactivated(n.Id, now);
    }

    /// <summary>Ends a network at any stage (an idea that goes nowhere is dissolved too). Final.</summary>
    public static NetworkDissolved Dissolve(Network? network, DissolveNetwork command, DateTimeOffset now)
    {
        var n = EnsureExists(network, command.NetworkId);
        EnsureNotDissolved(n);
        return new NetworkDissolved(n.Id, Text(command.Reason, "reason", MaxSummaryLength, required: true), now);
    }

    public static CoordinatorAssigned AssignCoordinator(Network? network, AssignCoordinator command, DateTimeOffset now)
    {
        var n = EnsureExists(network, command.NetworkId);
        EnsureNotDissolved(n);
        var account = AccountId(command.AccountId);
        if (n.Coordinators.Contains(account))
            throw new DomainException(DomainMessages.AlreadyCoordinates.With(account, n.Name), "accountId");
        return new CoordinatorAssigned(n.Id, account, now);
    }

    public static CoordinatorRemoved RemoveCoordinator(Network? network, RemoveCoordinator command, DateTimeOffset now)
    {
        var n = EnsureExists(network, command.NetworkId);
        var account = AccountId(command.AccountId);
        if (!n.Coordinators.Contains(account))
            throw new DomainException(DomainMessages.DoesNotCoordinate.With(account, n.Name), "accountId");
        return new CoordinatorRemoved(n.Id, account, now);
    }

    /// <summary>A dashboard account id: the lower-case user name.</summary>
    public static string AccountId(string? typed)
    {
        var account = typed?.Trim().ToLowerInvariant() ?? "";
        if (!AccountPattern().IsMatch(account))
            throw new DomainException(DomainMessages.CoordinatorAccount, "accountId");
        return account;
    }

    /// <summary>How a status reads in a sentence ("{name} is {status}"), in the reader's language.</summary>
    public static DomainMessage Describe(NetworkStatus status) => status switch
    {
        NetworkStatus.Proposed => DomainMessages.StatusProposed,
        NetworkStatus.Founding => DomainMessages.StatusFounding,
        NetworkStatus.Recognised => DomainMessages.StatusRecognised,
        NetworkStatus.Suspended => DomainMessages.StatusSuspended,
        NetworkStatus.Dissolved => DomainMessages.StatusDissolved,
        _ => DomainMessages.StatusActive,
    };

    /// <summary>The step that comes after the last one recorded (null when the founding is complete).</summary>
    public static FoundingStep? NextStep(Network network) =>
        network.Reached is null ? FoundingStep.IdeaRegistered
        : network.Reached == FoundingStep.Activated ? null
        : network.Reached + 1;

    /// <summary>Guards a founding step: the network exists, is not dissolved, the step is not done yet and the one before it is.</summary>
    private static Network EnsureNext(Network? network, Guid networkId, FoundingStep step)
    {
        var n = EnsureExists(network, networkId);
        EnsureNotDissolved(n);
        if (!n.FoundingRecorded)
            throw new DomainException(
                DomainMessages.FoundingNotRecorded.With(n.Name, Describe(n.Status)), "step");
        if (n.Reached >= step)
            throw new DomainException(DomainMessages.StepAlreadyRecorded.With(FoundingText.Describe(step), n.Name), "step");
        EnsureAfter(n, step);
        return n;
    }

    /// <summary>Refuses <paramref name="step"/> while the step before it is missing, naming that step.</summary>
    private static void EnsureAfter(Network n, FoundingStep step)
    {
        var missing = n.Reached is null ? FoundingStep.IdeaRegistered : n.Reached.Value + 1;
        if (missing < step)
            throw new DomainException(
                DomainMessages.StepMissing.With(FoundingText.Describe(step), n.Name, FoundingText.Describe(missing)), "step");
    }

    private static Network EnsureExists(Network? network, Guid networkId) =>
        network ?? throw new DomainException(DomainMessages.NetworkNotFound.With(networkId), "networkId");

    private static void EnsureNotDissolved(Network n)
    {
        if (n.Status == NetworkStatus.Dissolved)
            throw new DomainException(DomainMessages.NetworkDissolvedNothing.With(n.Name), "status");
    }

    /// <summary>Steps record what happened: a date more than a day ahead (time zones aside) is a typing error.</summary>
    private static void EnsureNotInFuture(DateOnly date, DateTimeOffset now, string field)
    {
        if (date > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
            throw new DomainException(DomainMessages.DateInFuture.With(field, date), field);
    }

    private static string Text(string? value, string field, int max, bool required)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0)
            throw new DomainException(DomainMessages.FieldRequired.With(field), field);
        if (text.Length > max)
            throw new DomainException(DomainMessages.FieldTooLong.With(field, max), field);
        return text;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex AccountPattern();
}
