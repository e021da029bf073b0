using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hctr.Engine.Images.Registry;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary>A docker-registry serving HTTPS with a certificate from a test CA: refused without the CA, accepted with it.</summary>
[Trait("Category", "E2E")]
public sealed class TlsRegistryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-tls-").FullName;
    private readonly string _caPem;
    private readonly RegistryFixture _registry;

    public TlsRegistryTests()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=hctr test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=127.0.0.1", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(san.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leaf = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(_dir, "cert.pem"), leaf.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_dir, "key.pem"), leafKey.ExportPkcs8PrivateKeyPem());
        _caPem = ca.ExportCertificatePem();
        _registry = new RegistryFixture(Path.Combine(_dir, "cert.pem"), Path.Combine(_dir, "key.pem"));
    }

    public void Dispose()
    {
        _registry.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Custom_ca_is_required_and_sufficient()
    {
        var location = new ImageLocation(_registry.Host, "tls/web");
        var strict = new RegistryOptions { InsecureHosts = [] };
        using (var untrusting = new RegistryClient(strict))
        {
            var e = await Assert.ThrowsAsync<RegistryException>(() => untrusting.ResolveAsync(location, "1"));
            Assert.Equal(RegistryFailureReason.Network, e.Reason);
        }
        using var client = new RegistryClient(strict with { CaCertificatesPem = _caPem });
        var image = TestImage.Create();
        await image.PushAsync(client, location, "1");
        Assert.Equal(image.Digest, (await client.ResolveAsync(location, "1")).Digest);
    }
}
