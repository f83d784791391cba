using Bin.Domain.Feedback;
using static Bin.Domain.Tests.Feedback.FeedbackHistory;

namespace Bin.Domain.Tests.Feedback;

public class ScheduleFeedbackTests
{
    private static FeedbackScheduled When(
        FeedbackState? state, FeedbackAlert? alert, string? text = "Verdachte gevat. Bedankt voor uw hulp!", string? templateId = null,
        DateTimeOffset? sendAt = null, int? afterCloseMinutes = null) =>
        FeedbackDecisions.Schedule(state, alert, new ScheduleFeedback(Id, AlertId, templateId, text, sendAt, afterCloseMinutes), Now);

    [Fact]
    public void Own_text_at_a_time_goes_to_every_language_trimmed_and_records_the_time()
    {
        var e = When(Given(), OpenAlert(), text: "  Verdachte gevat. Bedankt voor uw hulp!  ", sendAt: Now.AddHours(2));

        Assert.Equal(Id, e.FeedbackId);
        Assert.Equal(AlertId, e.AlertId);
        Assert.Equal(IncidentId, e.IncidentId);
        Assert.Equal(["nl", "fr", "de", "en"], e.Texts.Keys);
        Assert.All(e.Texts.Values, t => Assert.Equal("Verdachte gevat. Bedankt voor uw hulp!", t));
        Assert.Null(e.FeedbackTemplateId);
        Assert.Equal(Now.AddHours(2), e.SendAt);
        Assert.Null(e.AfterCloseMinutes);
        Assert.Equal(Now, e.ScheduledAt);
    }

    [Fact]
    public void A_template_carries_its_text_in_each_member_language()
    {
        var e = When(Given(), OpenAlert(), text: null, templateId: "feedback-suspect-caught", afterCloseMinutes: 30);

        Assert.Equal("feedback-suspect-caught", e.FeedbackTemplateId);
        Assert.Contains("Verdachte gevat".ToLowerInvariant(), e.Texts["nl"].ToLowerInvariant());
        Assert.Contains("suspect", e.Texts["fr"]);
        Assert.Contains("Verdächtiger", e.Texts["de"]);
        Assert.Contains("Suspect", e.Texts["en"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(30, e.AfterCloseMinutes);
        Assert.Null(e.SendAt);
    }

    [Fact]
    public void A_time_a_few_seconds_ago_means_now()
    {
        Assert.Equal(Now, When(Given(), OpenAlert(), sendAt: Now.AddSeconds(-20)).SendAt);
    }

    [Fact]
    public void A_time_in_the_past_is_refused_naming_sendAt()
    {
        var ex = ThenRefused(() => When(Given(), OpenAlert(), sendAt: Now.AddMinutes(-5)));

        Assert.Equal("sendAt", ex.Field);
        Assert.Contains("past", ex.Message);
    }

    [Fact]
    public void A_time_more_than_thirty_days_ahead_is_refused()
    {
        Assert.Equal("sendAt", ThenRefused(() => When(Given(), OpenAlert(), sendAt: Now.AddDays(31))).Field);
    }

    [Fact]
    public void Without_a_time_or_a_delay_after_closing_it_is_refused()
    {
        var ex = ThenRefused(() => When(Given(), OpenAlert()));

        Assert.Equal("sendAt", ex.Field);
        Assert.Contains("afterCloseMinutes", ex.Message);
    }

    [Fact]
    public void A_time_and_a_delay_together_are_refused()
    {
        Assert.Equal("sendAt", ThenRefused(() => When(Given(), OpenAlert(), sendAt: Now.AddHours(1), afterCloseMinutes: 10)).Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(FeedbackDecisions.MaxAfterCloseMinutes + 1)]
    public void A_delay_after_closing_out_of_range_is_refused(int minutes)
    {
        Assert.Equal("afterCloseMinutes", ThenRefused(() => When(Given(), OpenAlert(), afterCloseMinutes: minutes)).Field);
    }

    [Fact]
    public void A_delay_after_closing_that_has_already_passed_is_refused()
    {
        var ex = ThenRefused(() => When(Given(), ClosedAlert(Now.AddHours(-2)), afterCloseMinutes: 30));

        Assert.Equal("afterCloseMinutes", ex.Field);
        Assert.Contains("sendAt", ex.Message);
    }

    [Fact]
    public void A_delay_after_closing_still_ahead_of_a_closed_incident_is_accepted()
    {
        Assert.Equal(30, When(Given(), ClosedAlert(Now.AddMinutes(-10)), afterCloseMinutes: 30).AfterCloseMinutes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_text_is_refused_naming_text(string? text)
    {
        var ex = ThenRefused(() => When(Given(), OpenAlert(), text: text, sendAt: Now.AddHours(1)));

        Assert.Equal("text", ex.Field);
    }

    [Fact]
    public void A_text_over_four_segments_is_refused_with_its_segment_count()
    {
        var ex = ThenRefused(() => When(Given(), OpenAlert(), text: new string('a', 700), sendAt: Now.AddHours(1)));

        Assert.Equal("text", ex.Field);
        Assert.Contains("5 SMS segments", ex.Message);
        Assert.StartsWith("The feedback text", ex.Message);
    }

    [Fact]
    public void A_text_and_a_template_together_are_refused()
    {
        Assert.Equal("text", ThenRefused(() => When(Given(), OpenAlert(), templateId: "feedback-all-clear", sendAt: Now.AddHours(1))).Field);
    }

    [Fact]
    public void An_unknown_template_is_refused_naming_templateId()
    {
        var ex = ThenRefused(() => When(Given(), OpenAlert(), text: null, templateId: "feedback-nope", sendAt: Now.AddHours(1)));

        Assert.Equal("templateId", ex.Field);
        Assert.Contains("feedback-all-clear", ex.Message);
    }

    [Fact]
    public void Feedback_for_an_unknown_alert_is_refused()
    {
        Assert.Equal("alertId", ThenRefused(() => When(Given(), alert: null, sendAt: Now.AddHours(1))).Field);
    }

    [Fact]
    public void The_same_feedback_cannot_be_scheduled_twice()
    {
        Assert.Equal("feedbackId", ThenRefused(() => When(Given(ScheduledAt(Now.AddHours(1))), OpenAlert(), sendAt: Now.AddHours(1))).Field);
    }
}
