using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Feedback;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Features.Members;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Testing;
using Bunit;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Tests.Map;

/// <summary>
/// Open map pages on a running dashboard: a new incident reaches the board and the markers by reading that incident,
/// never the list of open incidents again, however many maps are open.
/// </summary>
public class MapPageLiveTests : BunitContext, IClassFixture<HostFixture>
{
    private readonly HostFixture _host;
    private readonly CountingStore _reads;

    /// <summary>The dashboard's own reads, counted.</summary>
    private sealed class CountingStore(IMapLiveStore inner) : IMapLiveStore
    {
        public int OpenListReads;
        public readonly ConcurrentQueue<Guid[]> IncidentReads = new();

        public Task<IReadOnlyList<IncidentView>> OpenIncidentsAsync(int limit, CancellationToken ct)
        {
            Interlocked.Increment(ref OpenListReads);
            return inner.OpenIncidentsAsync(limit, ct);
        }

        public Task<IReadOnlyList<IncidentView>> IncidentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        {
            IncidentReads.Enqueue([.. ids]);
            return inner.IncidentsAsync(ids, ct);
        }

        public Task<IReadOnlyList<OpenAlert>> AlertsOfAsync(IReadOnlyCollection<Guid> incidentIds, CancellationToken ct) => inner.AlertsOfAsync(incidentIds, ct);

        public Task<IReadOnlyList<AlertProgressReader.Row>> ProgressAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct) => inner.ProgressAsync(alertIds, ct);
    }

    public MapPageLiveTests(HostFixture host)
    {
        _host = host;
        _reads = new CountingStore(host.App.Service<IMapLiveStore>());
        var state = new MapLiveState(_reads, host.App.Service<LiveFeed>(), NullLogger<MapLiveState>.Instance);
        Services.AddSingleton(state);
        Services.AddSingleton(host.App.Service<IDocumentStore>());
        Services.AddSingleton(host.App.Service<AlertProgressReader>());
        Services.AddSingleton(host.App.Service<Bin.Dashboard.Features.Incidents.ConsolePreferences>());
        Services.AddSingleton(host.App.Service<AlertProgressReader>());
        Services.AddSingleton(host.App.Service<LiveFeed>());
        Services.AddSingleton(host.App.Service<NetworkDirectory>());
        Services.AddSingleton(host.App.Service<IMemberDirectory>());
        Services.AddSingleton(host.App.Service<IFeedbackScheduling>());
        Services.AddSingleton(host.App.Service<IOptions<MapOptions>>());
        Services.AddSingleton(host.App.Service<TimeProvider>());
        Services.AddSingleton(host.App.Service<IncidentCommands>());
        JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = AddAuthorization();
        auth.SetAuthorized("dispatcher");
        auth.SetRoles("dispatcher");
    }

    [Fact]
    public async Task Three_open_maps_show_a_new_incident_after_one_read_of_that_incident_and_no_reload_of_the_open_list()
    {
        var maps = Enumerable.Range(0, 3).Select(_ => Render<MapPage>()).ToList();
        foreach (var map in maps) map.WaitForElement("[data-testid=incident-board]");
        var listReadsBefore = _reads.OpenListReads;

        var officer = await _host.App.ClientForAsync("officer");
        var response = await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Live op drie kaarten" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var map in maps)
            map.WaitForAssertion(() => Assert.Single(map.FindAll($"[data-testid=board-row][data-incident='{id}']")));
        Assert.Equal(1, listReadsBefore);
        Assert.Equal(listReadsBefore, _reads.OpenListReads);
        Assert.Single(_reads.IncidentReads, ids => ids.Contains(id));
    }
}
