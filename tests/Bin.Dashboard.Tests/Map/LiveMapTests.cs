using System.Text.Json;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Features.Networks;
using Bin.Domain.Networks;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace Bin.Dashboard.Tests.Map;

/// <summary>LiveMap draws nothing itself: it hands its parameters to its collocated Leaflet module.</summary>
public class LiveMapTests : BunitContext
{
    private readonly BunitJSModuleInterop _module;

    public LiveMapTests()
    {
        // Strict: any JS call the component makes that is not set up here fails the test.
        // SetVoidResult completes each call, as the browser would; unanswered calls would stay pending.
        JSInterop.Mode = JSRuntimeMode.Strict;
        _module = JSInterop.SetupModule("./Features/Map/LiveMap.razor.js");
        _module.SetupVoid("init", _ => true).SetVoidResult();
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("dispose", _ => true).SetVoidResult();
        Services.AddSingleton(Options.Create(new MapOptions { TileUrl = "" }));
    }

    [Fact]
    public void The_map_hands_the_seven_Lommel_networks_to_its_module_as_closed_lat_lon_rings()
    {
        var seed = LommelSeed();
        var networks = NetworkPalette.ToMap(seed, status => status, new Dictionary<Guid, int>());

        Render<LiveMap>(p => p.Add(m => m.Networks, networks));

        var init = Assert.Single(_module.Invocations["init"]);
        Assert.Equal("", Assert.IsType<MapClientOptions>(init.Arguments[1]).TileUrl);
        var call = Assert.Single(_module.Invocations["update"]);
        Assert.IsType<ElementReference>(call.Arguments[0]);
        var sent = Assert.IsAssignableFrom<IReadOnlyList<MapNetwork>>(Assert.Single(_module.Sent("networks")));
        Assert.Same(networks, sent);

        Assert.Equal(["Kerkplein", "Leuken", "Molle Hoeven", "Parelstrand", "Servaesdreef", "Slachthuis", "West Kei"], sent.Select(n => n.Name));
        Assert.Equal(7, sent.Select(n => n.Colour).Distinct().Count());
        Assert.All(sent, n => Assert.Matches("^#[0-9A-F]{6}$", n.Colour));
        foreach (var network in sent)
        {
            var boundary = seed.Single(v => v.Id == network.Id).Boundary;
            var outline = Assert.Single(network.Rings);
            // [latitude, longitude], point for point: Leaflet's order, not GeoJSON's.
            Assert.Equal(boundary.ExteriorRing.Coordinates.Select(c => new[] { c.Y, c.X }), outline);
            Assert.Equal(outline[0], outline[^1]);
            Assert.All(outline, point => Assert.InRange(point[0], 51.1, 51.4));
            Assert.All(outline, point => Assert.InRange(point[1], 5.1, 5.5));
        }
    }

    [Fact]
    public void The_module_gets_the_heading_of_a_cluster_list_in_the_users_language()
    {
        Render<LiveMap>(p => p.Add(m => m.Networks, []));

        var options = Assert.IsType<MapClientOptions>(Assert.Single(_module.Invocations["init"]).Arguments[1]);
        Assert.Equal("{0} meldingen op deze plaats", options.ClusterTitle);
    }

