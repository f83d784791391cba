using System.Globalization;
using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Infrastructure.Auth;

namespace Bin.Dashboard.Tests.Map;

public class MapMarkersTests
{
    private static readonly Guid Kerkplein = Guid.NewGuid(), Leuken = Guid.NewGuid();
    private static readonly NetworkScope Zone = new(true, new HashSet<Guid>());

    private static IncidentView Incident(Guid network) =>
        new() { Id = Guid.NewGuid(), Category = "burglary", Description = "Raam ingeslagen", Latitude = 51.23, Longitude = 5.31, NetworkIds = [network] };

    [Fact]
    public void Maps_of_the_whole_zone_share_one_list_of_markers_per_snapshot_and_language_and_a_coordinators_has_its_own_networks()
    {
        var kerkplein = Incident(Kerkplein);
        var leuken = Incident(Leuken);
        var snapshot = new MapSnapshot([kerkplein, leuken], new Dictionary<Guid, IncidentView>(), [], new Dictionary<Guid, IReadOnlyList<NetworkProgress>>());
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");

        var dutch = snapshot.MarkersFor(Zone, snapshot.Incidents);
        Assert.Same(dutch, snapshot.MarkersFor(Zone, snapshot.Incidents));
        Assert.Equal([kerkplein.Id, leuken.Id], dutch.Select(m => m.Id));
        Assert.StartsWith("Inbraak: ", dutch[0].Label);

        var coordinator = new NetworkScope(false, new HashSet<Guid> { Leuken });
        var own = snapshot.MarkersFor(coordinator, [leuken]);
        Assert.Equal([leuken.Id], own.Select(m => m.Id));

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-BE");
        var french = snapshot.MarkersFor(Zone, snapshot.Incidents);
        Assert.NotSame(dutch, french);
        Assert.NotEqual(dutch[0].Label, french[0].Label);

        // A new snapshot (an incident changed) makes its own list.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        var next = snapshot with { Incidents = [leuken] };
        Assert.Equal([leuken.Id], next.MarkersFor(Zone, next.Incidents).Select(m => m.Id));
        Assert.Same(dutch, snapshot.MarkersFor(Zone, snapshot.Incidents));
    }

    [Fact]
    public void A_new_snapshot_keeps_the_markers_of_the_incidents_that_did_not_change_and_makes_one_for_each_that_did()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        var kerkplein = Incident(Kerkplein);
        var leuken = Incident(Leuken);
        var before = new MapSnapshot([kerkplein, leuken], new Dictionary<Guid, IncidentView>(), [], new Dictionary<Guid, IReadOnlyList<NetworkProgress>>());
        var shown = before.MarkersFor(Zone, before.Incidents);

        // A new incident arrives and Leuken's is verified: the snapshot holds a new view of it.
        var arrived = Incident(Kerkplein);
        var verified = new IncidentView
        {
            Id = leuken.Id, Category = leuken.Category, Description = leuken.Description, Latitude = leuken.Latitude,
            Longitude = leuken.Longitude, NetworkIds = leuken.NetworkIds, Status = Bin.Domain.Incidents.IncidentStatus.Verified,
        };
        var after = before with { Incidents = [arrived, kerkplein, verified] };
        var next = after.MarkersFor(Zone, after.Incidents);

        Assert.Equal([arrived.Id, kerkplein.Id, leuken.Id], next.Select(m => m.Id));
        Assert.Same(shown[0], next[1]);
        Assert.NotSame(shown[1], next[2]);
        Assert.Equal("Verified", next[2].Status);

        // Each language has its own markers; a coordinator's map is given the same ones for its incidents.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-BE");
        Assert.NotSame(next[1], after.MarkersFor(Zone, after.Incidents)[1]);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        Assert.Same(next[1], after.MarkersFor(new NetworkScope(false, new HashSet<Guid> { Kerkplein }), [arrived, kerkplein])[1]);
    }
}
