using Bin.Domain;
using JasperFx.Events;

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

    /// <summary>
    /// Runs a command endpoint and answers a refusal the one way every feature does: an unknown id → 404, a step
    /// the current state does not allow (no field at fault) → 409, bad input → 400 naming the field, a concurrent
    /// change of the same stream → 409 asking to reload.
    /// </summary>
    public static async Task<IResult> ForCommand(Func<Task<IResult>> action, string subject, params string[] notFoundFields)
    {
        try
        {
            return await action();
        }
        catch (DomainException ex) when (ex.Field == "id" || notFoundFields.Contains(ex.Field))
        {
            return NotFound(ex.Message);
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now");
        }
        catch (DomainException ex)
        {
            return From(ex);
        }
        catch (EventStreamUnexpectedMaxEventIdException)
        {
            return Results.Problem(detail: new ConcurrentChangeException(subject).Message,
                statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");
        }
    }
}
