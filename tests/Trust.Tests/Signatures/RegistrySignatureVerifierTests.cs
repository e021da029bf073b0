using Hctr.Trust.Crypto;
using Hctr.Trust.Signatures;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Signatures;

/// <summary>Threshold counting and every refusal of registry signatures, against an in-memory repository.</summary>
[Trait("Category", "Unit")]
public sealed class RegistrySignatureVerifierTests
{
    private const string Repo = "registry.example/team/web";
    private static readonly string Digest = "sha256:" + new string('1', 64);
    private static readonly string OtherDigest = "sha256:" + new string('2', 64);
    private static readonly SigningKey Alice = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private static readonly SigningKey Bob = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private static readonly SigningKey Carol = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private static readonly SigningKey Mallory = SigningKey.Generate(KeyAlgorithm.EcdsaP256);

    private readonly InMemorySignatureSource _registry = new();

    private static SignerSet Keys(int threshold, params SigningKey[] keys) =>
        SignerSet.ForKeys(keys.Select((k, i) => new TrustedKey($"key{i}.pub", k.Public)).ToList(), threshold);

    private static byte[] Payload(string reference = Repo, string? digest = null) => new SimpleSigningPayload(reference, digest ?? Digest).ToBytes();

    private void CosignSign(SigningKey key, byte[]? payload = null)
    {
        payload ??= Payload();
        _registry.AddSignature(Digest, payload, SignatureFormats.CosignSignatureAnnotation, Convert.ToBase64String(key.Sign(payload)));
    }

    private Task<SignatureVerification> VerifyAsync(SignerSet signers, string tag = "1.0") =>
        RegistrySignatureVerifier.VerifyAsync(_registry, Repo, tag, Digest, signers, TimeProvider.System);

    private async Task<TrustVerificationException> RefusedAsync(SignerSet signers) =>
        await Assert.ThrowsAsync<TrustVerificationException>(() => VerifyAsync(signers));

    [Fact]
    public async Task Two_of_three_keys_meet_a_threshold_of_two()
    {
        CosignSign(Alice);
        CosignSign(Bob);
        var result = await VerifyAsync(Keys(2, Alice, Bob, Carol));
        Assert.Equal(SignatureMechanism.Cosign, result.Mechanism);
        Assert.Equal("2 of 3", result.Count);
        Assert.Equal(2, result.Signers.Count);
        Assert.Contains("2 of 3", result.ToString());
    }

    [Fact]
    public async Task One_of_two_is_threshold_not_met_and_names_the_numbers()
    {
        CosignSign(Alice);
        var e = await RefusedAsync(Keys(2, Alice, Bob));
        Assert.Equal(TrustFailureReason.ThresholdNotMet, e.Reason);
        Assert.Contains("1 of 2", e.Message);
    }

    [Fact]
    public async Task The_same_key_signing_twice_counts_once()
    {
        CosignSign(Alice);
        CosignSign(Alice);
        var e = await RefusedAsync(Keys(2, Alice, Bob));
        Assert.Equal(TrustFailureReason.ThresholdNotMet, e.Reason);
        Assert.Contains("1 of 2", e.Message);
    }

    [Fact]
    public async Task Unsigned_image_is_refused_as_unsigned()
    {
        var e = await RefusedAsync(Keys(1, Alice));
        Assert.Equal(TrustFailureReason.Unsigned, e.Reason);
        Assert.Equal(["manifest " + SignatureFormats.TagFor(Digest)], _registry.Requests);
    }

