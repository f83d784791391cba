using System.Net;
using System.Net.Http.Json;
using Bin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Addresses;

/// <summary>
/// The registry's online service, played by a fake on loopback that answers as the real one does (its JSON shape), and
/// the dashboard configured to ask it after its own index.
/// </summary>
public class OnlineAddressSourceTests : IAsyncLifetime
{
    private WebApplication _fake = null!;
    private BinAppFactory _app = null!;
    private readonly List<string> _asked = [];
    private volatile bool _failing;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _fake = builder.Build();
        _fake.MapGet("/geolocation/v4/Location", (HttpContext http) =>
        {
            lock (_asked) _asked.Add(http.Request.QueryString.Value ?? "");
            if (_failing) return Results.StatusCode(503);
            return Results.Json(new
            {
                LocationResult = new object[]
                {
                    Result("Hertog Janplein", "50", "3920", "Lommel", 51.2318, 5.3109),
                    // Outside the zone: never shown.
                    Result("Meir", "1", "2000", "Antwerpen", 51.2190, 4.4050),
                    // Also in the local (demo) index: shown once.
                    Result("Hertog Janplein", "1", "3920", "Lommel", 51.2312, 5.3105),
                },
            });
        });
        await _fake.StartAsync();
        var address = _fake.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _app = await BinAppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Addresses:OnlineEnabled"] = "true",
            ["Addresses:OnlineBaseUrl"] = address.TrimEnd('/') + "/geolocation/v4/",
        });
    }

    private static object Result(string street, string number, string postcode, string municipality, double lat, double lon) => new
    {
        Municipality = municipality,
        Zipcode = postcode,
        Thoroughfarename = street,
        Housenumber = number,
        ID = 1,
        FormattedAddress = $"{street} {number}, {postcode} {municipality}",
        Location = new { Lat_WGS84 = lat, Lon_WGS84 = lon, X_Lambert72 = 0.0, Y_Lambert72 = 0.0 },
        LocationType = "crab_huisnummer_afgeleidVanGebouw",
    };

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Online_results_follow_the_local_ones_inside_the_zone_and_each_address_once()
    {
        var dispatcher = await _app.ClientForAsync("dispatcher");

        var features = await AddressFiles.FeaturesAsync(await dispatcher.GetAsync("/api/addresses?q=Hertog%20Janplein&limit=20"));

        var labels = features.Select(AddressFiles.Label).ToList();
        Assert.Equal(9, labels.Count);
        Assert.Equal("Hertog Janplein 50, 3920 Lommel", labels[^1]);
        Assert.False(features[^1].GetProperty("properties").GetProperty("demo").GetBoolean());
        Assert.Single(labels, l => l == "Hertog Janplein 1, 3920 Lommel");
        Assert.DoesNotContain(labels, l => l.Contains("Antwerpen", StringComparison.Ordinal));
        lock (_asked) Assert.Contains("?q=hertog%20janplein&c=20", _asked);
    }

    [Fact]
    public async Task When_the_online_service_fails_the_local_index_still_answers()
    {
        _failing = true;
        try
        {
            var dispatcher = await _app.ClientForAsync("dispatcher");

            var response = await dispatcher.GetAsync("/api/addresses?q=Hertog%20Janplein&limit=20");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var labels = (await AddressFiles.FeaturesAsync(response)).Select(AddressFiles.Label).ToList();
            Assert.Equal(8, labels.Count);
            Assert.DoesNotContain("Hertog Janplein 50, 3920 Lommel", labels);
        }
        finally
        {
            _failing = false;
        }
    }
}
