using Hctr.Trust;
using Hctr.Trust.Client;
using Hctr.Trust.Images;

namespace Hctr.Engine.Images;

/// <summary>
/// <see cref="IImageTrust"/> over the TUF client in src/Trust: the tag's target must exist in trusted targets
/// metadata and name exactly this digest and length.
/// It has no trust policy, so it cannot say which profiles an image may run under: with a profile it refuses
/// (fail closed); <c>hctr run</c> with <c>--metadata-url</c> therefore needs <c>--policy</c> (see <see cref="PolicyImageTrust"/>).
/// TODO(lead): cosign-style registry signatures (issue 5) are not in Trust's API yet.
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
                return TrustDecision.Refuse($"registry serves {manifestDigest} for {image.TargetName}, but the trusted digest is {verified.Digest}");
            if (verified.Length != size)
                return TrustDecision.Refuse($"registry says the manifest is {size} bytes, trusted length is {verified.Length}");
            return TrustDecision.Accept($"TUF target {verified.TargetName} via {string.Join(" > ", verified.RolePath)}", verified.SignerKeyIds);
        }
        catch (TrustVerificationException e)
        {
            return TrustDecision.Refuse($"{e.Reason}: {e.Message}");
        }
    }
}
