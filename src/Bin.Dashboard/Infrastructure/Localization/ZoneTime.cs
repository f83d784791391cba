namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>Times are shown as the zone lives them (Europe/Brussels), whatever the server's clock zone.</summary>
public static class ZoneTime
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Brussels);

    public static string Format(DateTimeOffset at, string format = "dd/MM HH:mm:ss") => Local(at).ToString(format);
}