    [Fact]
    public async Task Signature_manifest_without_signatures_of_the_mechanism_is_unsigned()
    {
        CosignSign(Alice);
        using var ca = new TestCa();
        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => VerifyAsync(SignerSet.ForRoots(ca.Roots, 1)));
        Assert.Equal(TrustFailureReason.Unsigned, e.Reason);
        Assert.Contains(SignatureFormats.CmsSignatureAnnotation, e.Message);
    }

    [Fact]
    public async Task Wrong_signer_is_refused()
    {
        CosignSign(Mallory);
        var e = await RefusedAsync(Keys(1, Alice, Bob));
        Assert.Equal(TrustFailureReason.SignatureInvalid, e.Reason);
        Assert.Contains("none of the trusted keys", e.Message);
    }

    [Fact]
    public async Task Tampered_signature_is_refused()
    {
        byte[] payload = Payload();
        byte[] signature = Alice.Sign(payload);
        signature[^1] ^= 0x01;
        _registry.AddSignature(Digest, payload, SignatureFormats.CosignSignatureAnnotation, Convert.ToBase64String(signature));
        Assert.Equal(TrustFailureReason.SignatureInvalid, (await RefusedAsync(Keys(1, Alice))).Reason);
    }

    [Fact]
    public async Task Tampered_payload_blob_is_refused_by_its_digest()
    {
        CosignSign(Alice);
        string blob = _registry.Blobs.Keys.Single();
        _registry.Blobs[blob] = Payload(digest: OtherDigest);
        var e = await RefusedAsync(Keys(1, Alice));
        Assert.Equal(TrustFailureReason.HashMismatch, e.Reason);
        Assert.Contains("tampered", e.Message);
    }

    [Fact]
    public async Task Validly_signed_payload_for_another_digest_is_refused()
    {
        // A genuine signature for another image, copied under this image's signature tag.
        CosignSign(Alice, Payload(digest: OtherDigest));
        var e = await RefusedAsync(Keys(1, Alice));
        Assert.Equal(TrustFailureReason.PayloadMismatch, e.Reason);
        Assert.Contains(OtherDigest, e.Message);
    }

    [Fact]
    public async Task Validly_signed_payload_for_another_repository_is_refused()
    {
        CosignSign(Alice, Payload(reference: "registry.example/team/other"));
        var e = await RefusedAsync(Keys(1, Alice));
        Assert.Equal(TrustFailureReason.PayloadMismatch, e.Reason);
        Assert.Contains("team/other", e.Message);
    }

    [Fact]
    public async Task A_bad_layer_does_not_hide_good_ones()
    {
        CosignSign(Mallory);
        CosignSign(Alice);
        var result = await VerifyAsync(Keys(1, Alice));
        Assert.Equal("1 of 1", result.Count);
    }

    [Fact]
    public async Task Mixed_failures_report_threshold_not_met_with_each_reason()
    {
        CosignSign(Alice);
        CosignSign(Mallory);
        CosignSign(Bob, Payload(digest: OtherDigest));
        var e = await RefusedAsync(Keys(3, Alice, Bob, Carol));
        Assert.Equal(TrustFailureReason.ThresholdNotMet, e.Reason);
        Assert.Contains("1 of 3", e.Message);
        Assert.Contains("signature 1:", e.Message);
        Assert.Contains("signature 2:", e.Message);
    }

    [Fact]
    public async Task X509_signatures_count_distinct_signer_keys()
    {
        using var ca = new TestCa();
        using var alice = ca.Leaf("alice");
        using var bob = ca.Leaf("bob");
        foreach (var leaf in new[] { alice, bob, alice })
        {
            byte[] payload = Payload();
            _registry.AddSignature(Digest, payload, SignatureFormats.CmsSignatureAnnotation,
                Convert.ToBase64String(CmsSignature.Sign(payload, leaf, ca.Intermediates, DateTimeOffset.UtcNow)));
        }
        var result = await VerifyAsync(SignerSet.ForRoots(ca.Roots, 2));
        Assert.Equal(SignatureMechanism.X509, result.Mechanism);
        Assert.Equal(2, result.Signers.Count);
        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => VerifyAsync(SignerSet.ForRoots(ca.Roots, 3)));
        Assert.Equal(TrustFailureReason.ThresholdNotMet, e.Reason);
        Assert.Contains("2 of 3", e.Message);
    }

    [Fact]
    public async Task X509_from_an_untrusted_root_is_refused_with_the_certificate_reason()
    {
        using var ca = new TestCa();
        using var other = new TestCa("Other Root");
        using var leaf = other.Leaf("eve");
        byte[] payload = Payload();
        _registry.AddSignature(Digest, payload, SignatureFormats.CmsSignatureAnnotation,
            Convert.ToBase64String(CmsSignature.Sign(payload, leaf, other.Intermediates, DateTimeOffset.UtcNow)));
        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => VerifyAsync(SignerSet.ForRoots(ca.Roots, 1)));
        Assert.Equal(TrustFailureReason.CertificateInvalid, e.Reason);
    }

    [Fact]
    public async Task Payload_naming_another_tag_is_refused_but_the_repository_alone_matches_any_tag()
    {
        CosignSign(Alice, Payload(reference: Repo + ":2.0"));
        Assert.Equal(TrustFailureReason.PayloadMismatch, (await RefusedAsync(Keys(1, Alice))).Reason);
        var result = await VerifyAsync(Keys(1, Alice), tag: "2.0");
        Assert.Equal("1 of 1", result.Count);
    }
}
