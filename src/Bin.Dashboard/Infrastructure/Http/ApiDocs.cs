using Bin.Dashboard.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>
/// The OpenAPI document of the HTTP API at <c>/openapi/v1.json</c>, browsable with Scalar at <c>/api/docs</c>
/// (its scripts come from the package, none from a CDN). Both are for signed-in administrators, and for anyone in
/// Development. Every operation that needs a signed-in user also lists the 401 and 403 problems.
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api/docs";

    public static IServiceCollection AddBinApiDocs(this IServiceCollection services)
    {
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "BIN Command Dashboard API";
                document.Info.Description = "Errors are application/problem+json (RFC 9457); a 400 names the field at fault under errors. " +
                                            "Times are ISO 8601 with their offset (2026-11-28T21:40:00+01:00 or …Z).";
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
                operation.Responses ??= new OpenApiResponses();
                foreach (var (status, text) in new[] { ("401", "Not signed in"), ("403", "The role may not") })
                    operation.Responses.TryAdd(status, new OpenApiResponse
                    {
                        Description = text,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
                    });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapBinApiDocs(this WebApplication app)
    {
        var document = app.MapOpenApi(DocumentPath);
        var page = app.MapScalarApiReference(PagePath, (o, http) =>
        {
            o.WithOpenApiRoutePattern(DocumentPath).WithTitle("BIN API").DisableDefaultFonts().DisableTelemetry();
            // Scalar's inline start-up script carries the response's CSP nonce (SecurityHeaders).
            o.Nonce = SecurityHeaders.NonceOf(http);
        });
        if (app.Environment.IsDevelopment())
        {
            document.AllowAnonymous();
            page.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization(Policies.Admin);
            page.RequireAuthorization(Policies.Admin);
        }
        return app;
    }
}
