using Hctr.Engine.Images.Registry;
using Hctr.Trust;
using Hctr.Trust.Client;
using Hctr.Trust.Images;
using Hctr.Trust.Policies;
using Hctr.Trust.Signatures;

namespace Hctr.Engine.Images;

/// <summary>
/// <see cref="IImageTrust"/> driven by the trust policy: the first rule matching the image picks the mechanism.
/// <c>tuf</c>: the TUF target must name exactly the resolved digest and length, and the rule's role/keys/threshold
/// hold; <c>cosign</c>/<c>x509</c>: <see cref="RegistrySignatureTrust"/> with the rule's keys or roots (files
/// relative to the policy). No matching rule follows the policy's default (refuse unless allow-unverified-unsafe).
/// With a profile (a run), the rule must first allow that profile by name and content digest.
/// Runs after tag resolution and before any config or layer byte is fetched (the puller's order).
/// </summary>
public sealed class PolicyImageTrust(TrustPolicy policy, string policyDirectory, RegistryClient client,
    Func<TrustRequirement, Updater> tufUpdater, TimeProvider time) : IImageTrust
{
    public async Task<TrustDecision> CheckAsync(ImageReference image, string manifestDigest, long size, ProfileIdentity? profile,
        CancellationToken ct = default)
    {
        if (profile is not null)
        {
            // Which profiles the image may run under is decided by the policy alone: a refusal costs no network request.
            var grant = policy.Check(image, profile.Name, profile.Digest);
            if (!grant.Allowed)
            {
                return TrustDecision.Refuse($"{grant.Code}: {grant.Reason}");
            }
        }

        var rule = policy.RuleFor(image);
        if (rule is null)
        {
            return policy.Default == DefaultAction.AllowUnverifiedUnsafe
                ? TrustDecision.Accept($"UNSAFE: no trust-policy rule matches {image.Name}; default is allow-unverified-unsafe") with { Mechanism = "none" }
                : TrustDecision.Refuse($"no trust-policy rule matches {image.Name}; default is refuse");
        }
        if (rule.Unverified) return TrustDecision.Accept($"UNSAFE: {rule.Source}: trust is unverified-unsafe") with { Mechanism = "none" };
        if (rule.Signatures is { } required)
        {
            SignerSet signers;
            try
            {
                signers = SignerSet.Load(required, policyDirectory);
            }
            catch (TrustVerificationException e)
            {
                return TrustDecision.Refuse($"{e.Reason}: {e.Message}");
            }
            var decision = await new RegistrySignatureTrust(client, signers, time).CheckAsync(image, manifestDigest, size, profile: null, ct).ConfigureAwait(false);
            return decision with { Reason = $"{rule.Source}: {decision.Reason}" };
        }
        return await CheckTufAsync(rule, image, manifestDigest, size, ct).ConfigureAwait(false);
    }

    private async Task<TrustDecision> CheckTufAsync(ImageRule rule, ImageReference image, string manifestDigest, long size, CancellationToken ct)
    {
        try
        {
            var verified = await ImageVerifier.VerifyAsync(tufUpdater(rule.Trust!), image with { Digest = null }, null, ct).ConfigureAwait(false);
            if (verified.Digest != manifestDigest)
                return TrustDecision.Refuse($"{rule.Source}: tuf: registry serves {manifestDigest} for {image.TargetName}, but the trusted digest is {verified.Digest}") with { Mechanism = "tuf" };
            if (verified.Length != size)
                return TrustDecision.Refuse($"{rule.Source}: tuf: registry says the manifest is {size} bytes, trusted length is {verified.Length}") with { Mechanism = "tuf" };
            var decision = TrustPolicy.CheckVerification(rule, verified);
            return decision.Allowed
                ? TrustDecision.Accept($"tuf: {decision.Reason}", decision.Signers) with { Mechanism = "tuf", Count = decision.Count }
                : TrustDecision.Refuse($"tuf: {decision.Reason}") with { Mechanism = "tuf" };
        }
        catch (TrustVerificationException e)
        {
            return TrustDecision.Refuse($"{rule.Source}: tuf: {e.Reason}: {e.Message}") with { Mechanism = "tuf" };
        }
    }
}
