namespace Bin.Dashboard.Features.Members;

/// <summary>A member to alert: one per member even when they belong to several alerted networks.</summary>
public sealed record Recipient(Guid MemberId, Guid NetworkId, string Language, string Phone);

/// <summary>Who sent an inbound SMS.</summary>
public sealed record MemberMatch(Guid MemberId, string Language, bool Active);

/// <summary>
/// The member registry as other features use it. Phone numbers live only in the erasable contact records
/// behind this interface, never in events.
/// </summary>
public interface IMemberDirectory
{
    /// <summary>Active (not opted-out) members of the networks; a member of several gets one entry, for the first
    /// of <paramref name="networkIds"/> they belong to.</summary>
    Task<IReadOnlyList<Recipient>> ActiveRecipientsAsync(IReadOnlyList<Guid> networkIds, CancellationToken ct);

    /// <summary>The member with this E.164 number, or null.</summary>
    Task<MemberMatch?> FindByPhoneAsync(string e164, CancellationToken ct);

    /// <summary>The members with these E.164 numbers, by number; numbers of no member are left out.</summary>
    Task<IReadOnlyDictionary<string, MemberMatch>> FindByPhonesAsync(IReadOnlyCollection<string> e164s, CancellationToken ct);

    /// <summary>Active members per network.</summary>
    Task<IReadOnlyDictionary<Guid, int>> ActiveCountsAsync(CancellationToken ct);

    /// <summary>Records that the member left by SMS (STOP). Idempotent: an opted-out member stays opted out. True when
    /// this call opted the member out, false when they were out already.</summary>
    Task<bool> OptOutAsync(Guid memberId, string via, CancellationToken ct);
}
