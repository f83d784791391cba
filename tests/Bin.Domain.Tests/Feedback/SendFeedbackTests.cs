using Bin.Domain.Feedback;
using static Bin.Domain.Tests.Feedback.FeedbackHistory;

namespace Bin.Domain.Tests.Feedback;

public class SendFeedbackTests
{
    [Fact]
    public void Due_feedback_is_sent_with_its_recipient_count()
    {
        var sent = FeedbackDecisions.Send(Given(ScheduledAt(Now)), incidentClosedAt: null, recipients: 42, Now);

        Assert.Equal(new FeedbackSent(Id, AlertId, 42, Now), sent);
        Assert.Equal(FeedbackStatus.Sent, Given(ScheduledAt(Now), sent!)!.Status);
    }

    [Fact]
    public void A_job_that_fires_again_after_sending_does_nothing()
    {
        Assert.Null(FeedbackDecisions.Send(Given(ScheduledAt(Now.AddMinutes(-6)), Sent()), null, 42, Now));
    }

    [Fact]
    public void Cancelled_feedback_is_not_sent()
    {
        Assert.Null(FeedbackDecisions.Send(Given(ScheduledAt(Now), Cancelled()), null, 42, Now));
    }

    [Fact]
    public void Feedback_moved_later_is_not_sent_by_the_old_trigger()
    {
        var moved = new FeedbackRescheduled(Id, null, Own("Later"), Now.AddHours(1), null, Now.AddMinutes(-1));

        Assert.Null(FeedbackDecisions.Send(Given(ScheduledAt(Now), moved), null, 42, Now));
    }

    [Fact]
    public void After_close_feedback_waits_for_the_incident_to_close_then_counts_from_the_closing_time()
    {
        var state = Given(ScheduledAfterClose(15));

        Assert.Null(FeedbackDecisions.Send(state, incidentClosedAt: null, 42, Now));
        Assert.Null(FeedbackDecisions.Send(state, incidentClosedAt: Now.AddMinutes(-10), 42, Now));
        Assert.NotNull(FeedbackDecisions.Send(state, incidentClosedAt: Now.AddMinutes(-15), 42, Now));
        Assert.Equal(Now.AddMinutes(5), state!.DueAt(Now.AddMinutes(-10)));
    }

    [Fact]
    public void A_trigger_firing_a_moment_early_still_sends()
    {
        Assert.NotNull(FeedbackDecisions.Send(Given(ScheduledAt(Now.AddSeconds(1))), null, 1, Now));
    }
}
