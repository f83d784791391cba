using Bin.Domain.Feedback;
using static Bin.Domain.Tests.Feedback.FeedbackHistory;

namespace Bin.Domain.Tests.Feedback;

public class ChangeFeedbackTests
{
    private static FeedbackRescheduled Reschedule(FeedbackState? state, string? text = null, string? templateId = null,
        DateTimeOffset? sendAt = null, int? afterCloseMinutes = null, FeedbackAlert? alert = null) =>
        FeedbackDecisions.Reschedule(state, alert ?? OpenAlert(), new RescheduleFeedback(Id, templateId, text, sendAt, afterCloseMinutes), Now);

    private static FeedbackCancelled Cancel(FeedbackState? state) => FeedbackDecisions.Cancel(state, new CancelFeedback(Id), Now);

    [Fact]
    public void Moving_the_time_keeps_the_text()
    {
        var e = Reschedule(Given(ScheduledAt(Now.AddHours(1))), sendAt: Now.AddHours(3));

        Assert.Equal(Now.AddHours(3), e.SendAt);
        Assert.Null(e.AfterCloseMinutes);
        Assert.Equal("Verdachte gevat. Bedankt!", e.Texts["nl"]);
        Assert.Equal(Now, e.RescheduledAt);
    }

    [Fact]
    public void A_new_text_keeps_the_time()
    {
        var e = Reschedule(Given(ScheduledAt(Now.AddHours(1))), text: "Niets gevonden, blijf alert.");

        Assert.Equal(Now.AddHours(1), e.SendAt);
        Assert.All(e.Texts.Values, t => Assert.Equal("Niets gevonden, blijf alert.", t));
    }

    [Fact]
    public void A_delay_after_closing_replaces_a_fixed_time()
    {
        var e = Reschedule(Given(ScheduledAt(Now.AddHours(1))), afterCloseMinutes: 15);

        Assert.Null(e.SendAt);
        Assert.Equal(15, e.AfterCloseMinutes);
    }

    [Fact]
    public void The_changed_state_has_the_new_values()
    {
        var history = new object[] { ScheduledAfterClose(10) };
        var state = Given([.. history, Reschedule(Given(history), sendAt: Now.AddHours(2), templateId: "feedback-all-clear")])!;

        Assert.Equal(FeedbackStatus.Scheduled, state.Status);
        Assert.Equal(Now.AddHours(2), state.SendAt);
        Assert.Null(state.AfterCloseMinutes);
        Assert.Equal("feedback-all-clear", state.FeedbackTemplateId);
    }

    [Fact]
    public void Changing_nothing_is_refused()
    {
        Assert.Equal("text", ThenRefused(() => Reschedule(Given(ScheduledAt(Now.AddHours(1))))).Field);
    }

    [Fact]
    public void Moving_it_into_the_past_is_refused_naming_sendAt()
    {
        Assert.Equal("sendAt", ThenRefused(() => Reschedule(Given(ScheduledAt(Now.AddHours(1))), sendAt: Now.AddHours(-1))).Field);
    }

    [Fact]
    public void A_too_long_new_text_is_refused_naming_text()
    {
        Assert.Equal("text", ThenRefused(() => Reschedule(Given(ScheduledAt(Now.AddHours(1))), text: new string('x', 700))).Field);
    }

    [Fact]
    public void Changing_feedback_that_was_sent_is_refused_without_a_field()
    {
        var ex = ThenRefused(() => Reschedule(Given(ScheduledAt(Now.AddMinutes(-6)), Sent()), sendAt: Now.AddHours(1)));

        Assert.Null(ex.Field);
        Assert.Contains("already sent", ex.Message);
    }

    [Fact]
    public void Changing_cancelled_feedback_is_refused()
    {
        var ex = ThenRefused(() => Reschedule(Given(ScheduledAt(Now.AddHours(1)), Cancelled()), sendAt: Now.AddHours(2)));

        Assert.Contains("cancelled", ex.Message);
    }

    [Fact]
    public void Changing_or_cancelling_unknown_feedback_names_feedbackId()
    {
        Assert.Equal("feedbackId", ThenRefused(() => Reschedule(Given(), sendAt: Now.AddHours(1))).Field);
        Assert.Equal("feedbackId", ThenRefused(() => Cancel(Given())).Field);
    }

    [Fact]
    public void Cancelling_scheduled_feedback_records_when()
    {
        Assert.Equal(new FeedbackCancelled(Id, Now), Cancel(Given(ScheduledAt(Now.AddHours(1)))));
    }

    [Fact]
    public void Cancelling_twice_is_refused()
    {
        var ex = ThenRefused(() => Cancel(Given(ScheduledAt(Now.AddHours(1)), Cancelled())));

        Assert.Null(ex.Field);
        Assert.Contains("already cancelled", ex.Message);
    }

    [Fact]
    public void Cancelling_after_it_was_sent_is_refused()
    {
        Assert.Contains("already sent", ThenRefused(() => Cancel(Given(ScheduledAt(Now.AddMinutes(-6)), Sent()))).Message);
    }
}
