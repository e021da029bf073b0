using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hctr.Trust.Tests.Signatures;

/// <summary>
/// A certificate authority built at test time: root -> intermediate -> leaves (ECDSA P-256). Leaves take a validity
/// window, EKUs and key usage, so tests can make expired, wrong-usage or foreign-root signers.
/// </summary>
internal sealed class TestCa : IDisposable
{
    public const string CodeSigning = "1.3.6.1.5.5.7.3.3";
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";

    public TestCa(string name = "Test Root CA")
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest($"CN={name}, O=hctr tests", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        Root = rootRequest.CreateSelfSigned(now.AddDays(-30), now.AddYears(5));

        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} Intermediate, O=hctr tests", intermediateKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        using var issued = request.Create(Root, now.AddDays(-20), now.AddYears(3), Serial());
        Intermediate = issued.CopyWithPrivateKey(intermediateKey);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2Collection Roots => [X509CertificateLoader.LoadCertificate(Root.RawData)];

    public X509Certificate2Collection Intermediates => [X509CertificateLoader.LoadCertificate(Intermediate.RawData)];

    /// <summary>A leaf (with its private key) issued by the intermediate.</summary>
    public X509Certificate2 Leaf(string name = "signer", string[]? ekus = null, X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var now = DateTimeOffset.UtcNow;
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=hctr tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        var oids = new OidCollection();
        foreach (string eku in ekus ?? [CodeSigning]) oids.Add(new Oid(eku));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false));
        using var issued = request.Create(Intermediate, notBefore ?? now.AddDays(-1), notAfter ?? now.AddYears(1), Serial());
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>PEM of a certificate (and, optionally, more certificates after it).</summary>
    public static string Pem(params X509Certificate2[] certificates) => string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n"));

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
    }
}
