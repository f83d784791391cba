using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Alerts.Progress;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Features.Networks;
using Bin.Dashboard.Infrastructure.LiveFeed;
using Bin.Testing;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bin.Dashboard.Tests.Map;

/// <summary>
/// Open map pages on a running dashboard: a new incident reaches the board and the markers by reading that incident,
/// never the list of open incidents again, however many maps are open.
/// </summary>
public class MapPageLiveTests : BunitContext, IClassFixture<HostFixture>
{
    private readonly HostFixture _host;
    private readonly CountingStore _reads;
    private readonly MapLiveState _state;

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

        /// <summary>When set, what the progress read returns instead of the summary's rows.</summary>
        public Func<IReadOnlyList<AlertProgressReader.Row>, IReadOnlyList<AlertProgressReader.Row>>? ProgressOverride;

        public async Task<IReadOnlyList<AlertProgressReader.Row>> ProgressAsync(IReadOnlyCollection<Guid> alertIds, CancellationToken ct)
        {
            var rows = await inner.ProgressAsync(alertIds, ct);
            return ProgressOverride is { } change ? change(rows) : rows;
        }
    }

    public MapPageLiveTests(HostFixture host)
    {
        _host = host;
        _reads = new CountingStore(host.App.Service<IMapLiveStore>());
        _state = new MapLiveState(_reads, host.App.Service<LiveFeed>(), NullLogger<MapLiveState>.Instance, TimeProvider.System);
        Services.AddSingleton(_state);
        MapPageServices.Add(Services, host.App);
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
        // The board shows before the node's map state has loaded (its worker starts on the thread pool): wait for the load.
        await _state.CurrentAsync(default);
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

    /// <summary>Counts what the page asks; bUnit's own service answers.</summary>
    private sealed class CountingAuthorization(IAuthorizationService inner) : IAuthorizationService
    {
        public int Asked;

        public Task<AuthorizationResult> AuthorizeAsync(System.Security.Claims.ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements)
        {
            Interlocked.Increment(ref Asked);
            return inner.AuthorizeAsync(user, resource, requirements);
        }

        public Task<AuthorizationResult> AuthorizeAsync(System.Security.Claims.ClaimsPrincipal user, object? resource, string policyName)
        {
            Interlocked.Increment(ref Asked);
            return inner.AuthorizeAsync(user, resource, policyName);
        }
    }

    [Fact]
    public async Task A_new_incident_renders_the_console_without_asking_the_users_rights_again_and_those_rights_show_what_it_offers()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("dispatcher");
        auth.SetRoles("dispatcher");
        auth.SetPolicies(Infrastructure.Auth.Policies.Dispatch);
        var registered = Services.Last(d => d.ServiceType == typeof(IAuthorizationService));
        var counting = new CountingAuthorization(registered.ImplementationInstance as IAuthorizationService
            ?? (IAuthorizationService)(registered.ImplementationFactory?.Invoke(Services.GetRequiredService<IServiceProvider>())
                ?? ActivatorUtilities.CreateInstance(Services.GetRequiredService<IServiceProvider>(), registered.ImplementationType!)));
        Services.AddSingleton<IAuthorizationService>(counting);
        // A dispatcher's console has the intake form.
        Services.AddSingleton(_host.App.Service<IIncidentIntake>());
        Services.AddSingleton<Features.Addresses.IAddressFinder>(new Addresses.FakeAddressFinder());
        var map = Render<MapPage>();
        map.WaitForElement("[data-testid=incident-board]");
        await _state.CurrentAsync(default);
        map.WaitForElement("[data-testid=intake-toggle]");
        var asked = counting.Asked;
        Assert.True(asked > 0);

        var officer = await _host.App.ClientForAsync("officer");
        var response = await officer.PostAsJsonAsync("/api/incidents", new { lat = 51.2307, lon = 5.3135, category = "burglary", description = "Zonder opnieuw te vragen" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        map.WaitForAssertion(() => Assert.Single(map.FindAll($"[data-testid=board-row][data-incident='{id}']")));
        Assert.Equal(asked, counting.Asked);
        Assert.Single(map.FindAll("[data-testid=intake-toggle]"));

        // Opened, the incident offers what the dispatch policy allows (verify, close) and not the alert composer, which
        // this user's policies do not include.
        map.Find($"[data-testid=board-row][data-incident='{id}']").Click();
        map.WaitForElement("[data-testid=selected-incident]");
        Assert.Contains(map.FindAll("[data-testid=selected-incident] .actions button"), b => b.TextContent == "Verifiëren");
        Assert.Empty(map.FindAll("[data-testid=open-composer]"));
    }

    [Fact]
    public async Task Progress_that_leaves_the_badge_as_it_was_sends_the_map_nothing_and_an_acknowledgement_renders_the_map_alone_once()
    {
        var scenario = new Alerts.AlertScenario(_host.App);
        var issued = await scenario.AlertAsync(await scenario.IncidentAsync(), NetworkSeed.KerkpleinId);
        // Settled: every tip handed over and reported delivered or failed, so the simulator changes nothing any more.
        var final = await scenario.WaitForAsync(issued.AlertId, p => p.Sum(x => x.Queued) == 0 && p.Sum(x => x.Sent) == p.Sum(x => x.Delivered));
        var module = JSInterop.SetupModule("./Features/Map/LiveMap.razor.js");
        var map = Render<MapPage>();
        // The map is there once the page has read its networks and incidents.
        map.WaitForElement("[data-testid=live-map]");
        var liveMap = map.FindComponent<LiveMap>();
        int Sent() => liveMap.RenderCount;
        // The badges travel in the map's render, as its data-badges.
        string KerkpleinBadge() => System.Text.Json.JsonDocument.Parse(map.Find("[data-testid=live-map]").GetAttribute("data-badges")!).RootElement
            .GetProperty("texts").TryGetProperty(NetworkSeed.KerkpleinId.ToString(), out var text) ? text.GetString()! : "";
        string Expected() => NetworkBadges.For(_state.Current.Alerts, _state.Current.Progress, new Infrastructure.Auth.NetworkScope(true, new HashSet<Guid>()))
            .GetValueOrDefault(NetworkSeed.KerkpleinId)?.Text ?? "";
        Assert.True(await Eventually.WithinAsync(() => Task.FromResult(_state.Current.Progress.TryGetValue(issued.AlertId, out var p)
            && p.Sum(x => x.Delivered) == final.Sum(x => x.Delivered) && p.Sum(x => x.Failed) == final.Sum(x => x.Failed)), TimeSpan.FromSeconds(10)),
            "the map state never caught up with the settled alert");
        // Badges reach the map without a render of the page, so waits on them poll the map's markup (on the renderer's thread).
        Assert.True(await Eventually.WithinAsync(async () => await map.InvokeAsync(() => Expected() == KerkpleinBadge()), TimeSpan.FromSeconds(10)),
            "the map never showed the settled badge");
        var acknowledged = _state.Current.Progress[issued.AlertId].Sum(p => p.Acknowledged);
        var before = await map.InvokeAsync(Sent);
        // The board renders whenever the page does (it is given a new callback each time).
        var board = map.FindComponent<IncidentBoard>();
        var pageRenders = board.RenderCount;
        var feed = _host.App.Service<LiveFeed>();

        // One more delivery report: the counts change, the badge ("✓ acknowledged/recipients", failures) does not.
        _reads.ProgressOverride = rows => rows.Select(r => r.AlertId == issued.AlertId
            ? r with { Progress = r.Progress with { Delivered = r.Progress.Delivered + 1 } } : r).ToList();
        var delivered = _state.Current.Progress[issued.AlertId].Sum(p => p.Delivered) + 1;
        feed.RaiseProgressChanged([issued.AlertId]);
        Assert.True(await Eventually.WithinAsync(() => Task.FromResult(_state.Current.Progress[issued.AlertId].Sum(p => p.Delivered) >= delivered),
            TimeSpan.FromSeconds(10)), "the map state never read the delivery");

        // Then an acknowledgement: the badge changes and the map renders, once; the page does not. The map page handles
        // changes in order, so the delivery's turn has passed by the time this one is seen.
        _reads.ProgressOverride = rows => rows.Select(r => r.AlertId == issued.AlertId && r.Progress.NetworkId == NetworkSeed.KerkpleinId
            ? r with { Progress = r.Progress with { Delivered = r.Progress.Delivered + 1, Acknowledged = r.Progress.Acknowledged + 1 } } : r).ToList();
        feed.RaiseProgressChanged([issued.AlertId]);
        Assert.True(await Eventually.WithinAsync(async () => (await map.InvokeAsync(KerkpleinBadge)).StartsWith($"✓ {acknowledged + 1}/"),
            TimeSpan.FromSeconds(10)), "the acknowledgement never reached the map");
        Assert.Equal(before + 1, await map.InvokeAsync(Sent));
        Assert.Equal(pageRenders, board.RenderCount);
        Assert.Empty(module.Sent("badges"));
    }
}
