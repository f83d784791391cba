using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bin.Dashboard.Features.Accounts;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Joining;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain;
using Bin.Domain.Alerts;
using Bin.Domain.Networks;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// The one translation of refusals into <c>application/problem+json</c>, for every endpoint: endpoints call their
/// commands and let refusals through. A <see cref="DomainException"/> naming a field is a 400 validation problem
/// with that field under <c>errors</c>; naming "id" (or a field the endpoint declares with
/// <see cref="RefusalFieldsExtensions.AnswersNotFoundFor{TBuilder}"/>) a 404; naming no field (or one declared with
/// <see cref="RefusalFieldsExtensions.AnswersConflictFor{TBuilder}"/>) a 409; a concurrent change a 409 asking to reload.
/// A body that is not JSON, or a field of the wrong type, is a 400 naming "body" or that field. The refusals that carry
/// more (the alert safeguards, import reports, per-field input errors) keep their own shapes here, in one place.
/// Texts are in the request's UI language.
/// </summary>
public sealed partial class ProblemMapping(ILogger<ProblemMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The exception unwound past request localization, which took its culture with it.
        if (http.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        if (Answer(exception, http, endpoint?.Metadata.GetMetadata<RefusalFields>()) is not { } answer) return false;
        log.LogInformation("Refused {Method} {Path}: {Refusal}", http.Request.Method, http.Request.Path.Value, exception.GetType().Name);
        await answer.ExecuteAsync(http);
        return true;
    }

    /// <summary>The answer to a refusal, or null for an exception that is no refusal (a fault: 500).</summary>
    public static IResult? Answer(Exception exception, HttpContext http, RefusalFields? fields = null) => exception switch
    {
        BadHttpRequestException bad => Malformed(bad),
        UnauthorizedAccessException or NetworkAccessDeniedException or MemberAccessDeniedException =>
            Problem(StatusCodes.Status403Forbidden, "http.title.forbidden", exception.Message),
        EventStreamUnexpectedMaxEventIdException =>
            Problem(StatusCodes.Status409Conflict, "http.title.changedMeanwhile", UiText.T("http.changedMeanwhile")),
        DomainException refusal => Refused(refusal, http, fields ?? RefusalFields.None),
        _ => null,
    };

    private static IResult Refused(DomainException ex, HttpContext http, RefusalFields fields)
    {
        switch (ex)
        {
            case ConcurrentChangeException:
                return Problem(StatusCodes.Status409Conflict, "http.title.changedMeanwhile", ex.Message);
            // Not a refusal: the alert waits for an administrator, which the caller is told with a 202.
            case AlertNeedsApprovalException approval:
                var a = approval.Approval;
                return Results.Accepted($"/api/alert-approvals/{a.Id}", new AlertSafeguardAnswers.AwaitingApproval(a.Id, "awaiting-approval", a.Segments, a.UsedToday, a.Budget));
            case AlertRateLimitedException rate:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(rate.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Problem(StatusCodes.Status429TooManyRequests, "http.title.tooMany", ex.Message);
            case AlertRepeatException repeat:
                return Problem(StatusCodes.Status409Conflict, "http.title.repeat", ex.Message, new()
                {
                    ["field"] = "repeat",
                    ["repeats"] = repeat.Repeats.Select(r => new { networkId = r.NetworkId, lastAlertedAt = r.LastAlertedAt }).ToList(),
                });
            case PersonalDataFound found:
                // Well-formed, but the tip needs the officer's word: 422, each finding by its stable code and value, and
                // why it matters in the caller's language.
                return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["tip"] = [.. found.Findings.Select(f => $"{PersonalDataCheck.Code(f.Kind)} \"{f.Value}\": {UiText.T("pd.why." + PersonalDataCheck.Code(f.Kind))}")],
                    },
                    detail: UiText.T("pd.explain"), title: UiText.T("pd.title"), statusCode: StatusCodes.Status422UnprocessableEntity);
            case ApprovalDecidedException:
                return Problem(StatusCodes.Status409Conflict, "http.title.decided", ex.Message);
            case DryRunLimitException:
                return Problem(StatusCodes.Status429TooManyRequests, "http.title.tooMany", ex.Message, new() { ["field"] = ex.Field });
            case DuplicateMemberException:
                return Problem(StatusCodes.Status409Conflict, "http.title.exists", ex.Message, new() { ["field"] = ex.Field });
            case DuplicateAccountException:
                return Problem(StatusCodes.Status409Conflict, "http.title.exists", ex.Message);
            case MemberInputException input:
                return Fields(input.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), string.Join(" ", input.Errors.Values));
            case JoinInputException input:
                return Fields(input.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), string.Join(" ", input.Errors.Values));
            case ImportRejectedException import:
                return Results.ValidationProblem(import.Problems.ToDictionary(p => p.Key == 0 ? "file" : $"features[{p.Key}]", p => p.Value.ToArray()),
                    detail: ex.Message, title: UiText.T("http.title.importRejected"), extensions: new Dictionary<string, object?>
                    {
                        ["features"] = import.Problems.Where(p => p.Key > 0).Select(p => new { number = p.Key, problems = p.Value }).ToList(),
                    });
            case BoundaryRejectedException boundary:
                return Fields(new Dictionary<string, string[]> { ["boundary"] = [.. boundary.Problems] }, ex.Message);
        }
        if (ex.Field == "rate")
            return Problem(StatusCodes.Status429TooManyRequests, "http.title.tooMany", ex.Message);
        if (ex.Field == "id" || (ex.Field is { } missing && fields.NotFound.Contains(missing)))
            return Problem(StatusCodes.Status404NotFound, "http.title.notFound", ex.Message);
        if (ex.Field is null)
            return Problem(StatusCodes.Status409Conflict, "http.title.conflict", ex.Message);
        if (fields.Conflict.Contains(ex.Field))
            return Problem(StatusCodes.Status409Conflict, "http.title.conflict", ex.Message, new() { ["field"] = ex.Field });
        return Field(ex.Field, ex.Message);
    }

    /// <summary>
    /// Problems the framework writes itself, brought into the same contract: its validation (DataAnnotations on request
    /// records) names fields as clients write them (camelCase) under a title in the request's language; a body of another
    /// media type than the endpoint reads (the framework's 415) is a 400 naming "body", as every other unreadable body.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails validation && problem.Title == FrameworkValidationTitle)
        {
            var errors = validation.Errors.ToDictionary(e => FieldRules.JsonName(e.Key), e => e.Value);
            validation.Errors.Clear();
            foreach (var (field, messages) in errors) validation.Errors[field] = messages;
            problem.Title = string.Format(CultureInfo.CurrentCulture, UiText.T("http.title.invalid"), string.Join(", ", errors.Keys));
            problem.Detail ??= string.Join(" ", errors.Values.SelectMany(m => m));
        }
        else if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            problem.Status = StatusCodes.Status400BadRequest;
            problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
            problem.Title = string.Format(CultureInfo.CurrentCulture, UiText.T("http.title.invalid"), "body");
            problem.Detail = UiText.T("http.bodyNotJson");
            problem.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [problem.Detail] };
        }
    }

    private const string FrameworkValidationTitle = "One or more validation errors occurred.";

    /// <summary>A body the framework could not bind: not JSON, not an object, or a field of the wrong type.</summary>
    private static IResult Malformed(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            // A syntax error anywhere (the reader's) concerns the whole body; a value of the wrong type names its field.
            var syntax = json.InnerException?.GetType().Name == "JsonReaderException";
            var field = syntax ? "body" : FieldOf(json.Path);
            // Where the text goes wrong, in the reader's words; never the parser's own message.
            return field == "body"
                ? Field("body", ServerMessages.NotJson(json).ToString())
                : Field(field, string.Format(CultureInfo.CurrentCulture, UiText.T("http.fieldType"), field) + Detail(json));
        }
        // A route or query value of the wrong type names its parameter; an empty body or a wrong content type (415) the body.
        if (BindingFailure().Match(bad.Message) is { Success: true } failed && failed.Groups["source"].Value != "body")
            return Field(failed.Groups["name"].Value, string.Format(CultureInfo.CurrentCulture, UiText.T("http.fieldType"), failed.Groups["name"].Value));
        return bad.StatusCode is StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status400BadRequest
            ? Field("body", UiText.T("http.bodyNotJson"))
            : Problem(bad.StatusCode, "http.title.badRequest", UiText.T("http.bodyNotJson"));
    }

    // The converters' own messages (the time's shape) say more than "wrong type"; the framework's default ones do not.
    private static string Detail(JsonException json) =>
        json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) ? "" : " " + json.Message.Split(" Path:")[0];

    // The framework's wording: Failed to bind parameter "Guid? alertId" from "x". / Required parameter "T name" was not provided from query string.
    [GeneratedRegex("^(Failed to bind|Required) parameter \"(?:[^\"]* )?(?<name>\\w+)\"( from \"[^\"]*\"| was not provided from (?<source>\\w+))")]
    private static partial Regex BindingFailure();

    /// <summary>"$.networkIds[2]" → "networkIds"; "$.geometry.coordinates" → "geometry"; "$" → "body".</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var first = path.TrimStart('$').TrimStart('.');
        var end = first.IndexOfAny(['.', '[']);
        var name = end < 0 ? first : first[..end];
        if (name.Length == 0 && first.StartsWith("['", StringComparison.Ordinal)) name = first[2..first.IndexOf('\'', 2)];
        return name.Length == 0 ? "body" : name;
    }

    public static IResult Field(string field, string message) =>
        Fields(new Dictionary<string, string[]> { [field] = [message] }, message);

    private static IResult Fields(Dictionary<string, string[]> errors, string detail) =>
        Results.ValidationProblem(errors, detail: detail,
            title: string.Format(CultureInfo.CurrentCulture, UiText.T("http.title.invalid"), string.Join(", ", errors.Keys)));

    public static IResult Problem(int status, string titleKey, string detail, Dictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: UiText.T(titleKey), extensions: extensions);
}
