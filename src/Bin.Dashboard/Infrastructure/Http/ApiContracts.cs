namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>What an endpoint can refuse, for the OpenAPI document: 400 as a validation problem naming fields, the rest as problems.</summary>
public static class ApiContracts
{
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            if (status == StatusCodes.Status400BadRequest) builder.ProducesValidationProblem();
            else builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>A query value that must be an id; a bad one is a 400 naming <paramref name="field"/>.</summary>
    public static Guid? OptionalGuid(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Guid.TryParse(value, out var id) ? id
        : throw new Bin.Domain.DomainException(string.Format(System.Globalization.CultureInfo.CurrentCulture,
            Localization.UiText.T("http.guid"), field), field);

    /// <summary>A query "limit" from 1 to <paramref name="max"/>, <paramref name="fallback"/> when absent.</summary>
    public static int Limit(string? value, int fallback, int max) =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : int.TryParse(value, out var n) && n > 0 && n <= max ? n
        : throw new Bin.Domain.DomainException(string.Format(System.Globalization.CultureInfo.CurrentCulture,
            Localization.UiText.T("http.limit"), max), "limit");

    /// <summary>A query "format": json (or absent) → false, csv → true.</summary>
    public static bool IsCsv(string? format) => (format ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "json" => false,
        "csv" => true,
        _ => throw new Bin.Domain.DomainException(Localization.UiText.T("http.format"), "format"),
    };
}
