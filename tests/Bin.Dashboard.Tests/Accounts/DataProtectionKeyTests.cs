using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bin.Dashboard.Infrastructure.Auth;
using Bin.Testing;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Bin.Dashboard.Tests.Accounts;

public class DataProtectionKeyTests
{
    private static string CertificateFile(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=bin-dashboard-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"bin-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_still_protect_and_unprotect()
    {
        var path = CertificateFile("test-pfx-password");
        await using var app = await BinAppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = path, ["DataProtection:CertificatePassword"] = "test-pfx-password",
        });
        var protector = app.Service<IDataProtectionProvider>().CreateProtector("test");

        var roundTrip = protector.Unprotect(protector.Protect("secret"));

        Assert.Equal("secret", roundTrip);
        await using var session = app.Service<IDocumentStore>().QuerySession();
        var keys = await session.Query<DataProtectionKey>().ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains("EncryptedData", k.Xml);
            Assert.DoesNotContain("<masterKey", k.Xml);
        });
        File.Delete(path);
    }

    [Theory]
    [InlineData("Production", null, false, false)]
    [InlineData("Production", null, true, true)]
    [InlineData("Development", null, false, true)]
    [InlineData("Production", "/nonexistent/keys.pfx", false, false)]
    public void Outside_Development_a_certificate_is_required_unless_plain_keys_are_explicitly_allowed(string environment, string? path, bool allowPlain, bool valid)
    {
        var validation = new KeyProtectionValidation(new HostingEnvironment { EnvironmentName = environment });

        var result = validation.Validate(null, new KeyProtectionOptions { CertificatePath = path, AllowUnencryptedKeys = allowPlain });

        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("DataProtection:CertificatePath", result.FailureMessage);
    }
}
