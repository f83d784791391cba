using Bin.Domain.Feedback;

namespace Bin.Domain.Tests.Feedback;

public class ReminderDecisionsTests
{
    private static readonly Guid AlertId = Guid.NewGuid();
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 28, 21, 40, 0, TimeSpan.FromHours(1));

    [Fact]
    public void No_minutes_means_no_reminder()
    {
        Assert.Null(ReminderDecisions.Schedule(AlertId, null, IssuedAt));
    }

    [Fact]
    public void A_reminder_is_due_the_given_minutes_after_the_alert()
    {
        Assert.Equal(new ReminderScheduled(AlertId, 30, IssuedAt.AddMinutes(30), IssuedAt), ReminderDecisions.Schedule(AlertId, 30, IssuedAt));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ReminderDecisions.MinMinutes - 1)]
    [InlineData(ReminderDecisions.MaxMinutes + 1)]
    public void Minutes_out_of_range_are_refused_naming_reminderAfterMinutes(int minutes)
    {
        var ex = Assert.Throws<DomainException>(() => ReminderDecisions.Schedule(AlertId, minutes, IssuedAt));

        Assert.Equal("reminderAfterMinutes", ex.Field);
    }

    [Fact]
    public void The_reminder_is_sent_once()
    {
        var scheduled = ReminderDecisions.Schedule(AlertId, 30, IssuedAt)!;
        var sent = ReminderDecisions.Send(ReminderState.Fold([scheduled]), 12, IssuedAt.AddMinutes(30));

        Assert.Equal(new ReminderSent(AlertId, 12, IssuedAt.AddMinutes(30)), sent);
        Assert.Null(ReminderDecisions.Send(ReminderState.Fold([scheduled, sent!]), 12, IssuedAt.AddMinutes(31)));
    }

    [Fact]
    public void An_alert_without_a_reminder_sends_none()
    {
        Assert.Null(ReminderDecisions.Send(ReminderState.Fold([]), 12, IssuedAt));
    }
}