    [Fact]
    public void The_module_receives_the_names_the_script_reads()
    {
        var networks = NetworkPalette.ToMap(LommelSeed().Take(1), status => status, new Dictionary<Guid, int>());

        Render<LiveMap>(p => p.Add(m => m.Networks, networks));

        // Blazor serialises interop arguments with web (camelCase) names; LiveMap.razor.js reads these.
        var sent = _module.Sent("networks").Single();
        var json = JsonSerializer.SerializeToElement(sent, new JsonSerializerOptions(JsonSerializerDefaults.Web))[0];
        Assert.Equal(["id", "name", "status", "indicative", "memberCount", "colour", "rings", "founding"], json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Re_rendering_with_the_same_list_sends_nothing_and_a_new_list_is_sent()
    {
        var networks = NetworkPalette.ToMap(LommelSeed(), status => status, new Dictionary<Guid, int>());
        var map = Render<LiveMap>(p => p.Add(m => m.Networks, networks));

        map.Render(p => p.Add(m => m.Networks, networks));
        Assert.Single(_module.Sent("networks"));

        var fewer = networks.Skip(1).ToList();
        map.Render(p => p.Add(m => m.Networks, fewer));
        Assert.Equal(2, _module.Sent("networks").Count);
        Assert.Same(fewer, _module.Sent("networks")[^1]);
        Assert.Single(_module.Invocations["init"]);
    }

    [Fact]
    public void A_render_that_changes_several_things_sends_them_in_one_call_without_what_stayed_the_same()
    {
        var networks = NetworkPalette.ToMap(LommelSeed(), status => status, new Dictionary<Guid, int>());
        var map = Render<LiveMap>(p => p.Add(m => m.Networks, networks));
        var incident = new MapIncident(Guid.NewGuid(), 51.2307, 5.3135, "burglary", "#B00020", "!", "Reported", "Inbraak");
        var kerkplein = networks[0].Id;

        map.Render(p => p.Add(m => m.Networks, networks).Add(m => m.Incidents, [incident])
            .Add(m => m.Highlights, new MapHighlights(incident.Id, [kerkplein], [kerkplein]))
            .Add(m => m.Pin, new MapPoint(51.23, 5.31)));

        Assert.Equal(2, _module.Invocations["update"].Count);
        var changes = (IReadOnlyDictionary<string, object?>)_module.Invocations["update"][^1].Arguments[1]!;
        Assert.Equal(["highlights", "pin"], changes.Keys);
    }

    [Fact]
    public async Task The_badges_come_with_the_render_itself_and_new_ones_render_the_map_alone_without_a_call()
    {
        var networks = NetworkPalette.ToMap(LommelSeed(), status => status, new Dictionary<Guid, int>());
        var kerkplein = networks[0].Id;
        var first = new MapBadges(new Dictionary<Guid, string> { [kerkplein] = "✓ 0/20" }, new Dictionary<Guid, string> { [kerkplein] = "Inbraak: ✓ 0/20" });
        var map = Render<LiveMap>(p => p.Add(m => m.Networks, networks).Add(m => m.Badges, first));
        var calls = _module.Invocations["update"].Count;
        string Texts() => JsonDocument.Parse(map.Find("[data-testid=live-map]").GetAttribute("data-badges")!).RootElement
            .GetProperty("texts").GetProperty(kerkplein.ToString()).GetString()!;
        Assert.Equal("✓ 0/20", Texts());

        var renders = map.RenderCount;
        var next = new MapBadges(new Dictionary<Guid, string> { [kerkplein] = "✓ 1/20" }, new Dictionary<Guid, string> { [kerkplein] = "Inbraak: ✓ 1/20" });
        await map.InvokeAsync(() => map.Instance.ShowBadges(next));
        Assert.Equal("✓ 1/20", Texts());
        Assert.Equal(renders + 1, map.RenderCount);
        // The same texts again (a new instance, as a new snapshot makes): nothing to render.
        await map.InvokeAsync(() => map.Instance.ShowBadges(next with { }));
        Assert.Equal(renders + 1, map.RenderCount);
        // The parent renders again with the badges it passed before: those shown stay.
        map.Render(p => p.Add(m => m.Networks, networks).Add(m => m.Badges, first));
        Assert.Equal("✓ 1/20", Texts());
        Assert.Equal(calls, _module.Invocations["update"].Count);
    }

    [Fact]
    public void The_incidents_come_with_the_render_itself_a_marker_per_element_oldest_first_in_the_names_the_module_reads_and_no_call_is_made_for_them()
    {
        var networks = NetworkPalette.ToMap(LommelSeed(), status => status, new Dictionary<Guid, int>());
        var map = Render<LiveMap>(p => p.Add(m => m.Networks, networks));
        var older = new MapIncident(Guid.NewGuid(), 51.2307, 5.3135, "burglary", "#B00020", "!", "Reported", "Inbraak: <script>");
        var newer = older with { Id = Guid.NewGuid(), Label = "Inbraak: later" };
        var calls = _module.Invocations["update"].Count;

        // Given newest first, as the map page does.
        map.Render(p => p.Add(m => m.Networks, networks).Add(m => m.Incidents, [newer, older]));

        Assert.Equal(calls, _module.Invocations["update"].Count);
        var sent = map.FindAll("[data-testid=map-markers] [data-marker]").Select(e => JsonDocument.Parse(e.GetAttribute("data-marker")!).RootElement).ToList();
        Assert.Equal([older.Id, newer.Id], sent.Select(m => m.GetProperty("id").GetGuid()));
        Assert.Equal(["id", "latitude", "longitude", "category", "colour", "glyph", "status", "label"], sent[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Inbraak: <script>", sent[0].GetProperty("label").GetString());
        Assert.True(map.Find("[data-testid=map-markers]").HasAttribute("hidden"));
    }

    [Fact]
    public void Drawing_mode_and_pin_are_sent_only_when_set_and_a_new_drawing_restarts_it()
    {
        var networks = NetworkPalette.ToMap(LommelSeed(), status => status, new Dictionary<Guid, int>());
        var map = Render<LiveMap>(p => p.Add(m => m.Networks, networks));
        Assert.Empty(_module.Sent("drawing"));
        Assert.Empty(_module.Sent("pin"));

        var drawing = MapDrawing.New();
        map.Render(p => p.Add(m => m.Networks, networks).Add(m => m.Drawing, drawing).Add(m => m.Pin, new MapPoint(51.2307, 5.3135)));
        map.Render(p => p.Add(m => m.Networks, networks).Add(m => m.Drawing, drawing).Add(m => m.Pin, new MapPoint(51.2307, 5.3135)));
        map.Render(p => p.Add(m => m.Networks, networks).Add(m => m.Drawing, MapDrawing.New()).Add(m => m.Pin, new MapPoint(51.2307, 5.3135)));

        Assert.Equal(2, _module.Sent("drawing").Count);
        Assert.Same(drawing, _module.Sent("drawing")[0]);
        Assert.Equal(new MapPoint(51.2307, 5.3135), Assert.Single(_module.Sent("pin")));
    }

    [Fact]
    public async Task A_drawn_shape_reaches_the_page_as_lat_lon_points()
    {
        double[][]? received = null;
        var map = Render<LiveMap>(p => p.Add(m => m.Networks, []).Add(m => m.OnShapeDrawn, ring => received = ring));

        await map.InvokeAsync(() => map.Instance.ShapeDrawn([[51.20, 5.22], [51.20, 5.23], [51.21, 5.23]]));

        Assert.Equal([51.20, 5.22], received![0]);
        Assert.Equal(3, received.Length);
    }

    /// <summary>The seed file's networks as the read model holds them.</summary>
    private static IReadOnlyList<NetworkView> LommelSeed() =>
        NetworkSeed.Read(Path.Combine(AppContext.BaseDirectory, NetworkSeed.SeedFile))
            .Select(f => new NetworkView
            {
                Id = Guid.Parse(f.Attributes["id"].ToString()!),
                Name = f.Attributes["name"].ToString()!,
                Status = Enum.Parse<NetworkStatus>(f.Attributes["status"].ToString()!),
                Indicative = true,
                Boundary = (Polygon)f.Geometry,
            })
            .ToList();
}
