using Hctr.Engine.Images;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Trust;
using Hctr.Trust.Client;
using Hctr.Trust.Crypto;
using Hctr.Trust.Images;
using Hctr.Trust.Metadata;
using Hctr.Trust.Policies;
using Hctr.Trust.Repository;
using Xunit;

namespace Hctr.Engine.Tests.Images;

/// <summary>
/// The trust policy's <c>tuf</c> mechanism on the pull path: a TUF repository made with the repository side
/// (init, 2 targets signers, publish), served from its published directory, and a real docker-registry. The rule's
/// keys and threshold are checked after the TUF client verified the target; the decision names the count.
/// </summary>
[Trait("Category", "E2E")]
public sealed class PolicyTufPullTests(RegistryFixture registry) : IClassFixture<RegistryFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hctr-policy-tuf-").FullName;
    private readonly SigningKey _alice = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private readonly SigningKey _bob = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _online = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _root = SigningKey.Generate(KeyAlgorithm.Ed25519);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Serves the published directory: URL path -> file, capped like the HTTP fetcher.</summary>
    private sealed class DirectoryFetcher(string root) : IMetadataFetcher
    {
        public Task<byte[]> FetchAsync(Uri url, long maxLength, CancellationToken cancellationToken)
        {
            string path = Path.Combine(root, Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')));
            if (!File.Exists(path)) throw new TrustVerificationException(TrustFailureReason.NotFound, path);
            byte[] data = File.ReadAllBytes(path);
            return data.Length > maxLength ? throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, path) : Task.FromResult(data);
        }
    }

    [Fact]
    public async Task Tuf_rule_pulls_a_target_signed_by_the_policy_keys_and_refuses_a_higher_policy_threshold()
    {
        var image = TestImage.Create("amd64", new LayerBuilder().Dir("etc").File("etc/hello", "tuf via policy").TarGz());
        var reference = ImageReference.TryParse($"{registry.Host}/tuf/app:1", out var r, out _) ? r! : throw new InvalidOperationException();
        using (var client = new RegistryClient(new RegistryOptions())) await image.PushAsync(client, ImageLocation.Of(reference), "1");

        var repo = new RepositoryDirectory(Path.Combine(_dir, "repo"), TimeProvider.System);
        repo.Init(new Dictionary<string, IReadOnlyList<PublicKey>>
        {
            [RoleNames.Root] = [_root.Public], [RoleNames.Targets] = [_alice.Public, _bob.Public],
            [RoleNames.Snapshot] = [_online.Public], [RoleNames.Timestamp] = [_online.Public],
        }, new Dictionary<string, int> { [RoleNames.Targets] = 1 }, [_root]);
        repo.AddTarget(reference.TargetName, image.Manifest, _alice);
        string published = Path.Combine(_dir, "public");
        repo.Publish(published, [_online], [_online]);

        PullResult Pull(string keys, int threshold)
        {
            var policy = TrustPolicyParser.Parse(
                $"version: 1\nimages:\n  - pattern: \"{registry.Host}/tuf/*\"\n    trust: {{metadata-url: http://tuf.test/, root: r.json, role: targets, keys: [{keys}], threshold: {threshold}}}\n",
                "policy.yaml");
            using var client = new RegistryClient(new RegistryOptions());
            var trust = new PolicyImageTrust(policy, _dir, client, requirement =>
            {
                var store = new FileMetadataStore(Path.Combine(_dir, "cache", Guid.NewGuid().ToString("N")));
                store.Write("root.json", File.ReadAllBytes(Path.Combine(published, "1.root.json")));
                return new Updater(store, new DirectoryFetcher(published), requirement.MetadataUrl, TimeProvider.System);
            }, TimeProvider.System);
            return new ImagePuller(client, new ContentStore(Path.Combine(_dir, "store", Guid.NewGuid().ToString("N"))), trust)
                .PullAsync(reference, new PullOptions()).GetAwaiter().GetResult();
        }

        var result = Pull($"{_alice.KeyId}, {_bob.KeyId}", 1);
        Assert.Equal("tuf", result.Trust.Mechanism);
        Assert.Equal("1 of 2", result.Trust.Count);
        Assert.Equal([_alice.KeyId], result.Trust.Signers);
        var e = Assert.Throws<RegistryException>(() => Pull($"{_alice.KeyId}, {_bob.KeyId}", 2));
        Assert.Equal(RegistryFailureReason.Untrusted, e.Reason);
        Assert.Contains("threshold not met: 1 of 2 policy keys", e.Message);
    }
}
