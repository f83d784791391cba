namespace Bin.Dashboard.Infrastructure.Localization;

public static partial class UiText
{
    /// <summary>Texts of the live map's updates (the network badges).</summary>
    private static readonly Dictionary<string, (string Nl, string Fr, string En)> Live = new()
    {
        ["live.badge.openAlerts"] = ("Lopende alarmen (tijd, ✓ bevestigd / ontvangers):", "Alertes en cours (heure, ✓ confirmées / destinataires) :", "Open alerts (time, ✓ acknowledged / recipients):"),
    };
}
