namespace Hctr.Trust.Signatures;

/// <summary>
/// The names cosign's tag-based signature storage uses (its SIGNATURE_SPEC), and hctr's CMS annotation beside them.
/// A signature manifest for <c>sha256:HEX</c> is the tag <c>sha256-HEX.sig</c> in the image's repository: an OCI
/// manifest whose layers are simple-signing payloads, each signed in a layer annotation.
/// </summary>
public static class SignatureFormats
{
    /// <summary>Media type of a simple-signing payload layer.</summary>
    public const string SimpleSigningMediaType = "application/vnd.dev.cosign.simplesigning.v1+json";

    /// <summary>Layer annotation holding the base64 signature over the payload bytes (cosign).</summary>
    public const string CosignSignatureAnnotation = "dev.cosignproject.cosign/signature";

    /// <summary>Layer annotation holding a base64 DER CMS SignedData, detached, over the payload bytes (hctr X.509).</summary>
    public const string CmsSignatureAnnotation = "dev.hctr.signature/cms";

    /// <summary>The <c>critical.type</c> of a cosign container image signature.</summary>
    public const string CosignPayloadType = "cosign container image signature";

    public const string OciManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    public const string OciConfigMediaType = "application/vnd.oci.image.config.v1+json";

    /// <summary>Caps on what a verifier reads from the registry (an attacker controls the signature tag).</summary>
    public const int MaxManifestBytes = 512 * 1024;
    public const int MaxPayloadBytes = 64 * 1024;
    public const int MaxLayers = 64;

    /// <summary>The tag that holds the signatures of <paramref name="manifestDigest"/> (<c>sha256:HEX</c> -> <c>sha256-HEX.sig</c>).</summary>
    public static string TagFor(string manifestDigest)
    {
        if (!IsSha256Digest(manifestDigest))
            throw new TrustVerificationException(TrustFailureReason.Malformed, $"'{manifestDigest}' is not a sha256 digest");
        return manifestDigest.Replace(':', '-') + ".sig";
    }

    public static bool IsSha256Digest(string text) =>
        text.Length == 71 && text.StartsWith("sha256:", StringComparison.Ordinal) && text.AsSpan(7).ContainsAnyExcept("0123456789abcdef") is false;
}
