using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Testing;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Security;

/// <summary>
/// The authorization matrix (Infrastructure/Auth/AuthorizationMatrix.cs) against the running dashboard: every mapped
/// endpoint, page and hub method has a row, and every cell holds for a real request by that principal.
/// </summary>
public partial class AuthorizationMatrixTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly Guid Kerkplein = NetworkSeed.KerkpleinId;
    private static Guid Leuken => SeedNetworks.Leuken;

    /// <summary>The ids a request's route is filled with: one set in Kerkplein (the demo coordinator's), one in Leuken.</summary>
    private sealed record Resources(Guid Network, Guid Incident, Guid Alert, Guid Feedback, Guid Member);

    [Fact]
    public void Every_endpoint_page_and_hub_method_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = MappedKeys();
        var listed = AuthorizationMatrix.Rows.Select(r => r.Endpoint).ToList();

        var missing = mapped.Except(listed).Order().ToList();
        var stale = listed.Except(mapped).Order().ToList();

        Assert.True(missing.Count == 0, "Endpoints missing from AuthorizationMatrix.Rows (add a row for each):\n  " + string.Join("\n  ", missing));
        Assert.True(stale.Count == 0, "Rows of AuthorizationMatrix naming no mapped endpoint:\n  " + string.Join("\n  ", stale));
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public async Task Every_cell_of_the_matrix_holds_for_a_real_request()
    {
        var own = await ResourcesInAsync(Kerkplein);
        var other = await ResourcesInAsync(Leuken);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }) };
        foreach (var user in Roles.All) clients[user] = await host.App.ClientForAsync(user);
        // The account rows address an account of their own: signing the principals' accounts out would end their tokens.
        var created = await clients[Roles.Admin].PostAsJsonAsync("/api/accounts",
            new { userName = MatrixTarget, displayName = "Matrix target", roles = new[] { Roles.Dispatcher }, networkIds = Array.Empty<Guid>(), password = "a long enough passphrase" });
        Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Conflict, $"creating {MatrixTarget}: {(int)created.StatusCode}");

        var failures = new List<string>();
        // Erasing comes last (it removes what other rows address); within a row, the administrator last for the same reason.
        foreach (var row in AuthorizationMatrix.Rows.OrderBy(r => r.Endpoint.StartsWith("DELETE ", StringComparison.Ordinal)))
            foreach (var (principal, expected) in row.Cells.OrderBy(c => c.Principal == "admin"))
            {
                var (user, resources) = principal switch
                {
                    "coordinator of another network" => ("coordinator", other),
                    _ => (principal, own),
                };
                var observed = await ObserveAsync(row.Endpoint, user, clients[user], resources);
                if (!Holds(expected, observed.Access))
                    failures.Add($"{row.Endpoint} as {principal}: expected {expected}, got {observed.Detail}");
            }

        Assert.True(failures.Count == 0, $"{failures.Count} cells of the authorization matrix do not hold:\n  " + string.Join("\n  ", failures));
    }

    private const string MatrixTarget = "matrix.target";

    private static bool Holds(Access expected, Access observed) => expected switch
    {
        Access.Open => observed is Access.Allow or Access.Open,
        Access.Scoped => observed == Access.Allow,
        _ => observed == expected,
    };

    private async Task<(Access Access, string Detail)> ObserveAsync(string endpoint, string user, HttpClient client, Resources resources)
    {
        var space = endpoint.IndexOf(' ');
        var (kind, target) = (endpoint[..space], endpoint[(space + 1)..]);
        if (kind == "HUB") return await ObserveHubAsync(target, user);

        var method = kind == "PAGE" ? HttpMethod.Get : new HttpMethod(kind);
        var path = Fill(target, resources);
        using var request = new HttpRequestMessage(method, path);
        if (path == "/api/auth/token")
            request.Content = JsonContent.Create(new { username = "officer", password = "bin-demo" });
        else if (method != HttpMethod.Get && method != HttpMethod.Delete)
            request.Content = path.StartsWith("/sms/", StringComparison.Ordinal) || path.StartsWith("/account/", StringComparison.Ordinal)
                ? new FormUrlEncodedContent([])
                : JsonContent.Create(new { });
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var access = status switch
        {
            401 => Access.SignIn,
            302 when location.Contains("/login", StringComparison.OrdinalIgnoreCase) && location.Contains("ReturnUrl", StringComparison.OrdinalIgnoreCase) => Access.SignIn,
            403 when path.StartsWith("/sms/", StringComparison.Ordinal) => Access.Signature,
            403 => Access.Deny,
            404 => Access.Hidden,
            _ => Access.Allow,
        };
        return (access, $"{status} {location} ({method} {path})".Trim());
    }

    private async Task<(Access Access, string Detail)> ObserveHubAsync(string target, string user)
    {
        HubConnection connection;
        try
        {
            connection = user == "anonymous" ? await AnonymousHubAsync() : await host.App.HubForAsync(user);
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
        {
            return (Access.SignIn, "401 on connecting");
        }
        await using (connection)
        {
            if (target == LiveHub.Path) return (Access.Allow, "connected");
            var method = target[(target.IndexOf('.') + 1)..];
            try
            {
                // Every hub method of LiveHub takes a sequence number; a new method with other parameters needs a case here.
                await connection.InvokeAsync<JsonElement>(method, 0L);
                return (Access.Allow, "invoked");
            }
            catch (HubException ex)
            {
                return (Access.Deny, ex.Message);
            }
        }
    }

    private async Task<HubConnection> AnonymousHubAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.App.Server.BaseAddress, LiveHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => host.App.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Route parameters filled with the principal's resources (or fixed values for the non-id ones).</summary>
    private static string Fill(string route, Resources r) => RouteParameter().Replace(route, m =>
    {
        var name = m.Groups["name"].Value.ToLowerInvariant();
        return name switch
        {
            "alertid" => r.Alert.ToString(),
            "feedbackid" => r.Feedback.ToString(),
            "networkid" => r.Network.ToString(),
            "step" => "consultation",
            "version" => "1",
            "change" => "suspension",
            "accountid" => "officer",
            "language" => "en",
            "documentname" => "v1",
            "username" => MatrixTarget,
            "id" when route.StartsWith("/api/alert-approvals/", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            "id" when route.StartsWith("/api/incidents/", StringComparison.Ordinal) => r.Incident.ToString(),
            "id" when route.StartsWith("/api/members/", StringComparison.Ordinal) => r.Member.ToString(),
            "id" when route.StartsWith("/api/alerts/", StringComparison.Ordinal) => r.Alert.ToString(),
            "id" when route.Contains("/networks/", StringComparison.Ordinal) => r.Network.ToString(),
            _ => throw new InvalidOperationException($"The matrix test does not know what to put in {{{name}}} of {route}: add it to Fill."),
        };
    });

    /// <summary>An incident, an alert with scheduled feedback, and a member, in <paramref name="network"/>.</summary>
    private async Task<Resources> ResourcesInAsync(Guid network)
    {
        var officer = await host.App.ClientForAsync("officer");
        var (lat, lon) = await PointInAsync(network);
        var reported = await officer.PostAsJsonAsync("/api/incidents", new { lat, lon, category = "burglary", description = "Matrix" });
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var incident = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var alerted = await officer.PostAsJsonAsync($"/api/incidents/{incident}/alerts", new { networkIds = new[] { network }, tipTemplateId = "burglary-lights" });
        Assert.Equal(HttpStatusCode.Accepted, alerted.StatusCode);
        var alert = (await alerted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alertId").GetGuid();
        var scheduled = await officer.PostAsJsonAsync($"/api/alerts/{alert}/feedback", new { templateId = "feedback-nothing-found", afterCloseMinutes = 30 });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var feedback = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feedbackId").GetGuid();
        var admin = await host.App.ClientForAsync("admin");
        var members = (await admin.GetFromJsonAsync<List<GetMembers.Item>>($"/api/networks/{network}/members"))!;
        var member = members.First(m => m.NetworkIds.SequenceEqual([network])).Id;
        return new Resources(network, incident, alert, feedback, member);
    }

    private async Task<(double Lat, double Lon)> PointInAsync(Guid network)
    {
        var resolver = (await host.App.Service<NetworkDirectory>().CurrentAsync()).Resolver;
        for (var lat = 51.18; lat < 51.30; lat += 0.0015)
            for (var lon = 5.22; lon < 5.42; lon += 0.0015)
                if (resolver.Containing(lat, lon) is [var only] && only == network) return (lat, lon);
        throw new InvalidOperationException("No point found inside the network.");
    }

    /// <summary>What the matrix must cover, named as its rows name it.</summary>
    private List<string> MappedKeys()
    {
        var keys = new List<string>();
        foreach (var endpoint in host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText ?? "";
            if (route.Length > 1) route = route.TrimEnd('/');
            if (AuthorizationMatrix.FrameworkRoutes.Any(route.StartsWith) || IsStaticFile(endpoint)) continue;
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null) keys.Add($"PAGE {route}");
            else if (endpoint.Metadata.GetMetadata<HubMetadata>() is not null) keys.Add($"HUB {route.Replace("/negotiate", "")}");
            else
                keys.AddRange((endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    .Where(m => m != HttpMethods.Head).Select(m => $"{m} {route}"));
        }
        keys.AddRange(typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(LiveHub))
            .Select(m => $"HUB {nameof(LiveHub)}.{m.Name}"));
        return keys.Distinct().ToList();
    }

    /// <summary>A file served as it is (a literal route ending in a file name): public by nature.</summary>
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.Parameters.Count == 0 && endpoint.RoutePattern.PathSegments.LastOrDefault() is { } last
        && last.Parts.Count == 1 && last.Parts[0] is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart { Content: var name } && name.Contains('.');

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
