namespace Bin.Domain.Feedback;

/// <summary>
/// When an alert without feedback becomes overdue. By default: at <see cref="At"/> (12:00) Belgian time on the
/// next working day after the day the alert was issued — the first day after it that is a Monday to Friday and not
/// a Belgian public holiday. An alert issued on Friday evening is overdue on Monday at noon (Tuesday when Monday
/// is Easter Monday). With <see cref="Within"/> set, simply that long after the alert.
/// </summary>
public sealed record FeedbackDeadline(TimeSpan? Within, TimeOnly At, TimeZoneInfo Zone)
{
    public static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static FeedbackDeadline NextWorkingDayAtNoon { get; } = new(null, new TimeOnly(12, 0), Brussels);

    public DateTimeOffset For(DateTimeOffset issuedAt)
    {
        if (Within is { } within) return issuedAt + within;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(issuedAt, Zone).DateTime).AddDays(1);
        while (!BelgianCalendar.IsWorkingDay(day)) day = day.AddDays(1);
        var local = day.ToDateTime(At, DateTimeKind.Unspecified);
        // A time in a daylight-saving gap does not exist: take the hour after it.
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The watchdog's rule: an alert is overdue once its deadline has passed while none of its feedback is sent or
    /// still scheduled. Scheduling feedback resolves it (even for later); cancelling the only feedback brings it back.
    /// </summary>
    public bool IsOverdue(DateTimeOffset issuedAt, bool hasSentOrScheduledFeedback, DateTimeOffset now) =>
        !hasSentOrScheduledFeedback && now >= For(issuedAt);
}

/// <summary>Working days in Belgium: Monday to Friday except the ten legal public holidays.</summary>
public static class BelgianCalendar
{
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !PublicHolidays(day.Year).Contains(day);

    /// <summary>New Year, Easter Monday, Labour Day, Ascension, Whit Monday, National Day (21 July), Assumption
    /// (15 August), All Saints, Armistice (11 November) and Christmas.</summary>
    public static IReadOnlySet<DateOnly> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        return new HashSet<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(1),
            new(year, 5, 1),
            easter.AddDays(39),
            easter.AddDays(50),
            new(year, 7, 21),
            new(year, 8, 15),
            new(year, 11, 1),
            new(year, 11, 11),
            new(year, 12, 25),
        };
    }

    /// <summary>Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
