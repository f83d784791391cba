namespace Bin.Domain.Members;

/// <summary>The state of one member as its decisions need it, folded from the member's events.</summary>
public sealed record Member(
    Guid Id,
    IReadOnlyList<Guid> NetworkIds,
    Language Language,
    MemberStatus Status,
    DateTimeOffset ConsentAt,
    string ConsentMethod,
    DateTimeOffset RegisteredAt) : IFolded<Member>
{
    public static string Subject => "member";

    public static Member Create(MemberRegistered e) =>
        new(e.MemberId, e.NetworkIds, Languages.Parse(e.Language), MemberStatus.Active, e.ConsentAt, e.ConsentMethod, e.RegisteredAt);

    public Member Apply(MemberOptedOut e) => this with { Status = MemberStatus.OptedOut };

    public Member Apply(MemberRejoined e) => this with { Status = MemberStatus.Active, ConsentAt = e.ConsentAt, ConsentMethod = e.ConsentMethod };

    public Member Apply(MemberNetworksChanged e) => this with { NetworkIds = e.NetworkIds };

    public Member Apply(MemberLanguageChanged e) => this with { Language = Languages.Parse(e.Language) };

    public Member Apply(MemberErased e) => this with { Status = MemberStatus.Erased };

    /// <summary>Folds a member's stream, oldest first; null for an empty stream.</summary>
    public static Member? Fold(IEnumerable<object> events)
    {
        Member? state = null;
        foreach (var e in events)
        {
            state = (state, e) switch
            {
                (null, MemberRegistered r) => Create(r),
                (not null, MemberOptedOut o) => state.Apply(o),
                (not null, MemberRejoined r) => state.Apply(r),
                (not null, MemberNetworksChanged n) => state.Apply(n),
                (not null, MemberLanguageChanged l) => state.Apply(l),
                (not null, MemberErased x) => state.Apply(x),
                // The alerts feature writes a member's acknowledgements and replies to the member's stream (so hundreds
                // of them never contend for one stream); they change nothing the member decisions look at.
                (not null, Alerts.TipAcknowledged or Alerts.ReplyReceived) => state,
                _ => throw new InvalidOperationException($"{e.GetType().Name} cannot follow the member's history so far."),
            };
        }
        return state;
    }
}
