using Hctr.Trust.Images;
using Hctr.Trust.Signatures;

namespace Hctr.Trust.Policies;

/// <summary>
/// <c>trust-policy.yaml</c>: per image-name pattern, which trust root, role, keys and threshold, and which
/// security profiles (by name and content digest) the image may run under. Pure: no I/O, no clock.
/// The first matching rule decides; unmatched images get <see cref="Default"/> (refuse unless the policy
/// says <c>allow-unverified-unsafe</c>).
/// </summary>
public sealed record TrustPolicy(IReadOnlyList<ImageRule> Rules, DefaultAction Default)
{
    public ImageRule? RuleFor(ImageReference image) => Rules.FirstOrDefault(r => r.Matches(image.Name));

    /// <summary>May <paramref name="image"/> run under the profile? Checks the rule and the profile grant;
    /// the TUF verification itself is <see cref="CheckVerification"/>, run with <see cref="ImageRule.Trust"/>.</summary>
    public TrustDecision Check(ImageReference image, string profileName, string profileDigest)
    {
        var rule = RuleFor(image);
        if (rule is null)
        {
            return Default == DefaultAction.AllowUnverifiedUnsafe
                ? new TrustDecision(TrustDecisionCode.AllowedUnverifiedUnsafe, $"no rule matches {image.Name}; default is allow-unverified-unsafe", null)
                : new TrustDecision(TrustDecisionCode.NoMatchingRule, $"no rule matches {image.Name}; default is refuse", null);
        }
        var grant = rule.Profiles.FirstOrDefault(p => p.Name == profileName);
        if (grant is null)
        {
            string allowed = rule.Profiles.Count == 0 ? "none" : string.Join(", ", rule.Profiles.Select(p => p.Name));
            return new TrustDecision(TrustDecisionCode.ProfileNotAllowed,
                $"{rule.Source}: {image.Name} may not run under profile '{profileName}' (allowed: {allowed})", rule);
        }
        if (grant.Digest is not null && !string.Equals(grant.Digest, profileDigest, StringComparison.OrdinalIgnoreCase))
        {
            return new TrustDecision(TrustDecisionCode.ProfileDigestMismatch,
                $"{rule.Source}: profile '{profileName}' is {profileDigest}, policy pins {grant.Digest}", rule);
        }
        if (rule.Unverified)
            return new TrustDecision(TrustDecisionCode.AllowedUnverifiedUnsafe, $"{rule.Source}: trust is unverified-unsafe", rule);
        string mechanism = SignatureVerification.MechanismName(rule.Mechanism!.Value);
        return new TrustDecision(TrustDecisionCode.Allowed, $"{rule.Source}: allowed under '{profileName}' once {mechanism} verification succeeds", rule)
        {
            Mechanism = rule.Mechanism,
        };
    }

    /// <summary>Checks a successful TUF verification against the rule's role, keys and threshold.</summary>
    public static TrustDecision CheckVerification(ImageRule rule, ImageVerification verification)
    {
        var trust = rule.Trust ?? throw new ArgumentException("rule has no TUF requirement", nameof(rule));
        if (trust.Role is not null && verification.RolePath[^1] != trust.Role)
        {
            return new TrustDecision(TrustDecisionCode.RoleNotAllowed,
                $"{rule.Source}: signed by role '{verification.RolePath[^1]}', policy requires '{trust.Role}'", rule);
        }
        var signers = verification.SignerKeyIds;
        string count = $"{signers.Count} of {signers.Count}";
        if (trust.Keys.Count > 0)
        {
            signers = verification.SignerKeyIds.Where(trust.Keys.Contains).ToList();
            count = $"{signers.Count} of {trust.Keys.Count}";
            if (signers.Count < trust.Threshold)
            {
                return new TrustDecision(TrustDecisionCode.KeysNotTrusted,
                    $"{rule.Source}: threshold not met: {signers.Count} of {trust.Threshold} policy keys signed", rule)
                {
                    Mechanism = SignatureMechanism.Tuf, Signers = signers, Count = count, Threshold = trust.Threshold,
                };
            }
        }
        return new TrustDecision(TrustDecisionCode.Allowed,
            $"{rule.Source}: {verification.TargetName} -> {verification.Digest} signed by {string.Join(" -> ", verification.RolePath)}", rule)
        {
            Mechanism = SignatureMechanism.Tuf, Signers = signers, Count = count, Threshold = trust.Keys.Count > 0 ? trust.Threshold : null,
        };
    }

    /// <summary>The decision for registry signatures that met the rule's threshold (<see cref="RegistrySignatureVerifier"/>).</summary>
    public static TrustDecision CheckSignatures(ImageRule rule, SignatureVerification verification)
    {
        var required = rule.Signatures ?? throw new ArgumentException("rule has no signature requirement", nameof(rule));
        if (required.Mechanism != verification.Mechanism || verification.Signers.Count < required.Threshold)
        {
            return new TrustDecision(TrustDecisionCode.KeysNotTrusted,
                $"{rule.Source}: threshold not met: {verification.Signers.Count} of {required.Threshold} {SignatureVerification.MechanismName(required.Mechanism)} signers", rule);
        }
        return new TrustDecision(TrustDecisionCode.Allowed, $"{rule.Source}: {verification}", rule)
        {
            Mechanism = verification.Mechanism, Signers = verification.Signers, Count = verification.Count, Threshold = verification.Threshold,
        };
    }
}
