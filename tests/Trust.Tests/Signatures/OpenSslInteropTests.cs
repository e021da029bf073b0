using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hctr.Trust.Crypto;
using Hctr.Trust.Signatures;
using Xunit;

namespace Hctr.Trust.Tests.Signatures;

/// <summary>
/// Signatures made by an independent implementation (the openssl command) verify: an ECDSA P-256 signature over the
/// payload with a PEM public key (the form cosign's key pair and signature annotation have), and a detached CMS
/// SignedData from <c>openssl cms -sign</c> chaining to the test CA. openssl comes from scripts/setup.sh.
/// </summary>
[Trait("Category", "E2E")]
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-openssl-").FullName;
    private static readonly string Digest = "sha256:" + new string('e', 64);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void OpenSsl(params string[] args)
    {
        var start = new ProcessStartInfo("openssl", args) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _dir };
        using var p = Process.Start(start)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"openssl {string.Join(' ', args)}: {err}");
    }

    [Fact]
    public void Ecdsa_signature_from_openssl_verifies_with_a_pem_public_key()
    {
        byte[] payload = new SimpleSigningPayload("registry.example/team/app", Digest).ToBytes();
        File.WriteAllBytes(Path.Combine(_dir, "payload.json"), payload);
        OpenSsl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem");
        OpenSsl("ec", "-in", "key.pem", "-pubout", "-out", "cosign.pub");
        OpenSsl("dgst", "-sha256", "-sign", "key.pem", "-out", "sig.der", "payload.json");
        var key = SignerSet.LoadKey(Path.Combine(_dir, "cosign.pub"), "test");
        var layer = new SignatureLayer(SignatureFormats.SimpleSigningMediaType, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(payload)), payload.Length,
            new Dictionary<string, string>());
        string signature = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(_dir, "sig.der")));
        var (identity, _) = RegistrySignatureVerifier.VerifyLayer(layer, payload, signature, "registry.example/team/app", "v1", Digest,
            SignerSet.ForKeys([key], 1), DateTimeOffset.UtcNow);
        Assert.Equal(key.KeyId, identity);
        Assert.Equal(KeyTypes.SchemeEcdsaP256, key.Key.Scheme);
    }

    [Fact]
    public void Rsa_pkcs1_signature_verifies_with_a_pem_rsa_key_as_cosign_signs()
    {
        using var rsa = RSA.Create(2048);
        byte[] payload = new SimpleSigningPayload("registry.example/team/app", Digest).ToBytes();
        File.WriteAllText(Path.Combine(_dir, "rsa.pub"), rsa.ExportSubjectPublicKeyInfoPem());
        var key = SignerSet.LoadKey(Path.Combine(_dir, "rsa.pub"), "test");
        Assert.Equal(KeyTypes.SchemeRsaPkcs1, key.Key.Scheme);
        var layer = new SignatureLayer(SignatureFormats.SimpleSigningMediaType, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(payload)), payload.Length,
            new Dictionary<string, string>());
        string pkcs1 = Convert.ToBase64String(rsa.SignData(payload, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        RegistrySignatureVerifier.VerifyLayer(layer, payload, pkcs1, "registry.example/team/app", "v1", Digest, SignerSet.ForKeys([key], 1), DateTimeOffset.UtcNow);
        string pss = Convert.ToBase64String(rsa.SignData(payload, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        Assert.Equal(TrustFailureReason.SignatureInvalid, Assert.Throws<TrustVerificationException>(() =>
            RegistrySignatureVerifier.VerifyLayer(layer, payload, pss, "registry.example/team/app", "v1", Digest, SignerSet.ForKeys([key], 1), DateTimeOffset.UtcNow)).Reason);
    }

    [Fact]
    public void Detached_cms_from_openssl_verifies_against_the_test_ca()
    {
        using var ca = new TestCa();
        using var leaf = ca.Leaf("openssl-signer");
        byte[] payload = new SimpleSigningPayload("registry.example/team/app", Digest).ToBytes();
        File.WriteAllBytes(Path.Combine(_dir, "payload.json"), payload);
        File.WriteAllText(Path.Combine(_dir, "leaf.pem"), TestCa.Pem(leaf));
        File.WriteAllText(Path.Combine(_dir, "leaf.key"), leaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(_dir, "int.pem"), TestCa.Pem(ca.Intermediate));
        OpenSsl("cms", "-sign", "-binary", "-in", "payload.json", "-signer", "leaf.pem", "-inkey", "leaf.key", "-certfile", "int.pem",
            "-md", "sha256", "-outform", "DER", "-out", "sig.cms");
        byte[] cms = File.ReadAllBytes(Path.Combine(_dir, "sig.cms"));
        var (name, _) = CmsSignature.Verify(payload, cms, ca.Roots, DateTimeOffset.UtcNow);
        Assert.Contains("CN=openssl-signer", name);
        byte[] other = new SimpleSigningPayload("registry.example/team/app", "sha256:" + new string('f', 64)).ToBytes();
        Assert.Equal(TrustFailureReason.SignatureInvalid,
            Assert.Throws<TrustVerificationException>(() => CmsSignature.Verify(other, cms, ca.Roots, DateTimeOffset.UtcNow)).Reason);
    }
}
