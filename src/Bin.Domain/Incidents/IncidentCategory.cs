using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Bin.Domain.Incidents;

/// <summary>
/// What kind of incident was reported. <see cref="Id"/> is the stable API id stored in events;
/// <see cref="Colour"/> and <see cref="Icon"/> draw its marker on the map (the glyph in white on the colour).
/// </summary>
public sealed class IncidentCategory
{
    internal IncidentCategory(string id, string colour, string icon, string nl, string fr, string de, string en)
    {
        Id = id;
        Colour = colour;
        Icon = icon;
        Names = new Dictionary<string, string> { ["nl"] = nl, ["fr"] = fr, ["de"] = de, ["en"] = en }.ToFrozenDictionary();
    }

    /// <summary>Stable id used in the API and in events, e.g. <c>suspicious-vehicle</c>.</summary>
    public string Id { get; }

    /// <summary>Marker colour as <c>#RRGGBB</c>.</summary>
    public string Colour { get; }

    /// <summary>One or two characters drawn on the marker.</summary>
    public string Icon { get; }

    /// <summary>Display names by language code (nl, fr, de, en).</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>The display name in <paramref name="language"/> ("fr", "fr-BE", …); Dutch when the language is not offered.</summary>
    public string Name(string? language) => Translations.Pick(Names, language);

    public override string ToString() => Id;
}

/// <summary>The fixed list of incident categories, in the order the dashboard offers them.</summary>
public static class IncidentCategories
{
    // Colours: each gives a white glyph at least 4.5:1 contrast and stands at least 3.9:1 against a light map.
    // Under simulated deuteranopia, protanopia and tritanopia every pair stays at least 8 CIEDE2000 apart
    // (at least 19 with normal vision); the glyph tells the closest pairs apart where colour alone would not.
    // Glyphs read in all four languages where a common letter exists (P for persoon/personne/Person, A for
    // auto/Auto, V for vandalisme/Vandalismus, CO the formula, a house for a break-in); otherwise they follow
    // Dutch, the default, which German shares (D for diefstal/Diebstahl, B for brand/Brand). All are in WGL4,
    // so every common font draws them.
    public static IncidentCategory Burglary { get; } =
        new("burglary", "#0066B3", "⌂", "Inbraak", "Cambriolage", "Einbruch", "Burglary");
    public static IncidentCategory SuspiciousPerson { get; } =
        new("suspicious-person", "#AA3377", "P", "Verdachte persoon", "Personne suspecte", "Verdächtige Person", "Suspicious person");
    public static IncidentCategory SuspiciousVehicle { get; } =
        new("suspicious-vehicle", "#332288", "A", "Verdacht voertuig", "Véhicule suspect", "Verdächtiges Fahrzeug", "Suspicious vehicle");
    public static IncidentCategory Theft { get; } =
        new("theft", "#3B7A00", "D", "Diefstal", "Vol", "Diebstahl", "Theft");
    public static IncidentCategory Vandalism { get; } =
        new("vandalism", "#663300", "V", "Vandalisme", "Vandalisme", "Vandalismus", "Vandalism");
    public static IncidentCategory Fire { get; } =
        new("fire", "#DD2C1C", "B", "Brand", "Incendie", "Brand", "Fire");
    public static IncidentCategory CarbonMonoxide { get; } =
        new("co", "#00838F", "CO", "CO-vergiftiging", "Intoxication au CO", "CO-Vergiftung", "CO poisoning");
    public static IncidentCategory Other { get; } =
        new("other", "#555555", "…", "Andere", "Autre", "Sonstiges", "Other");

    public static IReadOnlyList<IncidentCategory> All { get; } =
        [Burglary, SuspiciousPerson, SuspiciousVehicle, Theft, Vandalism, Fire, CarbonMonoxide, Other];

    private static readonly FrozenDictionary<string, IncidentCategory> ById =
        All.ToFrozenDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a category by its API id, ignoring case and surrounding spaces.</summary>
    public static bool TryGet(string? id, [MaybeNullWhen(false)] out IncidentCategory category)
    {
        category = null;
        return id is not null && ById.TryGetValue(id.Trim(), out category);
    }

    /// <summary>The category with this API id, or a <see cref="DomainException"/> on field "category" listing the valid ids.</summary>
    public static IncidentCategory Get(string? id)
    {
        if (TryGet(id, out var category))
            return category;
        var ids = string.Join(", ", All.Select(c => c.Id));
        throw new DomainException(string.IsNullOrWhiteSpace(id)
            ? DomainMessages.CategoryMissing.With(ids)
            : DomainMessages.CategoryUnknown.With(id.Trim(), ids), "category");
    }
}
