using System.Security.Cryptography.X509Certificates;
using Hctr.Trust.Signatures;
using Xunit;

namespace Hctr.Trust.Tests.Signatures;

/// <summary>CMS detached signatures over a payload, chains built to a test CA at test time.</summary>
[Trait("Category", "Unit")]
public sealed class CmsSignatureTests : IDisposable
{
    private static readonly byte[] Payload = new SimpleSigningPayload("registry.example/team/app", "sha256:" + new string('a', 64)).ToBytes();
    private readonly TestCa _ca = new();

    public void Dispose() => _ca.Dispose();

    private byte[] Sign(X509Certificate2 leaf, byte[]? payload = null) => CmsSignature.Sign(payload ?? Payload, leaf, _ca.Intermediates, DateTimeOffset.UtcNow);

    private static TrustFailureReason Refusal(Action verify) => Assert.Throws<TrustVerificationException>(verify).Reason;

    [Fact]
    public void Valid_chain_to_the_policy_root_verifies_and_names_the_signer()
    {
        using var leaf = _ca.Leaf("alice");
        var (name, identity) = CmsSignature.Verify(Payload, Sign(leaf), _ca.Roots, DateTimeOffset.UtcNow);
        Assert.Contains("CN=alice", name);
        Assert.Equal(64, identity.Length);
    }

    [Fact]
    public void Untrusted_root_is_refused()
    {
        using var other = new TestCa("Other Root");
        using var leaf = _ca.Leaf();
        var e = Assert.Throws<TrustVerificationException>(() => CmsSignature.Verify(Payload, Sign(leaf), other.Roots, DateTimeOffset.UtcNow));
        Assert.Equal(TrustFailureReason.CertificateInvalid, e.Reason);
        Assert.Contains("root CA the policy names", e.Message);
    }

    [Fact]
    public void Expired_leaf_is_refused_at_verification_time()
    {
        var now = DateTimeOffset.UtcNow;
        using var leaf = _ca.Leaf(notBefore: now.AddDays(-10), notAfter: now.AddDays(-1));
        var e = Assert.Throws<TrustVerificationException>(() => CmsSignature.Verify(Payload, Sign(leaf), _ca.Roots, now));
        Assert.Equal(TrustFailureReason.CertificateInvalid, e.Reason);
        Assert.Contains("not valid at", e.Message);
        // The same signature verified at a time inside the leaf's validity is accepted: the clock decides.
        CmsSignature.Verify(Payload, Sign(leaf), _ca.Roots, now.AddDays(-5));
    }

    [Fact]
    public void Leaf_without_code_signing_eku_is_refused()
    {
        using var leaf = _ca.Leaf(ekus: [TestCa.ServerAuth]);
        Assert.Equal(TrustFailureReason.CertificateInvalid, Refusal(() => CmsSignature.Verify(Payload, Sign(leaf), _ca.Roots, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public void Leaf_whose_key_usage_lacks_digital_signature_is_refused()
    {
        using var leaf = _ca.Leaf(usage: X509KeyUsageFlags.KeyEncipherment);
        Assert.Equal(TrustFailureReason.CertificateInvalid, Refusal(() => CmsSignature.Verify(Payload, Sign(leaf), _ca.Roots, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public void Tampered_signature_or_payload_is_refused()
    {
        using var leaf = _ca.Leaf();
        byte[] cms = Sign(leaf);
        byte[] otherPayload = new SimpleSigningPayload("registry.example/team/app", "sha256:" + new string('b', 64)).ToBytes();
        Assert.Equal(TrustFailureReason.SignatureInvalid, Refusal(() => CmsSignature.Verify(otherPayload, cms, _ca.Roots, DateTimeOffset.UtcNow)));
        byte[] flipped = (byte[])cms.Clone();
        flipped[^3] ^= 0x55; // inside the signature value at the end of the SignerInfo
        Assert.Equal(TrustFailureReason.SignatureInvalid, Refusal(() => CmsSignature.Verify(Payload, flipped, _ca.Roots, DateTimeOffset.UtcNow)));
        Assert.Equal(TrustFailureReason.Malformed, Refusal(() => CmsSignature.Verify(Payload, [0x30, 0x03, 0x02, 0x01, 0x01], _ca.Roots, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public void Corrupt_embedded_certificate_is_malformed_not_a_crash()
    {
        // Found by SignatureMutationTests: SignerInfo.Certificate threw CryptographicException from the certificate bag.
        using var leaf = _ca.Leaf();
        byte[] cms = Sign(leaf);
        byte[] rawLeaf = leaf.RawData;
        int at = cms.AsSpan().IndexOf(rawLeaf.AsSpan(0, 32));
        Assert.True(at > 0);
        cms[at + 4] ^= 0xff; // inside the certificate's TBS header: no longer a parseable certificate
        var reason = Refusal(() => CmsSignature.Verify(Payload, cms, _ca.Roots, DateTimeOffset.UtcNow));
        Assert.True(reason is TrustFailureReason.Malformed or TrustFailureReason.SignatureInvalid, $"got {reason}");
    }

    [Fact]
    public void No_roots_means_no_trust()
    {
        using var leaf = _ca.Leaf();
        Assert.Equal(TrustFailureReason.CertificateInvalid, Refusal(() => CmsSignature.Verify(Payload, Sign(leaf), [], DateTimeOffset.UtcNow)));
    }
}
