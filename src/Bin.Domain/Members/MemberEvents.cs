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

/// <summary>An erasure request was honoured: the member's contact data (name, number) was deleted. The stream
/// stays, without personal data, so counts and past alerts keep adding up.</summary>
public sealed record MemberErased(
    Guid MemberId,
    DateTimeOffset ErasedAt);
