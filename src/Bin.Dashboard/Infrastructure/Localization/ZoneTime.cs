namespace Bin.Dashboard.Infrastructure.Localization;

/// <summary>Times are shown as the zone lives them (Europe/Brussels), whatever the server's clock zone.</summary>
public static class ZoneTime
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Brussels);

    public static string Format(DateTimeOffset at, string format = "dd/MM HH:mm:ss") => Local(at).ToString(format);

    /// <summary>A wall-clock time in the zone (e.g. from a datetime-local field) as an instant.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Brussels.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
}
