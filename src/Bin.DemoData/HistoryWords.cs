using Bin.Domain.Members;

namespace Bin.DemoData;

/// <summary>What people say in the demo history: dispatchers' descriptions, members' answers, officers' names.</summary>
internal static class HistoryWords
{
    public static readonly IReadOnlyList<string> Dispatchers = ["dispatcher", "calltaker.geboers", "calltaker.bollen", "calltaker.vaes"];

    public static readonly IReadOnlyList<string> Officers = ["officer", "inspecteur.vanhoof", "inspecteur.jacobs", "hoofdinspecteur.claes"];

    public static readonly IReadOnlyDictionary<string, string[]> Descriptions = new Dictionary<string, string[]>
    {
        ["burglary"] = ["Inbraak in woning, achterdeur geforceerd", "Twee personen proberen achterdeuren", "Inbraak in tuinhuis, gereedschap weg", "Alarm gaat af, raam aan achterzijde open", "Inbraakpoging via garagepoort"],
        ["suspicious-person"] = ["Persoon kijkt in auto's en tuinen", "Twee mannen bellen aan met smoesje (meteropname)", "Persoon met zaklamp in tuinen", "Onbekende fotografeert woningen"],
        ["suspicious-vehicle"] = ["Witte bestelwagen rijdt traag rond, geen zichtbare nummerplaat", "Donkere wagen met buitenlandse plaat staat al uren stil", "Auto met draaiende motor aan de school", "Bestelwagen stopt telkens bij lege woningen"],
        ["theft"] = ["Fiets gestolen aan het station", "Diefstal uit wagen, ruit ingeslagen", "Pakketje van de stoep gestolen", "Gsm gestolen op terras"],
        ["vandalism"] = ["Spiegels van geparkeerde auto's afgetrokken", "Graffiti op gevel", "Vuilbakken in brand gestoken", "Bushokje vernield"],
        ["fire"] = ["Rookontwikkeling in bosrand", "Containerbrand", "Brand in schuur"],
        ["co"] = ["Gezin onwel, vermoeden CO-vergiftiging", "CO-melder gaat af in appartement"],
        ["other"] = ["Loslopende hond op de weg", "Geluidsoverlast feest", "Verloren kind teruggevonden", "Achtergelaten pakket aan bushalte"],
    };

    public static string AcknowledgementWord(Language language, Random random) => language switch
    {
        Language.Fr => random.Next(3) == 0 ? "1" : "OUI",
        Language.En => random.Next(3) == 0 ? "ok" : "OK",
        Language.De => random.Next(2) == 0 ? "OK" : "JA",
        _ => random.Next(4) switch { 0 => "JA", 1 => "ok", 2 => "Ok.", _ => "OK" },
    };

    public static string Reply(Language language, Random random)
    {
        string[] texts = language switch
        {
            Language.Fr => ["J'ai vu une camionnette blanche partir vers le centre", "Merci pour l'info", "Mon voisin a vu deux personnes dans le jardin"],
            Language.De => ["Habe einen dunklen Wagen Richtung Barrier gesehen", "Danke für die Info"],
            Language.En => ["Saw two people with a torch behind the houses", "Thanks, lights are on"],
            _ => ["Ik zag een witte bestelwagen richting Kerkplein rijden", "Buitenlicht staat aan, bedankt", "Bij ons in de straat liep ook iemand rond met een zaklamp",
                  "Camera van de buren heeft iets opgenomen, wie mag ik contacteren?", "Dank u voor de verwittiging", "Zag rond 22u een scooter zonder licht"],
        };
        return texts[random.Next(texts.Length)];
    }
}
