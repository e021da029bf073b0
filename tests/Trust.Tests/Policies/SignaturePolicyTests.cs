using Hctr.Trust.Crypto;
using Hctr.Trust.Images;
using Hctr.Trust.Policies;
using Hctr.Trust.Signatures;
using Xunit;

namespace Hctr.Trust.Tests.Policies;

/// <summary>Trust-policy rules for registry signatures (cosign keys, x509 roots) beside TUF rules.</summary>
[Trait("Category", "Unit")]
public sealed class SignaturePolicyTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private const string Yaml = """
        version: 1
        images:
          - pattern: "registry.example/tuf/**"
            trust:
              metadata-url: https://tuf.example/metadata/
              root: team-root.json
            profiles: [{name: web}]
          - pattern: "registry.example/cosign/**"
            trust:
              mechanism: cosign
              keys: [alice.pub, bob.pub, carol.pub]
              threshold: 2
            profiles: [{name: web}]
          - pattern: "registry.example/legacy/*"
            trust:
              mechanism: signatures
              keys: [cosign.pub]
            profiles: [{name: web}]
          - pattern: "registry.example/pki/**"
            trust:
              mechanism: x509
              roots: [corp-root.pem]
              threshold: 1
            profiles: [{name: web}]
        """;

    private static TrustPolicy Policy => TrustPolicyParser.Parse(Yaml, "trust-policy.yaml");

    private static ImageReference Image(string name) => new(name, "v1", null);

    [Fact]
    public void Each_rule_names_its_mechanism_and_existing_tuf_rules_keep_working()
    {
        Assert.Equal(SignatureMechanism.Tuf, Policy.RuleFor(Image("registry.example/tuf/app"))!.Mechanism);
        var cosign = Policy.RuleFor(Image("registry.example/cosign/app"))!;
        Assert.Equal(SignatureMechanism.Cosign, cosign.Mechanism);
        Assert.Equal(["alice.pub", "bob.pub", "carol.pub"], cosign.Signatures!.Keys);
        Assert.Equal(2, cosign.Signatures.Threshold);
        Assert.Equal("trust-policy.yaml:10", cosign.Signatures.Source);
        Assert.Equal(SignatureMechanism.Cosign, Policy.RuleFor(Image("registry.example/legacy/app"))!.Mechanism);
        var pki = Policy.RuleFor(Image("registry.example/pki/a/b"))!;
        Assert.Equal(SignatureMechanism.X509, pki.Mechanism);
        Assert.Equal(["corp-root.pem"], pki.Signatures!.Roots);
    }

    [Fact]
    public void A_signature_rule_is_not_unverified()
    {
        var decision = Policy.Check(Image("registry.example/cosign/app"), "web", Digest);
        Assert.Equal(TrustDecisionCode.Allowed, decision.Code);
        Assert.Equal(SignatureMechanism.Cosign, decision.Mechanism);
        Assert.Contains("once cosign verification succeeds", decision.Reason);
    }

    [Fact]
    public void Decision_after_signatures_names_mechanism_signers_and_count()
    {
        var rule = Policy.RuleFor(Image("registry.example/cosign/app"))!;
        var decision = TrustPolicy.CheckSignatures(rule, new SignatureVerification(SignatureMechanism.Cosign, Digest, ["alice.pub", "bob.pub"], 2, 3));
        Assert.True(decision.Allowed);
        Assert.Equal("2 of 3", decision.Count);
        Assert.Equal(2, decision.Threshold);
        Assert.Equal(["alice.pub", "bob.pub"], decision.Signers);
        var wrongMechanism = TrustPolicy.CheckSignatures(rule, new SignatureVerification(SignatureMechanism.X509, Digest, ["x", "y"], 2, 2));
        Assert.Equal(TrustDecisionCode.KeysNotTrusted, wrongMechanism.Code);
    }

    [Fact]
    public void Tuf_decision_names_the_count_too()
    {
        var rule = TrustPolicyParser.Parse("version: 1\nimages:\n  - pattern: r/*\n    trust: {metadata-url: https://x/, root: r.json, keys: [a, b, c], threshold: 2}\n", "p.yaml").Rules[0];
        var decision = TrustPolicy.CheckVerification(rule, new ImageVerification("r/a:v1", Digest, 1, ["targets"], ["a", "c", "z"]));
        Assert.Equal((SignatureMechanism.Tuf, "2 of 3", 2), (decision.Mechanism!.Value, decision.Count!, decision.Threshold!.Value));
    }

    [Theory]
    [InlineData("    trust: {mechanism: notary, keys: [a]}\n", "p.yaml:4:24", "mechanism must be")]
    [InlineData("    trust: {mechanism: cosign}\n", "p.yaml:4:12", "cosign needs keys")]
    [InlineData("    trust: {mechanism: cosign, keys: []}\n", "p.yaml:4:38", "non-empty list")]
    [InlineData("    trust: {mechanism: cosign, keys: [a, b], threshold: 3}\n", "p.yaml:4:57", "between 1 and the number of keys")]
    [InlineData("    trust: {mechanism: cosign, keys: [a, a]}\n", "p.yaml:4:42", "listed twice")]
    [InlineData("    trust: {mechanism: cosign, keys: [a], metadata-url: https://x/}\n", "p.yaml:4:43", "unknown key 'metadata-url'")]
    [InlineData("    trust: {mechanism: x509, roots: [ca.pem], threshold: 0}\n", "p.yaml:4:58", "at least 1")]
    [InlineData("    trust: {mechanism: x509, keys: [a.pub]}\n", "p.yaml:4:30", "unknown key 'keys'")]
    [InlineData("    trust: {mechanism: [x]}\n", "p.yaml:4:24", "must be a scalar")]
    public void Bad_signature_rules_are_located(string trustLine, string location, string message)
    {
        var e = Assert.Throws<TrustVerificationException>(() => TrustPolicyParser.Parse("version: 1\nimages:\n  - pattern: r/*\n" + trustLine, "p.yaml"));
        Assert.Equal(TrustFailureReason.Malformed, e.Reason);
        Assert.StartsWith(location, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Signer_files_load_relative_to_the_policy_pem_and_hctr_keys_alike()
    {
        string dir = Directory.CreateTempSubdirectory("hctr-policy-").FullName;
        try
        {
            var alice = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
            var bob = SigningKey.Generate(KeyAlgorithm.EcdsaP256); // its .pub JSON holds a PEM string: must still read as JSON
            File.WriteAllText(Path.Combine(dir, "alice.pem"), PemKeys.ToPem(alice.Public)); // cosign.pub style
            KeyFile.WritePublic(Path.Combine(dir, "bob.pub"), bob.Public);
            var requirement = new SignatureRequirement { Mechanism = SignatureMechanism.Cosign, Keys = ["alice.pem", "bob.pub"], Threshold = 2, Source = "p.yaml:3" };
            var set = SignerSet.Load(requirement, dir);
            Assert.Equal([alice.KeyId, bob.KeyId], set.Keys.Select(k => k.KeyId));
            var missing = Assert.Throws<TrustVerificationException>(() => SignerSet.Load(requirement with { Keys = ["alice.pem", "nope.pub"], Threshold = 1 }, dir));
            Assert.Equal(TrustFailureReason.LocalState, missing.Reason);
            Assert.StartsWith("p.yaml:3: key file", missing.Message);
            var twice = Assert.Throws<TrustVerificationException>(() =>
            {
                File.Copy(Path.Combine(dir, "alice.pem"), Path.Combine(dir, "alice-again.pem"));
                SignerSet.Load(requirement with { Keys = ["alice.pem", "alice-again.pem"] }, dir);
            });
            Assert.Contains("same key", twice.Message);
            var roots = requirement with { Mechanism = SignatureMechanism.X509, Keys = [], Roots = ["alice.pem"] };
            Assert.Equal(TrustFailureReason.LocalState, Assert.Throws<TrustVerificationException>(() => SignerSet.Load(roots, dir)).Reason);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
