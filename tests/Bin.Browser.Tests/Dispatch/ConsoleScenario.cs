using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Networks;
using Bin.Testing;
using Marten;

namespace Bin.Browser.Tests.Dispatch;

/// <summary>Incidents recorded through the API, each test in a network of its own so their markers never overlap by accident.</summary>
internal sealed class ConsoleScenario(BrowserHost host)
{
    /// <summary>A point well inside the named network (its interior point).</summary>
    public async Task<(double Lat, double Lon)> InsideAsync(string network)
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        var view = (await session.Query<NetworkView>().ToListAsync()).Single(n => n.Name == network);
        var point = view.Boundary.InteriorPoint;
        return (point.Y, point.X);
    }

    /// <summary>An API client of the Kestrel host (the browser's), signed in as the officer with a bearer token.</summary>
    private async Task<HttpClient> OfficerAsync()
    {
        var client = new HttpClient { BaseAddress = host.BaseUrl };
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { username = "officer", password = BrowserFixture.DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    public async Task<Guid> ReportAsync((double Lat, double Lon) at, string description, string category = "burglary")
    {
        using var officer = await OfficerAsync();
        var response = await officer.PostAsJsonAsync("/api/incidents", new { lat = at.Lat, lon = at.Lon, category, description });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The incident as stored (its read model), whatever the API's representation.</summary>
    public async Task<IncidentView> IncidentAsync(Guid id)
    {
        await using var session = host.App.Service<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<IncidentView>(id))!;
    }
}
