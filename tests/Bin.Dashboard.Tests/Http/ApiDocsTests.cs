using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.Http;
using Bin.Testing;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Http;

/// <summary>The OpenAPI document at /openapi/v1.json and its Scalar page at /api/docs (open in Development).</summary>
public partial class ApiDocsTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Every_api_endpoint_the_app_maps_is_in_the_document()
    {
        var document = await DocumentAsync(host.App.CreateClient());
        var described = new HashSet<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                described.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");

        var mapped = ApiEndpoints(host.App.Services).ToList();
        var missing = mapped.Except(described).Order().ToList();

        Assert.True(mapped.Count > 50, $"only {mapped.Count} API endpoints found");
        Assert.True(missing.Count == 0, "Endpoints missing from /openapi/v1.json:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public async Task Operations_describe_their_request_their_answer_and_their_problems()
    {
        var paths = (await DocumentAsync(host.App.CreateClient())).GetProperty("paths");

        var report = paths.GetProperty("/api/incidents").GetProperty("post");
        var schema = report.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("properties", out _), schema.ToString());
        Assert.True(report.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(report.GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(report.GetProperty("responses").TryGetProperty("401", out _), "signed-in endpoints list 401");

        var close = paths.GetProperty("/api/incidents/{id}/close").GetProperty("post").GetProperty("responses");
        Assert.True(close.TryGetProperty("409", out _));
        Assert.True(close.TryGetProperty("404", out _));
    }

    [Fact]
    public async Task The_scalar_page_runs_under_the_content_security_policy_from_its_own_files()
    {
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });

        var response = await client.GetAsync(ApiDocs.PagePath + "/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(csp, "'nonce-([0-9a-f]+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        // Every script element is either the package's own file or carries this response's nonce; none from elsewhere.
        foreach (Match script in Regex.Matches(html, "<script[^>]*>"))
        {
            var src = Regex.Match(script.Value, "src=\"([^\"]+)\"");
            Assert.True(src.Success ? !src.Groups[1].Value.Contains("//") : script.Value.Contains($"nonce=\"{nonce}\""), script.Value);
            if (src.Success)
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(new Uri(client.BaseAddress!, ApiDocs.PagePath + "/"), src.Groups[1].Value))).StatusCode);
        }
        // Scalar resolves the document against the site root: "openapi/v1.json" is /openapi/v1.json.
        Assert.True(html.Contains(ApiDocs.DocumentPath.TrimStart('/'), StringComparison.Ordinal), html);
    }

    private static async Task<JsonElement> DocumentAsync(HttpClient client)
    {
        var response = await client.GetAsync(ApiDocs.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>"METHOD /path" of every HTTP API endpoint (under /api/ and the SMS webhooks), route constraints left out as OpenAPI writes them.</summary>
    internal static IEnumerable<string> ApiEndpoints(IServiceProvider services)
    {
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!(route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/sms/", StringComparison.Ordinal))
                || route.StartsWith(ApiDocs.PagePath, StringComparison.Ordinal)
                || endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || endpoint.Metadata.GetMetadata<HubMetadata>() is not null)
                continue;
            var path = Constraint().Replace(route, "{${name}}");
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                if (method != HttpMethods.Head) yield return $"{method} {path}";
        }
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*|\?)?\}")]
    private static partial Regex Constraint();
}

/// <summary>The dashboard as Production runs it: the document and its page are for administrators only.</summary>
public sealed class ProductionDocsFixture : IAsyncLifetime
{
    public BinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await BinAppFactory.StartAsync(new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["Security:EnforceHttps"] = "false",
        ["DataProtection:AllowUnencryptedKeys"] = "true",
        ["Auth:RequireMfaForRoles"] = "",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class ProductionApiDocsTests(ProductionDocsFixture host) : IClassFixture<ProductionDocsFixture>
{
    [Theory]
    [InlineData(ApiDocs.DocumentPath)]
    [InlineData(ApiDocs.PagePath + "/")]
    public async Task Only_administrators_read_the_document_and_its_page(string path)
    {
        var anonymous = await host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);
        var dispatcher = await ClientAsync(Roles.Dispatcher);
        var chief = await ClientAsync(Roles.Chief);
        var admin = await ClientAsync(Roles.Admin);

        Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized
                    || (anonymous.StatusCode == HttpStatusCode.Redirect && anonymous.Headers.Location!.OriginalString.Contains("/login")),
            $"anonymous: {(int)anonymous.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
    }

    private async Task<HttpClient> ClientAsync(string role)
    {
        var name = $"docs-{role}-{Guid.NewGuid():N}"[..20];
        const string password = "correct horse battery";
        await host.App.Service<AccountProvisioning>().CreateOrUpdateAsync(name, "Docs " + role, password, [role], [], default);
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.App.TokenForAsync(name, password));
        return client;
    }
}
