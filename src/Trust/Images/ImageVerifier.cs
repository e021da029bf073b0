using Hctr.Trust.Client;

namespace Hctr.Trust.Images;

/// <summary>Resolves an image tag through TUF targets to the trusted manifest digest (Docker Content Trust's model).</summary>
public static class ImageVerifier
{
    /// <summary>Refreshes, finds the target for <paramref name="image"/>, and checks the reference's digest and,
    /// when given, the manifest bytes the registry served. Fails closed with a typed reason.</summary>
    public static async Task<ImageVerification> VerifyAsync(Updater updater, ImageReference image,
        ReadOnlyMemory<byte>? manifest = null, CancellationToken cancellationToken = default)
    {
        await updater.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var info = await updater.GetTargetInfoAsync(image.TargetName, cancellationToken).ConfigureAwait(false)
            ?? throw new TrustVerificationException(TrustFailureReason.TargetNotFound, $"no trusted target for '{image.TargetName}'", image.TargetName);
        if (!info.Target.Hashes.TryGetValue("sha256", out var sha))
            throw new TrustVerificationException(TrustFailureReason.HashMismatch, $"target '{image.TargetName}' has no sha256", image.TargetName);
        string digest = "sha256:" + sha.ToLowerInvariant();
        if (image.Digest is not null && image.Digest != digest)
        {
            throw new TrustVerificationException(TrustFailureReason.HashMismatch,
                $"digest mismatch: reference names {image.Digest}, trusted manifest is {digest}", image.TargetName);
        }
        if (manifest is { } bytes) info.Target.VerifyBytes(bytes.Span);
        return new ImageVerification(image.TargetName, digest, info.Target.Length, info.RolePath, info.SignerKeyIds);
    }
}
