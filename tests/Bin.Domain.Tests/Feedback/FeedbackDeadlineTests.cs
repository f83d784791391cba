using Bin.Domain.Feedback;

namespace Bin.Domain.Tests.Feedback;

public class FeedbackDeadlineTests
{
    private static readonly FeedbackDeadline Rule = FeedbackDeadline.NextWorkingDayAtNoon;

    private static DateTimeOffset Brussels(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, FeedbackDeadline.Brussels.GetUtcOffset(local));
    }

    [Fact]
    public void An_alert_on_a_weekday_is_due_the_next_day_at_noon()
    {
        Assert.Equal(Brussels(2026, 11, 25, 12), Rule.For(Brussels(2026, 11, 24, 9, 15)));
    }

    [Fact]
    public void An_alert_just_before_midnight_Brussels_time_counts_from_that_day_even_when_it_is_the_next_day_in_UTC()
    {
        // 23:30 in Brussels on Tuesday is 22:30 UTC; 00:30 on Wednesday in Brussels is still Tuesday in UTC.
        Assert.Equal(Brussels(2026, 11, 25, 12), Rule.For(Brussels(2026, 11, 24, 23, 30).ToUniversalTime()));
        Assert.Equal(Brussels(2026, 11, 26, 12), Rule.For(Brussels(2026, 11, 25, 0, 30).ToUniversalTime()));
    }

    [Fact]
    public void An_alert_on_Friday_evening_or_the_weekend_is_due_on_Monday()
    {
        Assert.Equal(Brussels(2026, 11, 30, 12), Rule.For(Brussels(2026, 11, 27, 22)));
        Assert.Equal(Brussels(2026, 11, 30, 12), Rule.For(Brussels(2026, 11, 28, 21, 40)));
        Assert.Equal(Brussels(2026, 11, 30, 12), Rule.For(Brussels(2026, 11, 29, 10)));
    }

    [Fact]
    public void Public_holidays_are_skipped_Easter_Monday_and_Christmas()
    {
        // Easter 2026 is 5 April: an alert on Saturday 4 April is due Tuesday 7 April.
        Assert.Equal(new DateOnly(2026, 4, 5), BelgianCalendar.EasterSunday(2026));
        Assert.Equal(Brussels(2026, 4, 7, 12), Rule.For(Brussels(2026, 4, 4, 15)));
        // Thursday 24 December 2026: Christmas is Friday, so Monday 28 December.
        Assert.Equal(Brussels(2026, 12, 28, 12), Rule.For(Brussels(2026, 12, 24, 18)));
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    public void Easter_is_computed_for_any_year(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), BelgianCalendar.EasterSunday(year));
    }

    [Fact]
    public void Belgium_has_ten_public_holidays_including_national_day_and_ascension()
    {
        var holidays = BelgianCalendar.PublicHolidays(2026);

        Assert.Equal(10, holidays.Count);
        Assert.Contains(new DateOnly(2026, 7, 21), holidays);
        Assert.Contains(new DateOnly(2026, 5, 14), holidays); // Ascension: Easter + 39 days
        Assert.Contains(new DateOnly(2026, 5, 25), holidays); // Whit Monday: Easter + 50 days
    }

    [Fact]
    public void Noon_is_Brussels_time_in_summer_and_winter()
    {
        Assert.Equal(TimeSpan.FromHours(2), Rule.For(Brussels(2026, 6, 15, 9)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), Rule.For(Brussels(2026, 12, 15, 9)).Offset);
    }

    [Fact]
    public void A_fixed_delay_replaces_the_working_day_rule()
    {
        var rule = Rule with { Within = TimeSpan.FromHours(4) };

        Assert.Equal(Brussels(2026, 11, 28, 23), rule.For(Brussels(2026, 11, 28, 19)));
    }

    [Fact]
    public void Overdue_once_the_deadline_passed_and_nothing_is_sent_or_scheduled()
    {
        var issued = Brussels(2026, 11, 24, 9);
        var deadline = Brussels(2026, 11, 25, 12);

        Assert.False(Rule.IsOverdue(issued, hasSentOrScheduledFeedback: false, deadline.AddMinutes(-1)));
        Assert.True(Rule.IsOverdue(issued, hasSentOrScheduledFeedback: false, deadline));
        Assert.False(Rule.IsOverdue(issued, hasSentOrScheduledFeedback: true, deadline.AddDays(3)));
    }
}
