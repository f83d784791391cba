using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// The one reading of times the API accepts, in bodies and in query strings: ISO 8601 with its offset
/// ("2026-11-28T21:40:00+01:00" or "…Z"), or a date alone ("2026-11-28", its midnight UTC). A time without an offset
/// is refused: whether 21:40 meant Brussels or UTC is exactly what a dispatcher's tool must not guess.
/// </summary>
public static partial class IsoTime
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            time = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        return Shape().IsMatch(text)
               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>An optional query value; a bad one is a 400 naming <paramref name="field"/>.</summary>
    public static DateTimeOffset? Optional(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : TryParse(value, out var time) ? time
        : throw Refusal(field);

    /// <summary>A required query value; missing or bad is a 400 naming <paramref name="field"/>.</summary>
    public static DateTimeOffset Required(string? value, string field) =>
        Optional(value, field) ?? throw new DomainException(string.Format(CultureInfo.CurrentCulture, UiText.T("http.timeRequired"), field), field);

    public static DomainException Refusal(string field) =>
        new(string.Format(CultureInfo.CurrentCulture, UiText.T("http.time"), field), field);

    // Date, 'T', time with optional fraction, then Z or ±hh:mm — the offset is not optional.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Shape();
}

/// <summary>Every DateTimeOffset in a request body goes through <see cref="IsoTime"/>; a refusal names the field by its JSON path.</summary>
public sealed class IsoTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && IsoTime.TryParse(reader.GetString(), out var time)
            ? time
            : throw new JsonException(UiText.T("http.timeShape"));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
