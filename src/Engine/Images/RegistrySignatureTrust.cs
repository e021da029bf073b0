using Hctr.Engine.Images.Registry;
using Hctr.Trust;
using Hctr.Trust.Images;
using Hctr.Trust.Signatures;

namespace Hctr.Engine.Images;

/// <summary>
/// <see cref="IImageTrust"/> over signatures stored beside the image in its registry (cosign's <c>sha256-HEX.sig</c>
/// tag): the digest the tag resolved to must carry signatures from at least the threshold of distinct trusted signers
/// (public keys, or certificates chaining to a root CA). Only the signature manifest and payload blobs are read.
/// It holds no trust policy, so it cannot say which profiles an image may run under: asked with a profile, it
/// refuses (fail closed); <see cref="PolicyImageTrust"/> checks the grant and then calls it without one.
/// </summary>
public sealed class RegistrySignatureTrust(RegistryClient client, SignerSet signers, TimeProvider time) : IImageTrust
{
    public async Task<TrustDecision> CheckAsync(ImageReference image, string manifestDigest, long size, ProfileIdentity? profile,
        CancellationToken ct = default)
    {
        string mechanism = SignatureVerification.MechanismName(signers.Mechanism);
        if (profile is not null)
        {
            return TrustDecision.Refuse($"no trust policy says which profiles {image.Name} may run under (profile '{profile.Name}')") with { Mechanism = mechanism };
        }

        try
        {
            var source = new RegistrySignatureSource(client, ImageLocation.Of(image));
            var verified = await RegistrySignatureVerifier.VerifyAsync(source, image.Name, image.Tag, manifestDigest, signers, time, ct).ConfigureAwait(false);
            return TrustDecision.Accept(verified.ToString(), verified.Signers) with { Mechanism = mechanism, Count = verified.Count };
        }
        catch (TrustVerificationException e)
        {
            return TrustDecision.Refuse($"{mechanism}: {e.Reason}: {e.Message}") with { Mechanism = mechanism };
        }
    }
}
