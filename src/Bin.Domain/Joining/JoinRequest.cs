namespace Bin.Domain.Joining;

// A resident's request to join a network, once they confirmed their number with the SMS code. The stream holds no
// name and no number (those stay in the erasable application record); it says which network, in which language,
// when consent was given, and what the coordinator decided.

public enum JoinRequestStatus
{
    /// <summary>Confirmed by the resident; waiting for the coordinator.</summary>
    Pending,
    Approved,
    Declined,
}

/// <summary>The resident confirmed their number: the request now waits for the network's coordinator.</summary>
public sealed record JoinRequestConfirmed(Guid RequestId, Guid NetworkId, string Language, DateTimeOffset ConsentAt, DateTimeOffset ConfirmedAt);

/// <summary>The coordinator approved: the resident is member <paramref name="MemberId"/> of the network.</summary>
public sealed record JoinRequestApproved(Guid RequestId, Guid NetworkId, Guid MemberId, DateTimeOffset ApprovedAt);

/// <summary>The coordinator declined, with a reason for the record (not sent to the resident).</summary>
public sealed record JoinRequestDeclined(Guid RequestId, Guid NetworkId, string Reason, DateTimeOffset DeclinedAt);

public sealed record JoinRequest(Guid Id, Guid NetworkId, JoinRequestStatus Status) : IFolded<JoinRequest>
{
    public static string Subject => "join request";

    public static JoinRequest Create(JoinRequestConfirmed e) => new(e.RequestId, e.NetworkId, JoinRequestStatus.Pending);

    public JoinRequest Apply(JoinRequestApproved e) => this with { Status = JoinRequestStatus.Approved };

    public JoinRequest Apply(JoinRequestDeclined e) => this with { Status = JoinRequestStatus.Declined };

    public static JoinRequest? Fold(IEnumerable<object> events)
    {
        JoinRequest? state = null;
        foreach (var e in events)
        {
            state = (state, e) switch
            {
                (null, JoinRequestConfirmed c) => Create(c),
                (not null, JoinRequestApproved a) => state.Apply(a),
                (not null, JoinRequestDeclined d) => state.Apply(d),
                _ => state,
            };
        }
        return state;
    }
}

public sealed record ApproveJoinRequest(Guid RequestId, Guid MemberId);

public sealed record DeclineJoinRequest(Guid RequestId, string? Reason);

/// <summary>The coordinator's decisions on a confirmed request: each request is decided once.</summary>
public static class JoinRequestDecisions
{
    public const int MaxReasonLength = 500;

    public static JoinRequestApproved Approve(JoinRequest? request, ApproveJoinRequest command, DateTimeOffset now)
    {
        var r = EnsurePending(request, command.RequestId);
        return new JoinRequestApproved(r.Id, r.NetworkId, command.MemberId, now);
    }

    public static JoinRequestDeclined Decline(JoinRequest? request, DeclineJoinRequest command, DateTimeOffset now)
    {
        var r = EnsurePending(request, command.RequestId);
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length > MaxReasonLength)
            throw new DomainException(DomainMessages.JoinReasonTooLong.With(MaxReasonLength), "reason");
        return new JoinRequestDeclined(r.Id, r.NetworkId, reason, now);
    }

    private static JoinRequest EnsurePending(JoinRequest? request, Guid id)
    {
        if (request is null)
            throw new DomainException(DomainMessages.JoinRequestNotFound.With(id), "requestId");
        if (request.Status != JoinRequestStatus.Pending)
            throw new DomainException(request.Status == JoinRequestStatus.Approved ? DomainMessages.JoinAlreadyApproved : DomainMessages.JoinAlreadyDeclined, "status");
        return request;
    }
}
