using Microsoft.AspNetCore.Http.Json;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// The HTTP API's contract machinery: problem details with <see cref="ProblemMapping"/> for every refusal, request
/// bodies bound to typed records (times through <see cref="IsoTime"/>), DataAnnotations checked by the framework's
/// minimal-API validation, and the OpenAPI document (<see cref="ApiDocs"/>).
/// </summary>
public static class HttpRegistration
{
    public static IServiceCollection AddBinHttp(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemMapping.Customize);
        services.AddExceptionHandler<ProblemMapping>();
        // A body that does not bind is thrown rather than answered with a bare 400, so ProblemMapping names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new IsoTimeJsonConverter()));
        services.AddValidation();
        services.AddBinApiDocs();
        return services;
    }
}
