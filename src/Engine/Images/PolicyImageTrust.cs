using Hctr.Trust;
using Hctr.Trust.Client;
using Hctr.Trust.Images;
using Hctr.Trust.Policies;

namespace Hctr.Engine.Images;

/// <summary>
/// <see cref="IImageTrust"/> under a trust policy (trust-policy.yaml): the first rule matching the image decides
/// which profiles it may run under (checked first, from the policy alone: a refusal costs no network request) and
/// which TUF repository, role and keys must vouch for the manifest digest. Trusted metadata is cached per metadata
/// URL under <c>cacheDir</c>, seeded from the rule's root file.
/// </summary>
public sealed class PolicyImageTrust(TrustPolicy policy, string policyPath, string cacheDir, HttpClient http, TimeProvider time) : IImageTrust
{
    public async Task<TrustDecision> CheckAsync(ImageReference image, string manifestDigest, long size, ProfileIdentity? profile,
        CancellationToken ct = default)
    {
        Hctr.Trust.Policies.TrustDecision decision;
        if (profile is not null)
        {
            decision = policy.Check(image, profile.Name, profile.Digest);
        }
        else
        {
            // A plain pull runs nothing: the profile grant is checked at run; the rule's trust requirement applies now.
            var rule = policy.RuleFor(image);
            decision = rule is not null
                ? new(rule.Trust is null ? TrustDecisionCode.AllowedUnverifiedUnsafe : TrustDecisionCode.Allowed, $"{rule.Source}: pull only", rule)
                : policy.Check(image, "", "");
        }

        if (!decision.Allowed)
        {
            return TrustDecision.Refuse($"{decision.Code}: {decision.Reason}");
        }

        if (decision.Rule?.Trust is not { } requirement)
        {
            return TrustDecision.Accept($"UNSAFE: {decision.Reason} (trust policy allows it unverified)");
        }

        try
        {
            var updater = UpdaterFor(requirement);
            var verified = await ImageVerifier.VerifyAsync(updater, image with { Digest = null }, null, ct).ConfigureAwait(false);
            if (verified.Digest != manifestDigest)
                return TrustDecision.Refuse($"registry serves {manifestDigest} for {image.TargetName}, but the trusted digest is {verified.Digest}");
            if (verified.Length != size)
                return TrustDecision.Refuse($"registry says the manifest is {size} bytes, trusted length is {verified.Length}");
            var checkedKeys = TrustPolicy.CheckVerification(decision.Rule, verified);
            return checkedKeys.Allowed
                ? TrustDecision.Accept(checkedKeys.Reason + (profile is null ? "" : $"; profile '{profile.Name}' allowed"), verified.SignerKeyIds)
                : TrustDecision.Refuse($"{checkedKeys.Code}: {checkedKeys.Reason}");
        }
        catch (TrustVerificationException e)
        {
            return TrustDecision.Refuse($"{e.Reason}: {e.Message}");
        }
        catch (IOException e)
        {
            return TrustDecision.Refuse($"trusted metadata: {e.Message}");
        }
    }

    private Updater UpdaterFor(TrustRequirement requirement)
    {
        string key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(requirement.MetadataUrl.AbsoluteUri)))[..16];
        var metadata = new FileMetadataStore(Path.Combine(cacheDir, key));
        if (metadata.TryRead("root.json") is null)
        {
            string rootFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(policyPath))!, requirement.RootFile);
            metadata.Write("root.json", File.ReadAllBytes(rootFile));
        }
        return new Updater(metadata, new HttpMetadataFetcher(http), requirement.MetadataUrl, time);
    }
}
