using System.Security.Cryptography.X509Certificates;
using Hctr.Trust;
using Hctr.Trust.Signatures;

// Fuzz target for the registry signature envelope (the sha256-HEX.sig manifest), the simple-signing payload and
// the CMS signature decoder. Contract: for any input bytes, only TrustVerificationException may escape; anything
// else is a bug and exits non-zero with the input path (turn it into a unit test in
// tests/Trust.Tests/Fuzz/SignatureMutationTests.cs).
// Usage: trust-signatures-fuzz FILE|DIR ...   (replays a corpus; stdin when no arguments)
// Like trust-metadata-fuzz, the harness has no engine dependency: plug it into SharpFuzz/libFuzzer by calling Run(bytes).
return CorpusReplay.Replay(args, Run);

static void Run(byte[] data)
{
    const string digest = "sha256:97fc222cee7991b5b061d4d4afdb5f3428fcb0c9054e1690313786befa1e4e36";
    CorpusReplay.Try(() =>
    {
        var manifest = SignatureManifest.Parse(data);
        // An accepted envelope must build and parse again to the same layers.
        var again = SignatureManifest.Parse(manifest.Build().Manifest);
        if (again.Layers.Count != manifest.Layers.Count) throw new InvalidOperationException("signature manifest does not round-trip");
    });
    CorpusReplay.Try(() =>
    {
        var payload = SimpleSigningPayload.Parse(data);
        if (SimpleSigningPayload.Parse(payload.ToBytes()) != payload) throw new InvalidOperationException("payload does not round-trip");
    });
    // The same bytes as a CMS signature over a fixed payload, and as the base64 text of a signature annotation.
    byte[] payloadBytes = new SimpleSigningPayload("registry.example/app", digest).ToBytes();
    CorpusReplay.Try(() => CmsSignature.Verify(payloadBytes, data, new X509Certificate2Collection(), DateTimeOffset.UnixEpoch));
    var layer = new SignatureLayer(SignatureFormats.SimpleSigningMediaType, digest, data.Length, new Dictionary<string, string>());
    var keys = SignerSet.ForKeys([new TrustedKey("k", Hctr.Trust.Crypto.SigningKey.Generate(Hctr.Trust.Crypto.KeyAlgorithm.Ed25519).Public)], 1);
    CorpusReplay.Try(() => RegistrySignatureVerifierProbe.VerifyLayer(layer, data, System.Text.Encoding.UTF8.GetString(data), keys, digest));
}

/// <summary>Drives one signature layer through the public verifier with an in-memory source.</summary>
internal static class RegistrySignatureVerifierProbe
{
    public static void VerifyLayer(SignatureLayer layer, byte[] payload, string signature, SignerSet keys, string digest)
    {
        var source = new OneLayerSource(layer with { Annotations = new Dictionary<string, string> { [SignatureFormats.CosignSignatureAnnotation] = signature } }, payload);
        RegistrySignatureVerifier.VerifyAsync(source, "registry.example/app", "v1", digest, keys, TimeProvider.System).GetAwaiter().GetResult();
    }

    private sealed class OneLayerSource(SignatureLayer layer, byte[] payload) : ISignatureSource
    {
        public Task<byte[]?> GetManifestAsync(string tag, int maxBytes, CancellationToken ct) =>
            Task.FromResult<byte[]?>(new SignatureManifest([layer with { Digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload)) }]).Build().Manifest);

        public Task<byte[]> GetBlobAsync(string digest, int maxBytes, CancellationToken ct) => Task.FromResult(payload);
    }
}
