using Bin.Domain;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>RFC 9457 problem responses (application/problem+json) shared by every endpoint.</summary>
public static class Problems
{
    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");

    /// <summary>A refused command: 400 naming the field at fault, so clients can point at it.</summary>
    public static IResult From(DomainException ex) => Field(ex.Field ?? "request", ex.Message);

    public static IResult Field(string field, string message) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            title: $"Invalid {field}");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
