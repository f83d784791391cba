namespace Bin.Dashboard.Infrastructure.Localization;

public static partial class UiText
{
    /// <summary>Titles of the API's problem answers that a client may show beside the (localised) detail.</summary>
    private static readonly Dictionary<string, (string Nl, string Fr, string En)> ServerTexts = new()
    {
        ["server.title.tooManyAlerts"] = ("Te veel alarmeringen", "Trop d'alertes", "Too many alerts"),
        ["server.title.alertedMomentsAgo"] = ("Zopas nog gealarmeerd", "Alerté il y a quelques instants", "Alerted moments ago"),
        ["server.title.alreadyDecided"] = ("Al beslist", "Déjà décidé", "Already decided"),
    };
}
