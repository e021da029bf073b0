using Hctr.Trust;
using Hctr.Trust.Client;
using Hctr.Trust.Images;

namespace Hctr.Engine.Images;

/// <summary>
/// <see cref="IImageTrust"/> over the TUF client in src/Trust: the tag's target must exist in trusted targets
/// metadata and name exactly this digest and length.
/// It has no trust policy, so it cannot say which profiles an image may run under: with a profile it refuses
/// (fail closed); <c>hctr run</c> with <c>--metadata-url</c> therefore needs <c>--policy</c>. Used by
/// <c>hctr pull --metadata-url</c>; the trust policy (<see cref="PolicyImageTrust"/>) adds per-rule roles, keys and
/// thresholds, and the registry-signature mechanisms.
/// </summary>
public sealed class TufImageTrust(Updater updater) : IImageTrust
{
    public async Task<TrustDecision> CheckAsync(ImageReference image, string manifestDigest, long size, ProfileIdentity? profile,
        CancellationToken ct = default)
    {
        if (profile is not null)
            return TrustDecision.Refuse($"no trust policy says which profiles {image.Name} may run under (give --policy)");
        try
        {
            var verified = await ImageVerifier.VerifyAsync(updater, image with { Digest = null }, null, ct).ConfigureAwait(false);
            if (verified.Digest != manifestDigest)
                return TrustDecision.Refuse($"registry serves {manifestDigest} for {image.TargetName}, but the trusted digest is {verified.Digest}") with { Mechanism = "tuf" };
            if (verified.Length != size)
                return TrustDecision.Refuse($"registry says the manifest is {size} bytes, trusted length is {verified.Length}") with { Mechanism = "tuf" };
            return TrustDecision.Accept($"TUF target {verified.TargetName} via {string.Join(" > ", verified.RolePath)}", verified.SignerKeyIds) with { Mechanism = "tuf" };
        }
        catch (TrustVerificationException e)
        {
            return TrustDecision.Refuse($"{e.Reason}: {e.Message}") with { Mechanism = "tuf" };
        }
    }
}
