using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using JasperFx.Events;

namespace Bin.Dashboard.Features.Members;

/// <summary>How the member endpoints answer a refusal; problem responses carry ids and rules, never names or numbers
/// of other members.</summary>
internal static class MemberProblems
{
    public static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
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
        catch (DomainException ex) when (ex.Field is "id" or "networkId")
        {
            return Problems.NotFound(ex.Message);
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now");
        }
        catch (DomainException ex)
        {
            return Problems.From(ex);
        }
        catch (EventStreamUnexpectedMaxEventIdException)
        {
            return Results.Problem(detail: "Someone else changed this member at the same moment; reload and try again.",
                statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");
        }
    }
}
