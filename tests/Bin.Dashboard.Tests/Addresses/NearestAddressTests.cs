using Bin.Dashboard.Features.Addresses;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.EventStore;
using Bin.Domain.Addresses;
using Bin.Domain.Geometry;
using Bin.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bin.Dashboard.Tests.Addresses;

/// <summary>The address offered for a point on the map, against the demo set in PostgreSQL.</summary>
public class NearestAddressTests(HostFixture host) : IClassFixture<HostFixture>
{
    private async Task<IReadOnlyList<(string Label, double Lat, double Lon)>> AllAddressesAsync()
    {
        var schema = host.App.Service<IOptions<EventStoreOptions>>().Value.Schema;
        await using var connection = new NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT street, number, box, postcode, municipality, lat, lon FROM {schema}.{AddressTable.Name}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var all = new List<(string, double, double)>();
        while (await reader.ReadAsync())
            all.Add((AddressText.Label(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4)),
                reader.GetDouble(5), reader.GetDouble(6)));
        return all;
    }

    [Fact]
    public async Task A_point_near_houses_is_offered_the_nearest_of_them_and_a_point_far_from_every_house_none()
    {
        var index = host.App.Service<LocalAddressIndex>();
        var all = await AllAddressesAsync();
        Assert.True(all.Count > 20, "the demo set is seeded");

        // Points a few metres to some side of every tenth address: the index answers what a look at every address does.
        var asked = 0;
        for (var i = 0; i < all.Count; i += 10)
        {
            var (lat, lon) = (all[i].Lat + 0.00012 * ((i % 3) - 1), all[i].Lon + 0.00018 * ((i % 5) - 2));
            var expected = all.Select(a => (a.Label, Metres: ServiceArea.DistanceMetres(lat, lon, a.Lat, a.Lon))).MinBy(a => a.Metres);
            var found = await index.NearestAsync(lat, lon, IncidentIntake.NearbyMetres, default);
            if (expected.Metres > IncidentIntake.NearbyMetres) Assert.Null(found);
            else
            {
                Assert.NotNull(found);
                Assert.Equal(expected.Metres, found.Metres, 6);
                // Addresses of one building (boxes) share a point: any of them is the nearest.
                Assert.Contains(found.Address.Label, all.Where(a => Math.Abs(ServiceArea.DistanceMetres(lat, lon, a.Lat, a.Lon) - found.Metres) < 1e-6).Select(a => a.Label));
                asked++;
            }
        }
        Assert.True(asked > 2, "some points lay near an address");

        // A kilometre north of the northernmost address, nothing is near.
        var north = all.MaxBy(a => a.Lat);
        Assert.Null(await index.NearestAsync(north.Lat + 0.009, north.Lon, IncidentIntake.NearbyMetres, default));
    }

    [Fact]
    public async Task An_address_just_beyond_the_distance_is_not_offered_and_just_within_it_is()
    {
        var index = host.App.Service<LocalAddressIndex>();
        var all = await AllAddressesAsync();
        // The northernmost address: nothing lies north of it to be nearer.
        var north = all.MaxBy(a => a.Lat);
        const double MetresPerDegree = 111_195;
        var within = await index.NearestAsync(north.Lat + 39 / MetresPerDegree, north.Lon, 40, default);
        var beyond = await index.NearestAsync(north.Lat + 41 / MetresPerDegree, north.Lon, 40, default);

        Assert.NotNull(within);
        Assert.Contains(within.Address.Label, all.Where(a => a.Lat == north.Lat && a.Lon == north.Lon).Select(a => a.Label));
        Assert.InRange(within.Metres, 38.5, 39.5);
        Assert.Null(beyond);
    }
}
