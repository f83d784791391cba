using System.Globalization;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Domain;
using Bin.Domain.Alerts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bin.Dashboard.Tests.Http;

/// <summary>The one translation of refusals into problem answers (ProblemMapping), without a host.</summary>
public class ProblemMappingTests
{
    private static ProblemHttpResult Answer(Exception exception, RefusalFields? fields = null, HttpContext? http = null) =>
        Assert.IsType<ProblemHttpResult>(ProblemMapping.Answer(exception, http ?? new DefaultHttpContext(), fields));

    [Fact]
    public void A_refusal_naming_a_field_is_a_400_validation_problem_naming_it()
    {
        var answer = Answer(new DomainException("lat is outside the zone.", "lat"));

        Assert.Equal(StatusCodes.Status400BadRequest, answer.StatusCode);
        var problem = Assert.IsType<HttpValidationProblemDetails>(answer.ProblemDetails);
        Assert.Equal(["lat is outside the zone."], problem.Errors["lat"]);
    }

    [Fact]
    public void An_unknown_id_is_a_404_and_a_refusal_without_a_field_a_409()
    {
        Assert.Equal(StatusCodes.Status404NotFound, Answer(new DomainException("No such incident.", "id")).StatusCode);
        Assert.Equal(StatusCodes.Status409Conflict, Answer(new DomainException("Closed already.")).StatusCode);
    }

    [Fact]
    public void An_endpoint_declares_which_fields_mean_not_found_or_not_in_this_state()
    {
        var fields = RefusalFields.None with { NotFound = new HashSet<string> { "alertId" }, Conflict = new HashSet<string> { "step" } };

        Assert.Equal(StatusCodes.Status404NotFound, Answer(new DomainException("No such alert.", "alertId"), fields).StatusCode);
        var step = Answer(new DomainException("Record the consultation first.", "step"), fields);
        Assert.Equal(StatusCodes.Status409Conflict, step.StatusCode);
        Assert.Equal("step", step.ProblemDetails.Extensions["field"]);
        Assert.Equal(StatusCodes.Status400BadRequest, Answer(new DomainException("Not a date.", "heldOn"), fields).StatusCode);
    }

    [Fact]
    public void A_concurrent_change_is_a_409_asking_to_reload_in_the_requests_language()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            var answer = Answer(new ConcurrentChangeException("incident"));

            Assert.Equal(StatusCodes.Status409Conflict, answer.StatusCode);
            Assert.Equal("Modifié entre-temps", answer.ProblemDetails.Title);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Too_many_alerts_is_a_429_with_retry_after()
    {
        var http = new DefaultHttpContext();

        var answer = Answer(new AlertRateLimitedException(DomainMessages.AlertHourlyCap.With(10, 10), TimeSpan.FromSeconds(89.2)), http: http);

        Assert.Equal(StatusCodes.Status429TooManyRequests, answer.StatusCode);
        Assert.Equal("90", http.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public void An_exception_that_is_no_refusal_is_left_to_the_500_answer() =>
        Assert.Null(ProblemMapping.Answer(new InvalidOperationException("bug"), new DefaultHttpContext()));

    [Theory]
    [InlineData("$.networkIds[2]", "networkIds")]
    [InlineData("$.geometry.coordinates", "geometry")]
    [InlineData("$.lat", "lat")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void A_json_path_names_the_top_level_field(string? path, string field) =>
        Assert.Equal(field, ProblemMapping.FieldOf(path));
}
