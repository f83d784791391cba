using static Bin.Dashboard.Infrastructure.Localization.UiText;

namespace Bin.Dashboard.Features.Feedback;

/// <summary>How long until something is sent, as the dashboard shows it: "over 12:04", "over 2:05:09", "over 3 d 4:05:09", "nu".</summary>
public static class Countdown
{
    public static string Format(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        if (left <= TimeSpan.Zero) return T("feedback.due");
        var clock = left.TotalHours >= 1 ? $"{left.Hours}:{left.Minutes:00}:{left.Seconds:00}" : $"{left.Minutes}:{left.Seconds:00}";
        return left.TotalDays >= 1 ? $"{T("feedback.in")} {(int)left.TotalDays} d {clock}" : $"{T("feedback.in")} {clock}";
    }
}
