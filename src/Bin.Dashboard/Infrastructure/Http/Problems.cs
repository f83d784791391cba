namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>RFC 9457 problem answers an endpoint gives without a refusal to map (see <see cref="ProblemMapping"/> for those).</summary>
public static class Problems
{
    public static IResult Unauthorized(string detail) => ProblemMapping.Problem(StatusCodes.Status401Unauthorized, "http.title.unauthorized", detail);

    public static IResult Field(string field, string message) => ProblemMapping.Field(field, message);

    public static IResult Forbidden(string detail) => ProblemMapping.Problem(StatusCodes.Status403Forbidden, "http.title.forbidden", detail);

    public static IResult NotFound(string detail) => ProblemMapping.Problem(StatusCodes.Status404NotFound, "http.title.notFound", detail);
}
