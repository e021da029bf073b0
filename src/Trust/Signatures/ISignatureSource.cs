namespace Hctr.Trust.Signatures;

/// <summary>
/// What signature verification needs from a registry (declared here; Engine implements it over its registry
/// client): the signature manifest under a tag of the image's repository, and blobs of that repository. The verifier
/// checks every byte it gets (caps, digests) itself; implementations must cap reads at the sizes they are given.
/// </summary>
public interface ISignatureSource
{
    /// <summary>The manifest bytes under <paramref name="tag"/>, or null when the tag does not exist.</summary>
    Task<byte[]?> GetManifestAsync(string tag, int maxBytes, CancellationToken ct);

    /// <summary>The blob <paramref name="digest"/>, at most <paramref name="maxBytes"/> bytes.</summary>
    Task<byte[]> GetBlobAsync(string digest, int maxBytes, CancellationToken ct);
}
