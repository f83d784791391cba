namespace Bin.Domain.Networks;

/// <summary>
/// The steps of founding a BIN, in the order the ministerial circular of 28 February 2019 prescribes. Each step can
/// be recorded only after the one before it.
/// </summary>
public enum FoundingStep
{
    /// <summary>Residents, an association, the municipality or the police had the idea.</summary>
    IdeaRegistered = 1,

    /// <summary>Local government and police were consulted.</summary>
    ConsultationHeld,

    /// <summary>Support was checked and the neighbourhood briefed at an info evening.</summary>
    InfoEveningHeld,

    /// <summary>The local charter was drawn up.</summary>
    CharterDrawnUp,

    /// <summary>Mayor, chief of police, mandated police officer and BIN coordinator signed the charter.</summary>
    CharterSigned,

    /// <summary>FOD Binnenlandse Zaken recognised the network.</summary>
    Recognised,

    /// <summary>The network started.</summary>
    Activated,
}

/// <summary>Who had the idea of a new BIN.</summary>
public enum IdeaSource
{
    Residents,
    Association,
    Municipality,
    Police,
}

/// <summary>The four who sign a local charter.</summary>
public enum CharterSignatory
{
    Mayor,
    ChiefOfPolice,
    MandatedOfficer,
    Coordinator,
}

/// <summary>
/// A local charter: the agreements, what each partner does, who to contact, how it is financed and how the
/// network communicates. <see cref="ContactDetails"/> names people; it is kept outside the network's events.
/// </summary>
public sealed record Charter(
    string Agreements,
    string PartnerTasks,
    string ContactDetails,
    string FinancingPlan,
    string CommunicationPlan);

/// <summary>How the steps and roles read in messages, in the reader's language (see <see cref="DomainMessages"/>).</summary>
public static class FoundingText
{
    public static IReadOnlyList<FoundingStep> Steps { get; } = Enum.GetValues<FoundingStep>();

    public static IReadOnlyList<CharterSignatory> Signatories { get; } = Enum.GetValues<CharterSignatory>();

    public static DomainMessage Describe(FoundingStep step) => step switch
    {
        FoundingStep.IdeaRegistered => DomainMessages.StepIdea,
        FoundingStep.ConsultationHeld => DomainMessages.StepConsultation,
        FoundingStep.InfoEveningHeld => DomainMessages.StepInfoEvening,
        FoundingStep.CharterDrawnUp => DomainMessages.StepCharter,
        FoundingStep.CharterSigned => DomainMessages.StepSigning,
        FoundingStep.Recognised => DomainMessages.StepRecognition,
        _ => DomainMessages.StepStart,
    };

    public static DomainMessage Describe(CharterSignatory signatory) => signatory switch
    {
        CharterSignatory.Mayor => DomainMessages.SignatoryMayor,
        CharterSignatory.ChiefOfPolice => DomainMessages.SignatoryChief,
        CharterSignatory.MandatedOfficer => DomainMessages.SignatoryOfficer,
        _ => DomainMessages.SignatoryCoordinator,
    };
}
