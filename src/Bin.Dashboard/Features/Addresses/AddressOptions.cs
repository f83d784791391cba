using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Features.Addresses;

/// <summary>Address search: the anonymous limit of the join page, and the registry's online service (off by default).</summary>
public sealed class AddressOptions : IValidatableObject
{
    public const string Section = "Addresses";

    /// <summary>Searches one client address may make per minute without signing in (the join page, or the API).</summary>
    [Range(1, 10_000)] public int AnonymousSearchesPerMinute { get; set; } = 30;

    /// <summary>Also ask the registry's online geolocation service (Flemish government, address registry data).</summary>
    public bool OnlineEnabled { get; set; }

    /// <summary>Base address of the online service; <c>Location?q=…&amp;c=…</c> is asked below it.</summary>
    public string OnlineBaseUrl { get; set; } = "https://geo.api.vlaanderen.be/geolocation/v4/";

    /// <summary>How long a search waits for the online service before answering with the local index alone.</summary>
    public TimeSpan OnlineTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (OnlineEnabled && (!Uri.TryCreate(OnlineBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return new ValidationResult("Addresses:OnlineBaseUrl must be an absolute http(s) address when Addresses:OnlineEnabled is true.", [nameof(OnlineBaseUrl)]);
        if (OnlineTimeout <= TimeSpan.Zero || OnlineTimeout > TimeSpan.FromSeconds(30))
            yield return new ValidationResult("Addresses:OnlineTimeout must lie between 0 and 30 seconds.", [nameof(OnlineTimeout)]);
    }
}
