using System.Security.Cryptography;
using System.Text;

namespace Bin.Domain.Joining;

/// <summary>
/// The SMS code that proves a resident holds the number they gave: six digits, valid for a short while, a few
/// attempts. Only a salted hash is stored; comparing takes the same time whatever the digits.
/// </summary>
public static class JoinCode
{
    public const int Digits = 6;
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>A fresh random code and the salt its hash is stored with.</summary>
    public static (string Code, string Salt) New() =>
        (RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6"), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public static string Hash(string code, string salt) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));

    /// <summary>Whether <paramref name="typed"/> (spaces and dashes allowed) is the code behind <paramref name="hash"/>.</summary>
    public static bool Matches(string? typed, string salt, string hash)
    {
        var digits = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != Digits) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(digits, salt)), Encoding.ASCII.GetBytes(hash));
    }

    /// <summary>The SMS that carries the code, in the resident's language (GSM-7 characters only, so one segment).</summary>
    public static string Message(string code, string language) => language switch
    {
        "fr" => $"Police Lommel - BIN: votre code de confirmation est {code}. Valable 10 minutes. Vous n'avez rien demandé? Ignorez ce message.",
        "de" => $"Polizei Lommel - BIN: Ihr Bestätigungscode ist {code}. 10 Minuten gültig. Nicht angefordert? Ignorieren Sie diese Nachricht.",
        "en" => $"Police Lommel - BIN: your confirmation code is {code}. Valid for 10 minutes. Did not ask for it? Ignore this message.",
        _ => $"Politie Lommel - BIN: uw bevestigingscode is {code}. 10 minuten geldig. Niet gevraagd? Negeer dit bericht.",
    };

    /// <summary>The SMS a new member gets once the coordinator approved.</summary>
    public static string Welcome(string network, string language) => language switch
    {
        "fr" => $"Police Lommel - BIN {network}: bienvenue! Vous recevrez nos conseils de prévention par SMS. Repondez STOP pour vous désinscrire.",
        "de" => $"Polizei Lommel - BIN {network}: willkommen! Sie erhalten unsere Präventionstipps per SMS. Antworten Sie STOP zum Abmelden.",
        "en" => $"Police Lommel - BIN {network}: welcome! You will receive our prevention tips by SMS. Reply STOP to leave.",
        _ => $"Politie Lommel - BIN {network}: welkom! U ontvangt onze preventietips per sms. Antwoord STOP om uit te schrijven.",
    };
}
