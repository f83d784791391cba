using Bin.Domain.Alerts;
using Bin.Domain.Sms;

namespace Bin.Domain.Tests.Alerts;

public class InboundDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 30, 0, TimeSpan.Zero);
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly AnsweredTip Tip = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), false);

    private static int _sid;

    private static ReceivedAnswer Answer(string body, Guid? member = null, AnsweredTip? tip = null, bool active = true, int secondsLater = 0) =>
        new($"SM{Interlocked.Increment(ref _sid):D32}", Now.AddSeconds(secondsLater), body, member ?? Member, active, tip);

    [Fact]
    public void An_OK_to_an_open_tip_acknowledges_it_at_the_time_it_was_received()
    {
        var outcome = Assert.Single(InboundDecisions.Decide([Answer(" ja ", tip: Tip, secondsLater: 7)]));

        var ack = Assert.IsType<TipAcknowledged>(outcome.Event);
        Assert.Equal((Member, Tip.AlertId, Tip.IncidentId, Tip.NetworkId, Tip.MessageId, Now.AddSeconds(7)),
            (ack.MemberId, ack.AlertId, ack.IncidentId, ack.NetworkId, ack.MessageId, ack.AcknowledgedAt));
        Assert.Equal(InboundIntent.Acknowledge, outcome.Intent);
    }

    [Fact]
    public void Two_OKs_of_one_member_in_a_batch_acknowledge_once()
    {
        var outcomes = InboundDecisions.Decide([Answer("OK", tip: Tip), Answer("1", tip: Tip, secondsLater: 2)]);

        Assert.Single(outcomes, o => o.Event is TipAcknowledged);
        Assert.True(outcomes[1].Ignored);
    }

    [Fact]
    public void OKs_of_two_members_to_the_same_alert_acknowledge_twice()
    {
        var other = Guid.NewGuid();

        var outcomes = InboundDecisions.Decide([Answer("OK", tip: Tip), Answer("OUI", member: other, tip: Tip)]);

        Assert.Equal([Member, other], outcomes.Select(o => ((TipAcknowledged)o.Event!).MemberId));
    }

    [Fact]
    public void An_OK_to_a_tip_already_acknowledged_records_nothing()
    {
        var outcome = Assert.Single(InboundDecisions.Decide([Answer("OK", tip: Tip with { AlreadyAcknowledged = true })]));

        Assert.True(outcome.Ignored);
    }

    [Fact]
    public void An_OK_without_a_tip_in_the_window_is_kept_as_a_reply_for_an_officer()
    {
        var outcome = Assert.Single(InboundDecisions.Decide([Answer("OK")]));

        var reply = Assert.IsType<ReplyReceived>(outcome.Event);
        Assert.Equal(("OK", (Guid?)null), (reply.Text, reply.AlertId));
    }

    [Fact]
    public void Free_text_is_a_reply_on_the_tip_it_answers()
    {
        var outcome = Assert.Single(InboundDecisions.Decide([Answer("  Grijze bestelwagen richting kanaal ", tip: Tip)]));

        var reply = Assert.IsType<ReplyReceived>(outcome.Event);
        Assert.Equal(("Grijze bestelwagen richting kanaal", Tip.AlertId, Tip.IncidentId, Tip.NetworkId),
            (reply.Text, reply.AlertId, reply.IncidentId, reply.NetworkId));
    }

    [Fact]
    public void STOP_opts_an_active_member_out_once_per_batch_and_records_no_event()
    {
        var outcomes = InboundDecisions.Decide([Answer("STOP", tip: Tip), Answer("stop", tip: Tip, secondsLater: 1)]);

        Assert.Equal([true, false], outcomes.Select(o => o.OptOut));
        Assert.All(outcomes, o => Assert.Null(o.Event));
    }

    [Fact]
    public void STOP_from_a_member_already_out_changes_nothing()
    {
        var outcome = Assert.Single(InboundDecisions.Decide([Answer("STOP", active: false)]));

        Assert.True(outcome.Ignored);
    }

    [Fact]
    public void A_number_that_is_not_a_member_is_received_but_not_acted_on()
    {
        var outcome = Assert.Single(InboundDecisions.Decide([new ReceivedAnswer("SMx", Now, "OK", null, false, null)]));

        Assert.True(outcome.Ignored);
        Assert.Null(outcome.MemberId);
    }

    [Fact]
    public void Answers_are_decided_in_the_order_they_were_received_whatever_order_they_were_read_in()
    {
        var later = Answer("OK", tip: Tip, secondsLater: 5);
        var earlier = Answer("ja", tip: Tip, secondsLater: 1);

        var outcomes = InboundDecisions.Decide([later, earlier]);

        Assert.Equal(earlier.MessageSid, outcomes.Single(o => o.Event is TipAcknowledged).MessageSid);
    }
}
