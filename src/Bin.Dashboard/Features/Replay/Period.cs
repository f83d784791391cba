using Bin.Dashboard.Infrastructure.Http;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;

namespace Bin.Dashboard.Features.Replay;

/// <summary>A half-open period [<see cref="From"/>, <see cref="To"/>) of business time.</summary>
public readonly record struct Period(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The longest period the history and the evaluation answer for at once: a (leap) year.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(366);

    public TimeSpan Length => To - From;

    public bool Contains(DateTimeOffset at) => at >= From && at < To;

    /// <summary>Reads <c>from</c> and <c>to</c> as the API receives them; a problem names the field at fault.</summary>
    public static Period Parse(string? from, string? to)
    {
        var start = ParseTime(from, "from");
        var end = ParseTime(to, "to");
        return Of(start, end);
    }

    /// <summary>Checks the order and length of a period the dashboard built itself.</summary>
    public static Period Of(DateTimeOffset from, DateTimeOffset to)
    {
        if (from >= to)
            throw new DomainException(ServerMessages.QueryToBeforeFrom, "to");
        if (to - from > MaxLength)
            throw new DomainException(ServerMessages.QueryPeriodTooLong.With(MaxLength.TotalDays, (to - from).TotalDays), "to");
        return new Period(from.ToUniversalTime(), to.ToUniversalTime());
    }

    /// <summary>An ISO 8601 time with its offset (a date alone means its midnight UTC), read by the API's one time parser; required.</summary>
    public static DateTimeOffset ParseTime(string? value, string field) => IsoTime.Required(value, field).ToUniversalTime();

    /// <summary>The last <paramref name="length"/> up to <paramref name="now"/>.</summary>
    public static Period Last(TimeSpan length, DateTimeOffset now) => new(now - length, now);
}
