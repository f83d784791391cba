using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Bin.Dashboard.Infrastructure.Auth;

/// <summary>A data-protection key, kept in PostgreSQL so every node decrypts every node's cookies and tokens.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

internal sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // IXmlRepository is synchronous and Marten 9 only reads asynchronously; the key ring is cached, so this is rare.
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

/// <summary>
/// How the data-protection keys (which sign cookies and tokens) are protected at rest: encrypted with the certificate
/// at <see cref="CertificatePath"/>. Production refuses to start without one unless <see cref="AllowUnencryptedKeys"/>.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx password (from the environment or a secret store, never committed).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Explicitly accept plain keys outside Development (for example while the database itself is encrypted).</summary>
    public bool AllowUnencryptedKeys { get; set; }

    internal X509Certificate2? LoadCertificate() =>
        string.IsNullOrWhiteSpace(CertificatePath) ? null : X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);
}

internal sealed class KeyProtectionValidation(IHostEnvironment environment) : IValidateOptions<KeyProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyProtectionOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!File.Exists(options.CertificatePath))
                return ValidateOptionsResult.Fail($"DataProtection:CertificatePath: no file at {options.CertificatePath}.");
            try
            {
                using var certificate = options.LoadCertificate()!;
                if (!certificate.HasPrivateKey) return ValidateOptionsResult.Fail("DataProtection:CertificatePath: the certificate has no private key.");
            }
            catch (CryptographicException ex)
            {
                return ValidateOptionsResult.Fail($"DataProtection:CertificatePath: the certificate cannot be read ({ex.Message}).");
            }
            return ValidateOptionsResult.Success;
        }
        return environment.IsDevelopment() || options.AllowUnencryptedKeys
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "DataProtection:CertificatePath is required outside Development: the keys that sign sessions are encrypted at rest with it " +
                "(or set DataProtection:AllowUnencryptedKeys=true to accept plain keys).");
    }
}

public static class DataProtectionRegistration
{
    public static IServiceCollection AddBinDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("bin-dashboard");
        services.AddOptions<KeyProtectionOptions>().Bind(configuration.GetSection(KeyProtectionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyProtectionOptions>, KeyProtectionValidation>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new MartenXmlRepository(sp.GetRequiredService<IDocumentStore>())));
        // A path that does not hold a readable certificate is reported by KeyProtectionValidation at start-up.
        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (File.Exists(options.CertificatePath))
        {
            X509Certificate2? certificate = null;
            try
            {
                certificate = options.LoadCertificate();
            }
            catch (CryptographicException)
            {
            }
            if (certificate is not null) protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return services;
    }
}
