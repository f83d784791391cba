using Bin.Domain.Sms;

namespace Bin.Domain.Alerts;

/// <summary>The tip an answer refers to: the member's most recent tip or reminder within the acknowledgement window.</summary>
public sealed record AnsweredTip(Guid MessageId, Guid AlertId, Guid IncidentId, Guid NetworkId, bool AlreadyAcknowledged);

/// <summary>A received SMS with what is known about its sender: no member when the number is not registered.</summary>
public sealed record ReceivedAnswer(string MessageSid, DateTimeOffset ReceivedAt, string Body, Guid? MemberId, bool MemberActive, AnsweredTip? Tip);

/// <summary>What one received SMS comes to.</summary>
public sealed record AnswerOutcome(string MessageSid, Guid? MemberId, InboundIntent Intent, object? Event, bool OptOut)
{
    /// <summary>Nothing to record beyond having received it (an unknown number, a repeated OK, a STOP from a member already out).</summary>
    public bool Ignored => Event is null && !OptOut;
}

/// <summary>
/// Decides what answers from members mean, a batch at a time, in the order they were received: OK/JA/OUI/1
/// acknowledges the member's latest tip once; STOP opts an active member out once; anything else — and an OK
/// with no tip to acknowledge — is a reply an officer reads. The batch carries its own memory, so two answers of
/// one member in a batch never acknowledge twice or opt out twice.
/// </summary>
public static class InboundDecisions
{
    public static IReadOnlyList<AnswerOutcome> Decide(IReadOnlyList<ReceivedAnswer> answers)
    {
        var acknowledged = new HashSet<(Guid Member, Guid Alert)>();
        var optedOut = new HashSet<Guid>();
        var outcomes = new List<AnswerOutcome>(answers.Count);
        foreach (var answer in answers.OrderBy(a => a.ReceivedAt).ThenBy(a => a.MessageSid, StringComparer.Ordinal))
        {
            var intent = InboundText.Classify(answer.Body);
            if (answer.MemberId is not { } member)
            {
                outcomes.Add(new AnswerOutcome(answer.MessageSid, null, intent.Intent, null, false));
                continue;
            }
            var tip = answer.Tip;
            outcomes.Add(intent.Intent switch
            {
                InboundIntent.Acknowledge when tip is not null =>
                    tip.AlreadyAcknowledged || !acknowledged.Add((member, tip.AlertId))
                        ? new AnswerOutcome(answer.MessageSid, member, intent.Intent, null, false)
                        : new AnswerOutcome(answer.MessageSid, member, intent.Intent,
                            new TipAcknowledged(member, tip.AlertId, tip.IncidentId, tip.NetworkId, tip.MessageId, answer.ReceivedAt), false),
                InboundIntent.OptOut =>
                    new AnswerOutcome(answer.MessageSid, member, intent.Intent, null, answer.MemberActive && optedOut.Add(member)),
                _ => new AnswerOutcome(answer.MessageSid, member, intent.Intent,
                    new ReplyReceived(member, tip?.AlertId, tip?.IncidentId, tip?.NetworkId, intent.Text, answer.ReceivedAt), false),
            });
        }
        return outcomes;
    }
}
