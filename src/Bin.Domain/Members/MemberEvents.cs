namespace Bin.Domain.Members;

/// <summary>Whether a member gets alerts: active, opted out (STOP or on request), or erased on request.</summary>
public enum MemberStatus
{
    Active,
    OptedOut,
    Erased,
}

// A member's stream holds no name and no phone number: those live only in the erasable contact record, so an
// erasure request can be honoured without rewriting history. Events refer to the member by id.

/// <summary>A person joined one or more networks, having consented (when, and how: "paper form at info evening",
/// "csv import", "join page") to receive alerts. <paramref name="Language"/> is an ISO 639-1 code (nl, fr, de, en).</summary>
public sealed record MemberRegistered(
    Guid MemberId,
    IReadOnlyList<Guid> NetworkIds,
    string Language,
    DateTimeOffset ConsentAt,
    string ConsentMethod,
    DateTimeOffset RegisteredAt);

/// <summary>The member no longer wants alerts; <paramref name="Via"/> says how they said so ("sms", "dashboard").</summary>
public sealed record MemberOptedOut(
    Guid MemberId,
    string Via,
    DateTimeOffset OptedOutAt);

/// <summary>A member who had opted out gave consent again and gets alerts again.</summary>
public sealed record MemberRejoined(
    Guid MemberId,
    DateTimeOffset ConsentAt,
    string ConsentMethod,
    DateTimeOffset RejoinedAt);

/// <summary>The member now belongs to exactly <paramref name="NetworkIds"/>.</summary>
public sealed record MemberNetworksChanged(
    Guid MemberId,
    IReadOnlyList<Guid> NetworkIds,
    DateTimeOffset ChangedAt);

/// <summary>The member now gets tips in <paramref name="Language"/> (ISO 639-1 code).</summary>
public sealed record MemberLanguageChanged(
    Guid MemberId,
    string Language,
    DateTimeOffset ChangedAt);

/// <summary>An erasure request was honoured: the member's contact data (name, number) was deleted and the texts of
/// their replies masked. The stream stays, without personal data, so counts and past alerts keep adding up. Who
/// erased is the event's user; <paramref name="Reason"/> is one of <see cref="ErasureReasons.All"/> (never free text).</summary>
public sealed record MemberErased(
    Guid MemberId,
    DateTimeOffset ErasedAt,
    string Reason = ErasureReasons.Request);

/// <summary>Why personal data was erased: a closed list, so the erasure record cannot carry personal data itself.</summary>
public static class ErasureReasons
{
    /// <summary>The member asked (GDPR art. 17).</summary>
    public const string Request = "request";

    /// <summary>The member objected to the processing (art. 21).</summary>
    public const string Objection = "objection";

    /// <summary>The data is no longer needed for the BIN's purpose (the member moved, died, the network dissolved).</summary>
    public const string NoLongerNeeded = "no-longer-needed";

    /// <summary>The data protection officer or a court ordered it.</summary>
    public const string Order = "order";

    public static readonly IReadOnlyList<string> All = [Request, Objection, NoLongerNeeded, Order];

    public static string Parse(string? value)
    {
        var reason = string.IsNullOrWhiteSpace(value) ? Request : value.Trim().ToLowerInvariant();
        return All.Contains(reason) ? reason
            : throw new DomainException(DomainMessages.ErasureReasonUnknown.With(string.Join(", ", All)), "reason");
    }
}
