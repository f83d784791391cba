using Bin.Domain.Members;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Bin.Dashboard.Features.Members;

/// <summary>
/// One member as the registry shows it, without personal data: the name and number are in
/// <see cref="MemberContact"/>. Kept after erasure (status <see cref="MemberStatus.Erased"/>) so history adds up.
/// </summary>
public sealed class MemberView
{
    public Guid Id { get; set; }
    public List<Guid> NetworkIds { get; set; } = [];

    /// <summary>ISO 639-1 code: nl, fr, de, en.</summary>
    public string Language { get; set; } = "nl";

    public MemberStatus Status { get; set; }

    /// <summary>Status is <see cref="MemberStatus.Active"/>; a plain boolean so SQL over the view reads it without
    /// knowing how enums are serialised.</summary>
    public bool Active { get; set; }

    public DateTimeOffset ConsentAt { get; set; }
    public string ConsentMethod { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? OptedOutAt { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>The dashboard user who registered the member (or "seed").</summary>
    public string? RegisteredBy { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }
}

public sealed partial class MemberViewProjection : SingleStreamProjection<MemberView, Guid>
{
    public static MemberView Create(IEvent<MemberRegistered> @event)
    {
        var e = @event.Data;
        return new MemberView
        {
            Id = e.MemberId,
            NetworkIds = [.. e.NetworkIds],
            Language = e.Language,
            Status = MemberStatus.Active,
            Active = true,
            ConsentAt = e.ConsentAt,
            ConsentMethod = e.ConsentMethod,
            RegisteredAt = e.RegisteredAt,
            RegisteredBy = @event.UserName,
        };
    }

    public static void Apply(MemberOptedOut e, MemberView view)
    {
        view.Status = MemberStatus.OptedOut;
        view.Active = false;
        view.OptedOutAt = e.OptedOutAt;
    }

    public static void Apply(MemberRejoined e, MemberView view)
    {
        view.Status = MemberStatus.Active;
        view.Active = true;
        view.OptedOutAt = null;
        view.ConsentAt = e.ConsentAt;
        view.ConsentMethod = e.ConsentMethod;
    }

    public static void Apply(MemberNetworksChanged e, MemberView view) => view.NetworkIds = [.. e.NetworkIds];

    public static void Apply(MemberLanguageChanged e, MemberView view) => view.Language = e.Language;

    public static void Apply(MemberErased e, MemberView view)
    {
        view.Status = MemberStatus.Erased;
        view.Active = false;
        view.ErasedAt = e.ErasedAt;
    }
}
