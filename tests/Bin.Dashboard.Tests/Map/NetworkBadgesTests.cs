using Bin.Dashboard.Features.Alerts;
using Bin.Dashboard.Features.Map;
using System.Globalization;
using Bin.Dashboard.Features.Incidents;
using Bin.Dashboard.Infrastructure.Auth;

namespace Bin.Dashboard.Tests.Map;

public class NetworkBadgesTests
{
    private static readonly Guid Kerkplein = Guid.NewGuid(), Leuken = Guid.NewGuid();
    private static readonly NetworkScope Zone = new(true, new HashSet<Guid>());
    private static readonly DateTimeOffset Morning = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    private static NetworkProgress Figures(Guid network, int recipients, int acknowledged, int failed = 0) =>
        new(network, recipients, 0, recipients - failed, 0, failed, acknowledged);

    [Fact]
    public void A_network_alerted_twice_shows_the_latest_alerts_acknowledgements_over_its_recipients_not_a_sum()
    {
        var first = new OpenAlert(Guid.NewGuid(), Guid.NewGuid(), Morning, [Kerkplein]);
        var latest = new OpenAlert(Guid.NewGuid(), Guid.NewGuid(), Morning.AddMinutes(40), [Kerkplein]);
        var progress = new Dictionary<Guid, IReadOnlyList<NetworkProgress>>
        {
            [first.AlertId] = [Figures(Kerkplein, 122, 80)],
            [latest.AlertId] = [Figures(Kerkplein, 122, 2)],
        };

        var badges = NetworkBadges.For([latest, first], progress, Zone);

        Assert.Equal("✓ 2/122", badges[Kerkplein].Text);
    }

    [Fact]
    public void The_hover_text_lists_every_open_alert_of_the_network_newest_first_with_time_and_figures()
    {
        var first = new OpenAlert(Guid.NewGuid(), Guid.NewGuid(), Morning, [Kerkplein]);
        var latest = new OpenAlert(Guid.NewGuid(), Guid.NewGuid(), Morning.AddMinutes(40), [Kerkplein]);
        var progress = new Dictionary<Guid, IReadOnlyList<NetworkProgress>>
        {
            [first.AlertId] = [Figures(Kerkplein, 122, 80, failed: 3)],
            [latest.AlertId] = [Figures(Kerkplein, 122, 2)],
        };

        var lines = NetworkBadges.For([first, latest], progress, Zone)[Kerkplein].Detail.Split('\n');

        // 08:00 UTC is 09:00 in Brussels.
        Assert.Equal(["09:40  ✓ 2/122", "09:00  ✓ 80/122 ✗ 3"], lines[1..]);
    }

    [Fact]
    public void A_coordinator_gets_badges_of_their_own_networks_only()
    {
        var shared = new OpenAlert(Guid.NewGuid(), Guid.NewGuid(), Morning, [Kerkplein, Leuken]);
        var progress = new Dictionary<Guid, IReadOnlyList<NetworkProgress>> { [shared.AlertId] = [Figures(Kerkplein, 122, 5), Figures(Leuken, 300, 9)] };

        var badges = NetworkBadges.For([shared], progress, new NetworkScope(false, new HashSet<Guid> { Leuken }));

        Assert.Equal([Leuken], badges.Keys);
        Assert.Equal("✓ 9/300", badges[Leuken].Text);
    }

    [Fact]
    public void An_alert_without_figures_yet_gives_no_badge()
    {
        var alert = new OpenAlert(Guid.NewGuid(), Guid.NewGuid(), Morning, [Kerkplein]);

        Assert.Empty(NetworkBadges.For([alert], new Dictionary<Guid, IReadOnlyList<NetworkProgress>>(), Zone));
    }

    [Fact]
    public void Maps_of_the_whole_zone_share_one_set_of_badges_per_snapshot_and_language_and_a_changed_snapshot_makes_its_own()
    {
        var alert = new OpenAlert(Guid.NewGuid(), Guid.NewGuid(), Morning, [Kerkplein, Leuken]);
        var snapshot = new MapSnapshot([], new Dictionary<Guid, IncidentView>(), [alert],
            new Dictionary<Guid, IReadOnlyList<NetworkProgress>> { [alert.AlertId] = [Figures(Kerkplein, 122, 2), Figures(Leuken, 40, 1)] });
        var leukenOnly = new NetworkScope(false, new HashSet<Guid> { Leuken });
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");

        var dutch = snapshot.BadgesFor(Zone);
        Assert.Same(dutch, snapshot.BadgesFor(Zone));
        Assert.Equal("✓ 2/122", dutch.Texts[Kerkplein]);
        // A coordinator's map sees its own networks only.
        Assert.Equal([Leuken], snapshot.BadgesFor(leukenOnly).Texts.Keys);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-BE");
        var french = snapshot.BadgesFor(Zone);
        Assert.NotSame(dutch, french);
        Assert.NotEqual(dutch.Details[Kerkplein], french.Details[Kerkplein]);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-BE");
        var acknowledged = snapshot with { Progress = new Dictionary<Guid, IReadOnlyList<NetworkProgress>> { [alert.AlertId] = [Figures(Kerkplein, 122, 3)] } };
        Assert.Equal("✓ 3/122", acknowledged.BadgesFor(Zone).Texts[Kerkplein]);
        Assert.Same(dutch, snapshot.BadgesFor(Zone));
    }
}
