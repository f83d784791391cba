namespace Bin.Domain.Members;

/// <param name="ConsentAt">When the person consented; null means now (consent given while registering).</param>
/// <param name="ConsentMethod">How consent was given: "paper form at info evening", "csv import", "join page".</param>
public sealed record RegisterMember(
    Guid MemberId,
    IReadOnlyList<Guid> NetworkIds,
    string? Language,
    DateTimeOffset? ConsentAt,
    string? ConsentMethod);

/// <param name="Via">How the member said so: "sms" (STOP), "dashboard", …</param>
public sealed record OptOutMember(Guid MemberId, string Via);

public sealed record RejoinMember(Guid MemberId, DateTimeOffset? ConsentAt, string? ConsentMethod);

public sealed record ChangeMemberNetworks(Guid MemberId, IReadOnlyList<Guid> NetworkIds);

public sealed record ChangeMemberLanguage(Guid MemberId, string? Language);

public sealed record EraseMember(Guid MemberId, string Reason = ErasureReasons.Request);

/// <summary>
/// Pure decisions for a member's stream: state + command → event, or a <see cref="DomainException"/>.
/// Decisions that can find nothing to do (opting out someone who already left, erasing twice, changing to what
/// already is) return <c>null</c>: there is nothing to record, and saying the same thing twice is not an error.
/// Input errors name the API field (<c>networkIds</c>, <c>language</c>, <c>consentAt</c>, <c>consentMethod</c>,
/// <c>via</c>); a missing or already existing member names <c>id</c>; a step the member's status does not allow
/// (rejoining while active, changing an erased member) names no field.
/// </summary>
public static class MemberDecisions
{
    public const int MaxConsentMethodLength = 200;
    public const int MaxViaLength = 40;

    /// <summary>How far a consent time may lie ahead of the server clock (clock skew of the registering device).</summary>
    public static readonly TimeSpan ConsentClockTolerance = TimeSpan.FromMinutes(5);

    public static MemberRegistered Register(Member? state, RegisterMember command, DateTimeOffset now)
    {
        if (state is not null)
            throw new DomainException(DomainMessages.MemberAlreadyRegistered, "id");
        var networks = EnsureNetworks(command.NetworkIds);
        var language = Languages.Parse(command.Language);
        var (consentAt, method) = EnsureConsent(command.ConsentAt, command.ConsentMethod, now);
        return new MemberRegistered(command.MemberId, networks, language.Code(), consentAt, method, now);
    }

    /// <returns>The opt-out, or null when the member already opted out or was erased (nothing left to stop).</returns>
    public static MemberOptedOut? OptOut(Member? state, OptOutMember command, DateTimeOffset now)
    {
        var member = EnsureExists(state);
        var via = command.Via?.Trim() ?? "";
        if (via.Length == 0)
            throw new DomainException(DomainMessages.OptOutViaRequired, "via");
        if (via.Length > MaxViaLength)
            throw new DomainException(DomainMessages.OptOutViaTooLong.With(MaxViaLength), "via");
        return member.Status == MemberStatus.Active ? new MemberOptedOut(command.MemberId, via, now) : null;
    }

    public static MemberRejoined Rejoin(Member? state, RejoinMember command, DateTimeOffset now)
    {
        var member = EnsureExists(state);
        switch (member.Status)
        {
            case MemberStatus.Active:
                throw new DomainException(DomainMessages.MemberAlreadyActive);
            case MemberStatus.Erased:
                throw new DomainException(DomainMessages.MemberErasedRegisterAgain);
        }
        var (consentAt, method) = EnsureConsent(command.ConsentAt, command.ConsentMethod, now);
        return new MemberRejoined(command.MemberId, consentAt, method, now);
    }

    /// <returns>The change, or null when the member already belongs to exactly these networks.</returns>
    public static MemberNetworksChanged? ChangeNetworks(Member? state, ChangeMemberNetworks command, DateTimeOffset now)
    {
        var member = EnsureNotErased(state);
        var networks = EnsureNetworks(command.NetworkIds);
        return networks.ToHashSet().SetEquals(member.NetworkIds) ? null : new MemberNetworksChanged(command.MemberId, networks, now);
    }

    /// <returns>The change, or null when the member already gets tips in that language.</returns>
    public static MemberLanguageChanged? ChangeLanguage(Member? state, ChangeMemberLanguage command, DateTimeOffset now)
    {
        var member = EnsureNotErased(state);
        var language = Languages.Parse(command.Language);
        return language == member.Language ? null : new MemberLanguageChanged(command.MemberId, language.Code(), now);
    }

    /// <returns>The erasure, or null when it was honoured before.</returns>
    public static MemberErased? Erase(Member? state, EraseMember command, DateTimeOffset now) =>
        EnsureExists(state).Status == MemberStatus.Erased ? null : new MemberErased(command.MemberId, now, ErasureReasons.Parse(command.Reason));

    private static Member EnsureExists(Member? state) =>
        state ?? throw new DomainException(DomainMessages.MemberNotFound, "id");

    private static Member EnsureNotErased(Member? state)
    {
        var member = EnsureExists(state);
        if (member.Status == MemberStatus.Erased)
            throw new DomainException(DomainMessages.MemberErased);
        return member;
    }

    private static IReadOnlyList<Guid> EnsureNetworks(IReadOnlyList<Guid>? networkIds)
    {
        var networks = (networkIds ?? []).Distinct().ToList();
        if (networks.Contains(Guid.Empty))
            throw new DomainException(DomainMessages.NetworkIdEmpty, "networkIds");
        if (networks.Count == 0)
            throw new DomainException(DomainMessages.MemberNeedsNetwork, "networkIds");
        return networks;
    }

    private static (DateTimeOffset At, string Method) EnsureConsent(DateTimeOffset? consentAt, string? consentMethod, DateTimeOffset now)
    {
        var method = consentMethod?.Trim() ?? "";
        if (method.Length == 0)
            throw new DomainException(DomainMessages.ConsentRequired, "consentMethod");
        if (method.Length > MaxConsentMethodLength)
            throw new DomainException(DomainMessages.ConsentMethodTooLong.With(MaxConsentMethodLength), "consentMethod");
        var at = consentAt ?? now;
        if (at > now + ConsentClockTolerance)
            throw new DomainException(DomainMessages.ConsentInFuture, "consentAt");
        return (at, method);
    }
}
