using System.Security.Cryptography;
using Hctr.Trust.Signatures;

namespace Hctr.Trust.Tests.Simulator;

/// <summary>A registry repository in memory for signature tests: tags to manifest bytes, digests to blobs.
/// Serves exactly what it holds (tampering is done by editing the dictionaries), and honours the caps.</summary>
internal sealed class InMemorySignatureSource : ISignatureSource
{
    public Dictionary<string, byte[]> Manifests { get; } = [];
    public Dictionary<string, byte[]> Blobs { get; } = [];
    public List<string> Requests { get; } = [];

    public Task<byte[]?> GetManifestAsync(string tag, int maxBytes, CancellationToken ct)
    {
        Requests.Add("manifest " + tag);
        if (Manifests.TryGetValue(tag, out byte[]? bytes) && bytes.Length > maxBytes) throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, "cap");
        return Task.FromResult(Manifests.GetValueOrDefault(tag));
    }

    public Task<byte[]> GetBlobAsync(string digest, int maxBytes, CancellationToken ct)
    {
        Requests.Add("blob " + digest);
        return Blobs.TryGetValue(digest, out byte[]? bytes) && bytes.Length <= maxBytes
            ? Task.FromResult(bytes)
            : throw new TrustVerificationException(TrustFailureReason.FetchFailed, $"blob {digest} not found");
    }

    /// <summary>Appends a signature layer for <paramref name="payload"/> to the signature manifest of <paramref name="imageDigest"/>.</summary>
    public void AddSignature(string imageDigest, byte[] payload, string annotation, string value)
    {
        string tag = SignatureFormats.TagFor(imageDigest);
        var existing = Manifests.TryGetValue(tag, out byte[]? m) ? SignatureManifest.Parse(m) : new SignatureManifest([]);
        string digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(payload));
        Blobs[digest] = payload;
        var manifest = existing.Append(new SignatureLayer(SignatureFormats.SimpleSigningMediaType, digest, payload.Length,
            new Dictionary<string, string> { [annotation] = value }));
        Manifests[tag] = manifest.Build().Manifest;
    }
}
