using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Features.Alerts.Cap;

/// <summary>How alerts are handed off as CAP 1.2: the sender's identity, the restriction, and who may read the feed.</summary>
public sealed class CapOptions : IValidatableObject
{
    public const string Section = "Cap";

    /// <summary>CAP <c>sender</c>: globally unique, no spaces, commas or &lt; &amp; (e.g. based on the zone's domain name).</summary>
    [Required, RegularExpression(@"^[^\s,<&]+$", ErrorMessage = "Cap:Sender may not hold spaces, commas, < or &.")]
    public string Sender { get; set; } = "bin.pz5371.lommel.be";

    /// <summary>CAP <c>restriction</c>: the scope is Restricted because tips are meant for the members of the alerted networks.</summary>
    [Required]
    public string Restriction { get; set; } = "For the members of the neighbourhood information networks (BIN) named in the areas, and the services working with the police zone.";

    /// <summary>Tokens that CAP-consuming systems send as "Authorization: Bearer …" to read the feed and its documents. Secrets: set them from the environment.</summary>
    public List<string> FeedTokens { get; set; } = [];

    /// <summary>How many recent alerts the feed lists.</summary>
    [Range(1, 500)]
    public int FeedSize { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (FeedTokens.Any(t => string.IsNullOrWhiteSpace(t) || t.Length < 32))
            yield return new ValidationResult("Each Cap:FeedTokens entry must be at least 32 characters (a random secret).", [nameof(FeedTokens)]);
    }
}
