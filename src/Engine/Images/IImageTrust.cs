using Hctr.Trust.Images;

namespace Hctr.Engine.Images;

/// <summary>
/// What the pull path needs from trust (declared here, sigstore-go style): is this manifest digest, which the tag
/// resolved to, trusted for this image? Called after resolution and before any config or layer byte is fetched.
/// Implementations fail closed: any doubt is a refusal with a reason.
/// </summary>
public interface IImageTrust
{
    Task<TrustDecision> CheckAsync(ImageReference image, string manifestDigest, long size, CancellationToken ct = default);
}
