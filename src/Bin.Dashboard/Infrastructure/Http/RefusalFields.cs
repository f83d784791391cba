namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// Endpoint metadata for <see cref="ProblemMapping"/>: the refusal fields that mean, on this endpoint, "no such thing"
/// (404: an unknown alert of a feedback route) or "not possible in this state" (409: a founding step out of order).
/// Everything else follows the one rule (a field → 400, none → 409).
/// </summary>
public sealed record RefusalFields(IReadOnlySet<string> NotFound, IReadOnlySet<string> Conflict)
{
    public static readonly RefusalFields None = new(new HashSet<string>(), new HashSet<string>());
}

public static class RefusalFieldsExtensions
{
    public static TBuilder AnswersNotFoundFor<TBuilder>(this TBuilder builder, params string[] fields) where TBuilder : IEndpointConventionBuilder =>
        builder.Add(fields, conflict: false);

    public static TBuilder AnswersConflictFor<TBuilder>(this TBuilder builder, params string[] fields) where TBuilder : IEndpointConventionBuilder =>
        builder.Add(fields, conflict: true);

    private static TBuilder Add<TBuilder>(this TBuilder builder, string[] fields, bool conflict) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var current = endpoint.Metadata.OfType<RefusalFields>().LastOrDefault() ?? RefusalFields.None;
            endpoint.Metadata.Add(conflict
                ? current with { Conflict = new HashSet<string>(current.Conflict.Concat(fields)) }
                : current with { NotFound = new HashSet<string>(current.NotFound.Concat(fields)) });
        });
        return builder;
    }
}
