using System.ComponentModel.DataAnnotations;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>
/// Optional single sign-on with the zone's identity provider (Entra ID, Keycloak…). Off while
/// <see cref="Authority"/> is empty; local accounts keep working either way.
/// </summary>
public sealed class OidcOptions : IValidatableObject
{
    public const string Section = "Auth:Oidc";

    /// <summary>The provider's issuer URL, e.g. https://login.microsoftonline.com/{tenant}/v2.0 or https://sso.example/realms/zone.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The ID token claim listing the user's groups ("groups" for Entra ID and Keycloak's group mapper).</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Extra scopes besides openid and profile (Keycloak may need a "groups" client scope).</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Only for a provider on loopback in tests or a lab: metadata over plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Which group gives which role and/or which networks (a coordinator's). A user in no mapped group is refused.</summary>
    public List<OidcGroupMapping> GroupMappings { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out _))
            yield return new ValidationResult("Auth:Oidc:Authority must be an absolute URL.", [nameof(Authority)]);
        if (string.IsNullOrWhiteSpace(ClientId))
            yield return new ValidationResult("Auth:Oidc:ClientId is required with Auth:Oidc:Authority.", [nameof(ClientId)]);
        if (GroupMappings.Count == 0)
            yield return new ValidationResult("Auth:Oidc:GroupMappings must map at least one group to a role.", [nameof(GroupMappings)]);
        foreach (var (mapping, i) in GroupMappings.Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(mapping.Group))
                yield return new ValidationResult($"Auth:Oidc:GroupMappings:{i}:Group is required.", [nameof(GroupMappings)]);
            if (mapping.Role is not null && !Roles.All.Contains(mapping.Role))
                yield return new ValidationResult($"Auth:Oidc:GroupMappings:{i}:Role '{mapping.Role}' is not one of {string.Join(", ", Roles.All)}.", [nameof(GroupMappings)]);
            if (mapping.Role is null && mapping.NetworkIds.Count == 0)
                yield return new ValidationResult($"Auth:Oidc:GroupMappings:{i} gives neither a role nor networks.", [nameof(GroupMappings)]);
        }
    }
}

/// <summary>Members of <see cref="Group"/> (as the provider names it: a name, a path or an object id) get
/// <see cref="Role"/> and, as coordinators, <see cref="NetworkIds"/>.</summary>
public sealed class OidcGroupMapping
{
    public string Group { get; set; } = "";
    public string? Role { get; set; }
    public List<Guid> NetworkIds { get; set; } = [];
}
