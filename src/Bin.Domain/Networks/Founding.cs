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

/// <summary>How the steps and roles read in messages (English, like every domain message).</summary>
public static class FoundingText
{
    public static IReadOnlyList<FoundingStep> Steps { get; } = Enum.GetValues<FoundingStep>();

    public static IReadOnlyList<CharterSignatory> Signatories { get; } = Enum.GetValues<CharterSignatory>();

    public static string Describe(FoundingStep step) => step switch
    {
        FoundingStep.IdeaRegistered => "the founding idea",
        FoundingStep.ConsultationHeld => "the consultation with local government and police",
        FoundingStep.InfoEveningHeld => "the info evening",
        FoundingStep.CharterDrawnUp => "the local charter",
        FoundingStep.CharterSigned => "the signing of the charter",
        FoundingStep.Recognised => "the recognition by FOD Binnenlandse Zaken",
        FoundingStep.Activated => "the start of the network",
        _ => step.ToString(),
    };

    public static string Describe(CharterSignatory signatory) => signatory switch
    {
        CharterSignatory.Mayor => "the mayor",
        CharterSignatory.ChiefOfPolice => "the chief of police",
        CharterSignatory.MandatedOfficer => "the mandated police officer",
        CharterSignatory.Coordinator => "the BIN coordinator",
        _ => signatory.ToString(),
    };
}
