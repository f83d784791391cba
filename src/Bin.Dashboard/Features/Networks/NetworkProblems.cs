using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using Bin.Domain.Networks;
using JasperFx.Events;

namespace Bin.Dashboard.Features.Networks;

/// <summary>How the network endpoints answer a refusal: 403 for non-administrators, 404 for an unknown network,
/// 409 for a step the network's state does not allow (out of order, dissolved, changed meanwhile), 400 naming the field
/// for bad input, and for a rejected import the problems of every feature.</summary>
internal static class NetworkProblems
{
    public static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (NetworkAccessDeniedException ex)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status403Forbidden, title: "Administrators only");
        }
        catch (ImportRejectedException ex)
        {
            var errors = ex.Problems.ToDictionary(p => p.Key == 0 ? "file" : $"features[{p.Key}]", p => p.Value.ToArray());
            return Results.ValidationProblem(errors, detail: ex.Message, title: "Import rejected; nothing was saved",
                extensions: new Dictionary<string, object?>
                {
                    ["features"] = ex.Problems.Where(p => p.Key > 0).Select(p => new { number = p.Key, problems = p.Value }).ToList(),
                });
        }
        catch (BoundaryRejectedException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["boundary"] = [.. ex.Problems] }, detail: ex.Message, title: "Invalid boundary");
        }
        catch (DomainException ex) when (ex.Field is "networkId")
        {
            return Problems.NotFound(ex.Message);
        }
        catch (DomainException ex) when (ex.Field is "step" or "status" or null)
        {
            return Results.Problem(detail: ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible at this stage",
                extensions: new Dictionary<string, object?> { ["field"] = ex.Field });
        }
        catch (DomainException ex)
        {
            return Problems.From(ex);
        }
        catch (EventStreamUnexpectedMaxEventIdException)
        {
            return Results.Problem(detail: new ConcurrentChangeException("network").Message,
                statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");
        }
    }
}
