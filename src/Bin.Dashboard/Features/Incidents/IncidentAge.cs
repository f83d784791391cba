using System.Globalization;
using static Bin.Dashboard.Infrastructure.Localization.UiText;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>How long ago an incident was reported, short enough for a board row: "nu", "12 min", "1 u 15", "3 d".</summary>
public static class IncidentAge
{
    public static string Format(DateTimeOffset reportedAt, DateTimeOffset now)
    {
        var age = now - reportedAt;
        return age.TotalMinutes < 1 ? T("age.now")
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min"
            : age.TotalDays < 1 ? string.Format(CultureInfo.CurrentCulture, T("console.age.hours"), (int)age.TotalHours, age.Minutes)
            : string.Format(CultureInfo.CurrentCulture, T("console.age.days"), (int)age.TotalDays);
    }
}
