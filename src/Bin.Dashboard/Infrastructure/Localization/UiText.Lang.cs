namespace Bin.Dashboard.Infrastructure.Localization;

public static partial class UiText
{
    /// <summary>Texts of the language choice itself.</summary>
    private static readonly Dictionary<string, (string Nl, string Fr, string En)> LanguageChoiceTexts = new()
    {
        ["lang.err.unknown"] = ("Taal: '{0}' is geen taal van het dashboard; kies nl, fr of en.",
            "Langue : « {0} » n'est pas une langue du tableau de bord ; choisissez nl, fr ou en.",
            "Language: '{0}' is not a language of the dashboard; choose nl, fr or en."),
        ["lang.error.unhandled"] = ("Er ging iets mis.", "Une erreur s'est produite.", "Something went wrong."),
        ["lang.choose"] = ("Taal", "Langue", "Language"),
        ["lang.name.nl"] = ("Nederlands", "Nederlands", "Nederlands"),
        ["lang.name.fr"] = ("Français", "Français", "Français"),
        ["lang.name.en"] = ("English", "English", "English"),
    };
}
