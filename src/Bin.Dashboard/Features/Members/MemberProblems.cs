using Bin.Dashboard.Infrastructure.Http;

namespace Bin.Dashboard.Features.Members;

/// <summary>How the member endpoints answer a refusal; problem responses carry ids and rules, never names or numbers
/// of other members.</summary>
internal static class MemberProblems
{
    public static Task<IResult> Run(Func<Task<IResult>> action) => Problems.ForCommand(async () =>
    {
        // The member-specific answers first: a duplicate number is a DomainException too, but a 409, not a 400.
        try
        {
            return await action();
        }
        catch (DryRunLimitException ex)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many dry runs",
                extensions: new Dictionary<string, object?> { ["field"] = ex.Field });
        }
        catch (MemberAccessDeniedException ex)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not your network");
        }
        catch (DuplicateMemberException ex)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Already a member",
                extensions: new Dictionary<string, object?> { ["field"] = ex.Field });
        }
        catch (MemberInputException ex)
        {
            return Results.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                detail: string.Join(" ", ex.Errors.Values), title: $"Invalid {string.Join(", ", ex.Errors.Keys)}");
        }
    }, "member", "networkId");
}
