using System.Security.Cryptography.X509Certificates;
using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Trust.Crypto;
using Hctr.Trust.Images;
using Hctr.Trust.Policies;
using Hctr.Trust.Signatures;
using Hctr.Trust.Tests.Signatures;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary>
/// Cosign-style and X.509 signatures stored in a real docker-registry, written by <see cref="RegistrySignaturePublisher"/>
/// and checked by the pull path through the trust policy (<see cref="PolicyImageTrust"/>). Every refusal is proved to
/// happen before any config or layer request, client-side and in the registry's access log.
/// </summary>
[Trait("Category", "E2E")]
public sealed class RegistrySignatureTests(RegistryFixture registry) : IClassFixture<RegistryFixture>, IDisposable
{
    private static readonly SigningKey Alice = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private static readonly SigningKey Bob = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private static readonly SigningKey Carol = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private static readonly SigningKey Mallory = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-regsig-").FullName;
    private readonly TestCa _ca = new();

    public void Dispose()
    {
        _ca.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private ImageReference Ref(string repoTag) =>
        ImageReference.TryParse($"{registry.Host}/{repoTag}", out var r, out var error) ? r! : throw new ArgumentException(error);

    private static RegistryClient Client(HttpMessageHandler? handler = null) => new(new RegistryOptions(), handler);

    /// <summary>Pushes an image whose content is unique to <paramref name="repo"/> (so digests never collide across tests).</summary>
    private async Task<(ImageReference Image, TestImage Content)> PushAsync(string repo)
    {
        var image = TestImage.Create("amd64", new LayerBuilder().Dir("etc").File("etc/hello", "hello from " + repo).TarGz());
        var reference = Ref($"{repo}:1.0");
        using (var client = Client()) await image.PushAsync(client, ImageLocation.Of(reference), "1.0");
        return (reference, image);
    }

    private static async Task CosignAsync(ImageReference image, string digest, SigningKey key)
    {
        using var client = Client();
        await new RegistrySignaturePublisher(client).AppendAsync(image with { Digest = digest }, SignatureFormats.CosignSignatureAnnotation,
            p => Convert.ToBase64String(key.Sign(p)));
    }

    private static async Task CmsAsync(ImageReference image, string digest, X509Certificate2 leaf, TestCa ca)
    {
        using var client = Client();
        await new RegistrySignaturePublisher(client).AppendAsync(image with { Digest = digest }, SignatureFormats.CmsSignatureAnnotation,
            p => Convert.ToBase64String(CmsSignature.Sign(p, leaf, ca.Intermediates, DateTimeOffset.UtcNow)));
    }

    /// <summary>A policy file in the temp dir with key files alice/bob/carol.pub (PEM) and the CA root.</summary>
    private TrustPolicy Policy(string rules)
    {
        foreach (var (name, key) in new[] { ("alice", Alice), ("bob", Bob), ("carol", Carol) })
            File.WriteAllText(Path.Combine(_dir, name + ".pub"), PemKeys.ToPem(key.Public));
        File.WriteAllText(Path.Combine(_dir, "root-ca.pem"), TestCa.Pem(_ca.Root));
        string yaml = $"version: 1\nimages:\n{rules}";
        File.WriteAllText(Path.Combine(_dir, "trust-policy.yaml"), yaml);
        return TrustPolicyParser.Parse(yaml, Path.Combine(_dir, "trust-policy.yaml"));
    }

    private string CosignRule(string repo, int threshold) =>
        $"  - pattern: \"{registry.Host}/{repo}\"\n    trust: {{mechanism: cosign, keys: [alice.pub, bob.pub, carol.pub], threshold: {threshold}}}\n";

    private string X509Rule(string repo) => $"  - pattern: \"{registry.Host}/{repo}\"\n    trust: {{mechanism: x509, roots: [root-ca.pem]}}\n";

    private async Task<PullResult> PullAsync(ImageReference image, TrustPolicy policy, HttpMessageHandler? handler = null)
    {
        using var client = Client(handler);
        var trust = new PolicyImageTrust(policy, _dir, client, _ => throw new InvalidOperationException("no TUF rule here"), TimeProvider.System);
        return await new ImagePuller(client, new ContentStore(Path.Combine(_dir, "store")), trust).PullAsync(image, new PullOptions());
    }

    /// <summary>Pull must be refused as untrusted with <paramref name="expected"/> in the reason, and neither the client nor the
    /// registry log may show a request for the image's config or layers.</summary>
    private async Task<string> RefusedBeforeContentAsync(ImageReference image, TestImage content, TrustPolicy policy, string expected)
    {
        var counting = new CountingHandler();
        registry.Settle(); // the push's own lines (which name the content digests) must be read before counting starts
        int logBefore = registry.Log.Count;
        var e = await Assert.ThrowsAsync<RegistryException>(() => PullAsync(image, policy, counting));
        Assert.Equal(RegistryFailureReason.Untrusted, e.Reason);
        Assert.Contains(expected, e.Message);
        var contentDigests = content.Layers.Append(content.Config).Select(b => Digests.Of(b)).ToList();
        Assert.NotEmpty(counting.Requests);
        Assert.DoesNotContain(counting.Requests, r => contentDigests.Any(d => r.Contains(d, StringComparison.Ordinal)));
        Assert.DoesNotContain(counting.Requests, r => r.Contains($"/manifests/{content.Digest}", StringComparison.Ordinal));
        registry.Settle();
        var logged = registry.Log.Skip(logBefore).ToList();
        Assert.Contains(logged, l => l.Contains(".sig", StringComparison.Ordinal) || l.Contains("/manifests/1.0", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, l => contentDigests.Any(d => l.Contains(d, StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(_dir, "store", "images", "blobs")));
        return e.Message;
    }

    [Fact]
    public async Task Two_of_three_cosign_signatures_pull_and_the_decision_names_them()
    {
        var (image, content) = await PushAsync("sig/good");
        await CosignAsync(image, content.Digest, Alice);
        await CosignAsync(image, content.Digest, Bob);
        registry.Settle(); // the push's own lines (which name the content digests) must be read before counting starts
        int logBefore = registry.Log.Count;
        var result = await PullAsync(image, Policy(CosignRule("sig/good", 2)));
        registry.Settle();
        // The log-based "no content request" checks below can see content requests: a trusted pull shows them.
        Assert.Contains(registry.Log.Skip(logBefore), l => l.Contains(Digests.Of(content.Config), StringComparison.Ordinal));
        Assert.Equal(content.Digest, result.Record.Digest);
        Assert.True(result.Trust.Trusted);
        Assert.Equal("cosign", result.Trust.Mechanism);
        Assert.Equal("2 of 3", result.Trust.Count);
        Assert.Equal(2, result.Trust.Signers.Count);
        Assert.Contains("trust-policy.yaml:3", result.Trust.Reason);
        // The signature manifest is an ordinary OCI manifest under sha256-HEX.sig with one layer per signer.
        using var client = Client();
        var sig = await new RegistrySignaturePublisher(client).ReadAsync(image with { Digest = content.Digest });
        Assert.Equal(2, sig.Layers.Count);
        Assert.All(sig.Layers, l => Assert.Equal(SignatureFormats.SimpleSigningMediaType, l.MediaType));
    }

    [Fact]
    public async Task Threshold_not_met_is_refused_before_any_config_or_layer_byte()
    {
        var (image, content) = await PushAsync("sig/one");
        await CosignAsync(image, content.Digest, Alice);
        string message = await RefusedBeforeContentAsync(image, content, Policy(CosignRule("sig/one", 2)), "1 of 2");
        Assert.Contains("ThresholdNotMet", message);
    }

    [Fact]
    public async Task Unsigned_image_is_refused_before_any_config_or_layer_byte()
    {
        var (image, content) = await PushAsync("sig/unsigned");
        await RefusedBeforeContentAsync(image, content, Policy(CosignRule("sig/unsigned", 1)), "Unsigned");
    }

    [Fact]
    public async Task Wrong_signer_is_refused()
    {
        var (image, content) = await PushAsync("sig/mallory");
        await CosignAsync(image, content.Digest, Mallory);
        await RefusedBeforeContentAsync(image, content, Policy(CosignRule("sig/mallory", 1)), "SignatureInvalid");
    }

    [Fact]
    public async Task Tampered_payload_blob_in_registry_storage_is_refused()
    {
        var (image, content) = await PushAsync("sig/tampered");
        await CosignAsync(image, content.Digest, Alice);
        byte[] payload = new SimpleSigningPayload(image.Name, content.Digest).ToBytes();
        string hex = Digests.Hex(Digests.Of(payload));
        string data = Path.Combine(registry.StorageDir, "data/docker/registry/v2/blobs/sha256", hex[..2], hex, "data");
        byte[] forged = new SimpleSigningPayload(image.Name, "sha256:" + new string('0', 64)).ToBytes();
        Assert.Equal(payload.Length, forged.Length);
        File.WriteAllBytes(data, forged);
        await RefusedBeforeContentAsync(image, content, Policy(CosignRule("sig/tampered", 1)), "HashMismatch");
    }

    [Fact]
    public async Task Signature_for_another_image_copied_under_the_tag_is_refused()
    {
        var (image, content) = await PushAsync("sig/copied");
        var (other, otherContent) = await PushAsync("sig/copied-source");
        await CosignAsync(other, otherContent.Digest, Alice);
        // Re-point this image's signature tag at the other image's (validly signed) signature manifest.
        using (var client = Client())
        {
            var sig = await new RegistrySignaturePublisher(client).ReadAsync(other with { Digest = otherContent.Digest });
            var (manifest, config) = sig.Build();
            byte[] payload = new SimpleSigningPayload(other.Name, otherContent.Digest).ToBytes();
            foreach (byte[] blob in new[] { payload, config })
                await client.PushBlobAsync(ImageLocation.Of(image), Digests.Of(blob), blob.Length, () => new MemoryStream(blob));
            await client.PutManifestAsync(ImageLocation.Of(image), SignatureFormats.TagFor(content.Digest), MediaTypes.OciManifest, manifest);
        }
        await RefusedBeforeContentAsync(image, content, Policy(CosignRule("sig/copied", 1)), "PayloadMismatch");
    }

    [Fact]
    public async Task X509_signature_chaining_to_the_policy_root_pulls()
    {
        var (image, content) = await PushAsync("pki/good");
        using var leaf = _ca.Leaf("release-bot");
        await CmsAsync(image, content.Digest, leaf, _ca);
        var result = await PullAsync(image, Policy(X509Rule("pki/good")));
        Assert.Equal("x509", result.Trust.Mechanism);
        Assert.Contains("CN=release-bot", Assert.Single(result.Trust.Signers));
    }

    [Fact]
    public async Task X509_refusals_untrusted_root_expired_leaf_wrong_eku()
    {
        var cases = new List<(string Repo, X509Certificate2 Leaf, TestCa Ca, string Expected)>();
        using var foreign = new TestCa("Foreign Root");
        var now = DateTimeOffset.UtcNow;
        cases.Add(("pki/foreign", foreign.Leaf("eve"), foreign, "root CA the policy names"));
        cases.Add(("pki/expired", _ca.Leaf("old", notBefore: now.AddDays(-15), notAfter: now.AddDays(-2)), _ca, "not valid at"));
        cases.Add(("pki/eku", _ca.Leaf("web", ekus: [TestCa.ServerAuth]), _ca, "code signing"));
        foreach (var (repo, leaf, ca, expected) in cases)
        {
            using (leaf)
            {
                var (image, content) = await PushAsync(repo);
                await CmsAsync(image, content.Digest, leaf, ca);
                string message = await RefusedBeforeContentAsync(image, content, Policy(X509Rule(repo)), expected);
                Assert.Contains("CertificateInvalid", message);
            }
        }
    }

    [Fact]
    public async Task Cosign_signatures_do_not_satisfy_an_x509_rule()
    {
        var (image, content) = await PushAsync("pki/cosigned");
        await CosignAsync(image, content.Digest, Alice);
        await RefusedBeforeContentAsync(image, content, Policy(X509Rule("pki/cosigned")), "Unsigned");
    }

    [Fact]
    public async Task Unmatched_image_follows_the_default_and_tuf_rules_route_to_tuf()
    {
        var (image, content) = await PushAsync("sig/nomatch");
        await RefusedBeforeContentAsync(image, content, Policy(CosignRule("sig/other", 1)), "default is refuse");
        var tufPolicy = TrustPolicyParser.Parse(
            $"version: 1\nimages:\n  - pattern: \"{registry.Host}/sig/nomatch\"\n    trust: {{metadata-url: http://127.0.0.1:1/, root: r.json}}\n", "p.yaml");
        using var client = Client();
        var routed = new List<string>();
        var trust = new PolicyImageTrust(tufPolicy, _dir, client, r =>
        {
            routed.Add(r.MetadataUrl.AbsoluteUri);
            throw new Hctr.Trust.TrustVerificationException(Hctr.Trust.TrustFailureReason.LocalState, "no root in this test");
        }, TimeProvider.System);
        var decision = await trust.CheckAsync(image, content.Digest, content.Manifest.Length, profile: null);
        Assert.False(decision.Trusted);
        Assert.Equal("tuf", decision.Mechanism);
        Assert.Equal(["http://127.0.0.1:1/"], routed);
    }
}
