using System.Security.Cryptography;

namespace Hctr.Trust.Signatures;

/// <summary>
/// Verifies the signatures stored beside an image (cosign's tag-based layout) against a <see cref="SignerSet"/>:
/// fetch <c>sha256-HEX.sig</c>, then for each layer of the wanted kind fetch its payload (capped, size and digest
/// checked), require that the payload names exactly this manifest digest and this image, and verify the signature
/// (a trusted key, or a CMS signer chaining to a policy root). Distinct signers are counted against the threshold.
/// Fails closed: no signature, a threshold not met, or any doubt is a <see cref="TrustVerificationException"/>
/// whose message lists why each signature did not count.
/// </summary>
public static class RegistrySignatureVerifier
{
    public static async Task<SignatureVerification> VerifyAsync(ISignatureSource source, string repository, string? tag,
        string manifestDigest, SignerSet signers, TimeProvider time, CancellationToken ct = default)
    {
        string sigTag = SignatureFormats.TagFor(manifestDigest);
        byte[] manifestBytes = await source.GetManifestAsync(sigTag, SignatureFormats.MaxManifestBytes, ct).ConfigureAwait(false)
            ?? throw new TrustVerificationException(TrustFailureReason.Unsigned, $"{repository}: unsigned: no signature manifest {sigTag}", repository);
        var manifest = SignatureManifest.Parse(manifestBytes);
        string annotation = signers.Mechanism == SignatureMechanism.X509 ? SignatureFormats.CmsSignatureAnnotation : SignatureFormats.CosignSignatureAnnotation;
        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        var rejected = new List<(TrustFailureReason Reason, string Message)>();
        var payloads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int candidates = 0;
        for (int i = 0; i < manifest.Layers.Count; i++)
        {
            var layer = manifest.Layers[i];
            if (layer.MediaType != SignatureFormats.SimpleSigningMediaType || layer.Annotation(annotation) is not { } signatureText) continue;
            candidates++;
            try
            {
                byte[] payload = await PayloadAsync(source, layer, payloads, ct).ConfigureAwait(false);
                var (identity, name) = VerifyLayer(layer, payload, signatureText, repository, tag, manifestDigest, signers, time.GetUtcNow());
                valid.TryAdd(identity, name);
            }
            catch (TrustVerificationException e)
            {
                rejected.Add((e.Reason, $"signature {i}: {e.Message}"));
            }
        }
        if (valid.Count >= signers.Threshold)
            return new SignatureVerification(signers.Mechanism, manifestDigest, valid.Values.ToList(), signers.Threshold, signers.TrustedCount);
        if (candidates == 0)
        {
            throw new TrustVerificationException(TrustFailureReason.Unsigned,
                $"{repository}: unsigned: {sigTag} has no {SignatureVerification.MechanismName(signers.Mechanism)} signature ({annotation})", repository);
        }
        var reasons = rejected.Select(r => r.Reason).Distinct().ToList();
        var reason = valid.Count == 0 && reasons.Count == 1 ? reasons[0] : TrustFailureReason.ThresholdNotMet;
        string valids = valid.Count == 0 ? "" : $"; valid: {string.Join(", ", valid.Values)}";
        throw new TrustVerificationException(reason,
            $"{repository}@{manifestDigest}: threshold not met: {valid.Count} of {signers.Threshold} required signers{valids}"
            + string.Concat(rejected.Select(r => "; " + r.Message)), repository);
    }

    private static async Task<byte[]> PayloadAsync(ISignatureSource source, SignatureLayer layer, Dictionary<string, byte[]> cache, CancellationToken ct)
    {
        if (layer.Size > SignatureFormats.MaxPayloadBytes)
            throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, $"payload is {layer.Size} bytes, over the {SignatureFormats.MaxPayloadBytes}-byte cap");
        if (!cache.TryGetValue(layer.Digest, out byte[]? bytes))
        {
            bytes = await source.GetBlobAsync(layer.Digest, SignatureFormats.MaxPayloadBytes, ct).ConfigureAwait(false);
            cache[layer.Digest] = bytes;
        }
        string actual = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != layer.Digest)
            throw new TrustVerificationException(TrustFailureReason.HashMismatch, $"payload blob {layer.Digest} has digest {actual} (tampered)");
        if (bytes.Length != layer.Size)
            throw new TrustVerificationException(TrustFailureReason.LengthMismatch, $"payload blob is {bytes.Length} bytes, manifest says {layer.Size}");
        return bytes;
    }

    /// <summary>Checks one signature layer; returns the signer's identity (for counting distinct signers) and name.</summary>
    internal static (string Identity, string Name) VerifyLayer(SignatureLayer layer, byte[] payloadBytes, string signatureText,
        string repository, string? tag, string manifestDigest, SignerSet signers, DateTimeOffset now)
    {
        var payload = SimpleSigningPayload.Parse(payloadBytes);
        if (payload.ManifestDigest != manifestDigest)
            throw new TrustVerificationException(TrustFailureReason.PayloadMismatch, $"payload is for {payload.ManifestDigest}, not {manifestDigest}");
        if (!payload.Names(repository, tag))
            throw new TrustVerificationException(TrustFailureReason.PayloadMismatch, $"payload names image '{payload.DockerReference}', not '{repository}'");
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureText);
        }
        catch (FormatException)
        {
            throw new TrustVerificationException(TrustFailureReason.Malformed, "signature annotation is not base64");
        }
        if (signers.Mechanism == SignatureMechanism.X509)
        {
            var (name, identity) = CmsSignature.Verify(payloadBytes, signature, signers.Roots, now);
            return (identity, name);
        }
        foreach (var key in signers.Keys)
        {
            bool ok;
            try
            {
                ok = key.Key.Verify(payloadBytes, signature);
            }
            catch (TrustVerificationException)
            {
                ok = false; // a key type this build cannot use verifies nothing
            }
            if (ok) return (key.KeyId, $"{key.Name} ({key.KeyId[..16]})");
        }
        throw new TrustVerificationException(TrustFailureReason.SignatureInvalid,
            $"verifies with none of the trusted keys ({string.Join(", ", signers.Keys.Select(k => k.Name))}): wrong signer or tampered signature");
    }
}
