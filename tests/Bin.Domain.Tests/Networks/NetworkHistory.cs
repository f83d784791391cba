using Bin.Domain.Geometry;
using Bin.Domain.Networks;
using NetTopologySuite.Geometries;

namespace Bin.Domain.Tests.Networks;

/// <summary>
/// The story every network test tells: <see cref="Given"/> a history of events folded into the state the decisions
/// see (by the same <see cref="Network.Fold"/> the dashboard uses), a command decided, then the event or the refusal.
/// </summary>
internal static class NetworkHistory
{
    public static readonly Guid Id = Guid.Parse("f0c1d000-0000-4000-8000-000000000001");
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(1));
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static BoundaryContext Lommel(params NeighbourBoundary[] neighbours) => new(ServiceArea.Lommel, neighbours);

    /// <summary>A square of <paramref name="size"/> degrees with its south-west corner at (<paramref name="lon"/>, <paramref name="lat"/>).</summary>
    public static Polygon Square(double lon, double lat, double size) => Factory.CreatePolygon(
    [
        new Coordinate(lon, lat), new Coordinate(lon + size, lat), new Coordinate(lon + size, lat + size),
        new Coordinate(lon, lat + size), new Coordinate(lon, lat),
    ]);

    /// <summary>A neighbourhood in the north of Lommel, clear of anything else in these tests.</summary>
    public static Polygon Lindelaan => Square(5.30, 51.24, 0.005);

    public static Network? Given(params object[] history) => Network.Fold(history);

    public static NetworkRegistered Proposed() => new(Id, "Lindelaan", Lindelaan, NetworkStatus.Proposed, false, Now.AddDays(-90));

    public static NetworkRegistered RunningBeforeTheDashboard() => new(Id, "Kerkplein", Lindelaan, NetworkStatus.Active, true, Now.AddDays(-90));

    public static FoundingIdeaRegistered Idea() => new(Id, IdeaSource.Residents, "Buren van de Lindelaan vragen een BIN.", Now.AddDays(-90));

    public static ConsultationHeld Consultation() => new(Id, Today.AddDays(-80), "Burgemeester en wijkagent akkoord.", Now.AddDays(-80));

    public static InfoEveningHeld InfoEvening() => new(Id, Today.AddDays(-60), 64, "", Now.AddDays(-60));

    public static Charter ACharter(string agreements = "Leden melden verdachte situaties via 101.") =>
        new(agreements, "Politie verstuurt tips; de coördinator beheert de leden.", "Coördinator: zie ledenregister.", "Gemeentelijke toelage.", "SMS en een jaarlijkse nieuwsbrief.");

    public static CharterDrawnUp CharterV1() => CharterDrawnUp(1, toReport: false);

    public static CharterDrawnUp CharterDrawnUp(int version, bool toReport) =>
        new(Id, version, "Leden melden verdachte situaties via 101.", "Politie verstuurt tips.", "Gemeentelijke toelage.", "SMS.", toReport, Now.AddDays(-50));

    public static CharterSigned Signed(int version = 1) => new(Id, version, Today.AddDays(-40), Now.AddDays(-40));

    public static NetworkRecognised Recognised() => new(Id, "BIN/2026/0412", Today.AddDays(-20), Now.AddDays(-20));

    public static NetworkActivated Activated() => new(Id, Today.AddDays(-10), Now.AddDays(-10));

    public static NetworkSuspended Suspended() => new(Id, "Geen coördinator meer.", Now.AddDays(-5));

    public static NetworkDissolved Dissolved() => new(Id, "Te weinig leden.", Now.AddDays(-1));

    /// <summary>Every founding step up to and including <paramref name="last"/>, after the registration.</summary>
    public static object[] FoundedUpTo(FoundingStep last)
    {
        object[] steps = [Idea(), Consultation(), InfoEvening(), CharterV1(), Signed(), Recognised(), Activated()];
        return [Proposed(), .. steps.Take((int)last)];
    }

    public static IReadOnlyCollection<CharterSignatory> AllFour => FoundingText.Signatories.ToList();

    public static DomainException ThenRefused(Func<object> when) => Assert.Throws<DomainException>(when);
}
