using Hctr.Trust.Images;
using Hctr.Trust.Policies;
using Xunit;

namespace Hctr.Trust.Tests.Policies;

[Trait("Category", "Unit")]
public sealed class TrustPolicyTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private const string Yaml = """
        version: 1
        default: refuse
        images:
          - pattern: "registry.example/team/**"
            trust:
              metadata-url: https://tuf.example/metadata/
              root: team-root.json
              role: targets
              keys: [aaa, bbb, ccc]
              threshold: 2
            profiles:
              - name: web-strict
                digest: sha256:1111111111111111111111111111111111111111111111111111111111111111
          - pattern: "localhost:5000/*"
            trust: unverified-unsafe
            profiles:
              - name: dev
        """;

    private static ImageReference Image(string name) => new(name, "v1", null);

    private static TrustPolicy Policy => TrustPolicyParser.Parse(Yaml, "trust-policy.yaml");

    [Fact]
    public void MatchingRule_AndPinnedProfile_IsAllowed()
    {
        var decision = Policy.Check(Image("registry.example/team/sub/app"), "web-strict", Digest);
        Assert.Equal(TrustDecisionCode.Allowed, decision.Code);
        Assert.Equal(2, decision.Rule!.Trust!.Threshold);
        Assert.Equal("trust-policy.yaml:4", decision.Rule.Source);
    }

    [Fact]
    public void UnmatchedImage_IsRefusedByDefault()
    {
        var decision = Policy.Check(Image("docker.io/library/nginx"), "web-strict", Digest);
        Assert.Equal(TrustDecisionCode.NoMatchingRule, decision.Code);
        Assert.False(decision.Allowed);
    }

    [Fact]
    public void OtherProfile_IsRefused()
    {
        Assert.Equal(TrustDecisionCode.ProfileNotAllowed, Policy.Check(Image("registry.example/team/app"), "privileged", Digest).Code);
    }

    [Fact]
    public void ChangedProfileContent_IsRefused()
    {
        var decision = Policy.Check(Image("registry.example/team/app"), "web-strict", "sha256:" + new string('2', 64));
        Assert.Equal(TrustDecisionCode.ProfileDigestMismatch, decision.Code);
    }

    [Fact]
    public void SingleStar_DoesNotCrossSlash_AndUnsafeIsNamed()
    {
        Assert.Equal(TrustDecisionCode.AllowedUnverifiedUnsafe, Policy.Check(Image("localhost:5000/app"), "dev", Digest).Code);
        Assert.Equal(TrustDecisionCode.NoMatchingRule, Policy.Check(Image("localhost:5000/a/b"), "dev", Digest).Code);
    }

    [Fact]
    public void Verification_MustMeetPolicyKeysAndRole()
    {
        var rule = Policy.RuleFor(Image("registry.example/team/app"))!;
        var ok = new ImageVerification("registry.example/team/app:v1", Digest, 10, ["targets"], ["aaa", "ccc", "zzz"]);
        Assert.Equal(TrustDecisionCode.Allowed, TrustPolicy.CheckVerification(rule, ok).Code);
        var decision = TrustPolicy.CheckVerification(rule, ok with { SignerKeyIds = ["aaa", "zzz"] });
        Assert.Equal(TrustDecisionCode.KeysNotTrusted, decision.Code);
        Assert.Contains("1 of 2", decision.Reason);
        Assert.Equal(TrustDecisionCode.RoleNotAllowed, TrustPolicy.CheckVerification(rule, ok with { RolePath = ["targets", "team"] }).Code);
    }

    [Theory]
    [InlineData("version: 2\n", ":1:")]
    [InlineData("version: 1\nbogus: 1\n", "unknown key 'bogus'")]
    [InlineData("version: 1\nversion: 1\n", "trust-policy.yaml")]
    [InlineData("version: 1\ndefault: allow\n", "default must be")]
    [InlineData("version: 1\nimages:\n  - pattern: x\n", "needs trust")]
    [InlineData("version: 1\nimages:\n  - pattern: x\n    trust: {metadata-url: ftp://x/, root: r}\n", "metadata-url")]
    [InlineData("version: 1\ndefault: &a refuse\n", "anchors")]
    public void BadPolicies_AreMalformed_WithLocation(string yaml, string expected)
    {
        var e = Assert.Throws<TrustVerificationException>(() => TrustPolicyParser.Parse(yaml, "trust-policy.yaml"));
        Assert.Equal(TrustFailureReason.Malformed, e.Reason);
        Assert.Contains(expected, e.Message);
    }
}
