using Bin.Domain.Joining;
using Marten.Events.Aggregation;

namespace Bin.Dashboard.Features.Joining;

/// <summary>A join request's decision trail (no personal data): network, status, when, who decided.</summary>
public sealed class JoinRequestView
{
    public Guid Id { get; set; }
    public Guid NetworkId { get; set; }
    public JoinRequestStatus Status { get; set; }
    public string Language { get; set; } = "nl";
    public DateTimeOffset ConfirmedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? MemberId { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }
}

public sealed partial class JoinRequestViewProjection : SingleStreamProjection<JoinRequestView, Guid>
{
    public static JoinRequestView Create(JoinRequestConfirmed e) => new()
    {
        Id = e.RequestId,
        NetworkId = e.NetworkId,
        Status = JoinRequestStatus.Pending,
        Language = e.Language,
        ConfirmedAt = e.ConfirmedAt,
    };

    public static void Apply(JoinRequestApproved e, JoinRequestView view)
    {
        view.Status = JoinRequestStatus.Approved;
        view.DecidedAt = e.ApprovedAt;
        view.MemberId = e.MemberId;
    }

    public static void Apply(JoinRequestDeclined e, JoinRequestView view)
    {
        view.Status = JoinRequestStatus.Declined;
        view.DecidedAt = e.DeclinedAt;
    }
}
