using System.Globalization;
using Bin.Dashboard.Features.Addresses;
using Bin.Dashboard.Features.Map;
using Bin.Dashboard.Infrastructure.Localization;
using Bin.Domain.Incidents;

namespace Bin.Dashboard.Features.Incidents;

/// <summary>
/// An incident's place, category and description as a dispatcher types them, for a new report or a correction: what can
/// be checked without the server is checked here (the decision checks everything again), and the networks containing the
/// point are shown before saving.
/// </summary>
public sealed class IncidentDraft
{
    public string Lat { get; private set; } = "";
    public string Lon { get; private set; } = "";
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>
    /// The address picked for the point: a search result, the nearby one offered, or a corrected incident's own while its
    /// point stays. A point set any other way (map, typed coordinates) has none.
    /// </summary>
    public string? Address { get; private set; }

    /// <summary>The address nearest to the point, offered to take over; none once an address is chosen.</summary>
    public NearbyAddress? Nearby { get; private set; }

    /// <summary>Names of the networks containing the point.</summary>
    public IReadOnlyList<string> Networks { get; private set; } = [];

    /// <summary>Per field (<c>lat</c>, <c>lon</c>, <c>category</c>, <c>description</c>, <c>form</c>), what is wrong.</summary>
    public Dictionary<string, string> Errors { get; private set; } = [];

    public double Latitude => Number(Lat);
    public double Longitude => Number(Lon);

    /// <summary>The incident as it is, to correct it: its own address stays while its point does.</summary>
    public static async Task<IncidentDraft> OfAsync(IncidentView incident, IIncidentIntake intake)
    {
        var draft = new IncidentDraft { Category = incident.Category, Description = incident.Description };
        await draft.SetPointAsync(intake, new MapPoint(incident.Latitude, incident.Longitude));
        if (incident.Address is not null)
        {
            draft.Address = incident.Address;
            draft.Nearby = null;
        }
        return draft;
    }

    public Task SetPointAsync(IIncidentIntake intake, MapPoint point) =>
        SetLocationAsync(intake, Format(point.Latitude), Format(point.Longitude));

    public async Task ChooseAddressAsync(IIncidentIntake intake, AddressMatch address)
    {
        await SetPointAsync(intake, new MapPoint(address.Latitude, address.Longitude));
        Address = address.Label;
        Nearby = null;
    }

    /// <summary>Either coordinate as typed (null leaves it); the point is no longer the chosen address.</summary>
    public async Task SetLocationAsync(IIncidentIntake intake, string? lat, string? lon)
    {
        Address = null;
        if (lat is not null) Lat = lat.Trim();
        if (lon is not null) Lon = lon.Trim();
        Errors.Remove("lat");
        Errors.Remove("lon");
        Nearby = null;
        if (TryParse(Lat, out var la) && TryParse(Lon, out var lo))
        {
            Networks = await intake.NetworksAtAsync(la, lo, default);
            Nearby = await intake.NearestAddressAsync(la, lo, default);
        }
        else Networks = [];
    }

    /// <summary>Names every field that is wrong, in the user's language; true when none is.</summary>
    public bool Validate()
    {
        var errors = new Dictionary<string, string>();
        if (!TryParse(Lat, out var lat) || lat is < -90 or > 90) errors["lat"] = UiText.T("intake.err.lat");
        if (!TryParse(Lon, out var lon) || lon is < -180 or > 180) errors["lon"] = UiText.T("intake.err.lon");
        if (!IncidentCategories.TryGet(Category, out _)) errors["category"] = UiText.T("intake.err.category");
        if (string.IsNullOrWhiteSpace(Description)) errors["description"] = UiText.T("intake.err.description");
        else if (Description.Trim().Length > IncidentDecisions.MaxDescriptionLength) errors["description"] = UiText.T("intake.err.descriptionLength");
        Errors = errors;
        return errors.Count == 0;
    }

    private static string Format(double coordinate) => coordinate.ToString("0.######", CultureInfo.InvariantCulture);

    private static bool TryParse(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static double Number(string text) => TryParse(text, out var v) ? v : double.NaN;
}
