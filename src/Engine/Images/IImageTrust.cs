using Hctr.Trust.Images;

namespace Hctr.Engine.Images;

/// <summary>
/// What the pull and run paths need from trust (declared here, sigstore-go style): is this manifest digest, which
/// the tag resolved to, trusted for this image, and may it run under <c>profile</c> (null for a plain pull, which
/// runs nothing)? Called after resolution and before any config or layer byte is fetched, and again by
/// <c>hctr run</c> for an image already in the store. Implementations fail closed: any doubt is a refusal with a reason.
/// </summary>
public interface IImageTrust
{
    Task<TrustDecision> CheckAsync(ImageReference image, string manifestDigest, long size, ProfileIdentity? profile,
        CancellationToken ct = default);
}
