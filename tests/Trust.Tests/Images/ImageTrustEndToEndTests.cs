using System.Text;
using Hctr.Trust.Client;
using Hctr.Trust.Crypto;
using Hctr.Trust.Images;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Images;

/// <summary>init, sign (2-of-2 in turn), publish, serve over HTTP, verify; tamper each file; rotate root and verify again.</summary>
[Trait("Category", "E2E")]
public sealed class ImageTrustEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hctr-trust-e2e-").FullName;
    private readonly byte[] _manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"u8.ToArray();
    private readonly SigningKey _root = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _alice = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private readonly SigningKey _bob = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _online = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private int _clients;

    private string RepoDir => Path.Combine(_work, "repo");
    private string Public => Path.Combine(RepoDir, "public");
    private static readonly ImageReference Image = new("registry.example/team/app", "v1", null);

    private RepositoryDirectory CreateSignedRepository()
    {
        var repo = new RepositoryDirectory(RepoDir, TimeProvider.System);
        repo.Init(new Dictionary<string, IReadOnlyList<PublicKey>>
        {
            [RoleNames.Root] = [_root.Public], [RoleNames.Targets] = [_alice.Public, _bob.Public],
            [RoleNames.Snapshot] = [_online.Public], [RoleNames.Timestamp] = [_online.Public],
        }, new Dictionary<string, int> { [RoleNames.Targets] = 2 }, [_root]);
        repo.AddTarget(Image.TargetName, _manifest, _alice);
        var e = Assert.Throws<TrustVerificationException>(() => repo.Publish(Public, [_online], [_online]));
        Assert.Equal(TrustFailureReason.ThresholdNotMet, e.Reason);
        Assert.Contains("1 of 2", e.Message);
        repo.AddTarget(Image.TargetName, _manifest, _bob); // second signer, same content: co-signs
        repo.Publish(Public, [_online], [_online]);
        return repo;
    }

    private async Task<ImageVerification> VerifyAsync(StaticHttpServer server, string? clientDir = null, byte[]? manifest = null)
    {
        clientDir ??= Path.Combine(_work, $"client{_clients++}");
        var store = new FileMetadataStore(clientDir);
        if (store.TryRead("root.json") is null) store.Write("root.json", File.ReadAllBytes(Path.Combine(Public, "1.root.json")));
        using var http = new HttpClient();
        var updater = new Updater(store, new HttpMetadataFetcher(http), server.BaseUrl, TimeProvider.System);
        return await ImageVerifier.VerifyAsync(updater, Image, manifest ?? _manifest);
    }

    [Fact]
    public async Task SignedImage_Verifies_WithDigestKeysAndRolePath()
    {
        CreateSignedRepository();
        using var server = new StaticHttpServer(Public);

        var result = await VerifyAsync(server);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(_manifest)), result.Digest);
        Assert.Equal([RoleNames.Targets], result.RolePath);
        Assert.Equal(new[] { _alice.KeyId, _bob.KeyId }.Order(), result.SignerKeyIds.Order());
    }

    [Theory]
    [InlineData("timestamp.json", TrustFailureReason.ThresholdNotMet)]
    [InlineData("1.snapshot.json", TrustFailureReason.HashMismatch)]
    [InlineData("1.targets.json", TrustFailureReason.HashMismatch)]
    [InlineData("manifest", TrustFailureReason.HashMismatch)]
    public async Task TamperedByte_IsRefusedWithPreciseReason(string file, TrustFailureReason expected)
    {
        CreateSignedRepository();
        using var server = new StaticHttpServer(Public);
        byte[]? manifest = null;
        if (file == "manifest")
        {
            manifest = (byte[])_manifest.Clone();
            manifest[5] ^= 0x01;
        }
        else
        {
            string path = Path.Combine(Public, file);
            string text = File.ReadAllText(path);
            int at = text.IndexOf("\"sig\": \"", StringComparison.Ordinal) + 8;
            var chars = text.ToCharArray();
            chars[at] = chars[at] == '0' ? '1' : '0';
            File.WriteAllText(path, new string(chars), new UTF8Encoding(false));
        }

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => VerifyAsync(server, manifest: manifest));
        Assert.Equal(expected, e.Reason);
    }

    [Fact]
    public async Task DigestInReference_MustMatchTrustedTarget()
    {
        CreateSignedRepository();
        using var server = new StaticHttpServer(Public);
        var store = new FileMetadataStore(Path.Combine(_work, "pinned"));
        store.Write("root.json", File.ReadAllBytes(Path.Combine(Public, "1.root.json")));
        using var http = new HttpClient();
        var updater = new Updater(store, new HttpMetadataFetcher(http), server.BaseUrl, TimeProvider.System);

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() =>
            ImageVerifier.VerifyAsync(updater, Image with { Digest = "sha256:" + new string('0', 64) }));
        Assert.Equal(TrustFailureReason.HashMismatch, e.Reason);
    }

    [Fact]
    public async Task RootRotation_ClientFollowsAndStillVerifies()
    {
        var repo = CreateSignedRepository();
        using var server = new StaticHttpServer(Public);
        string clientDir = Path.Combine(_work, "rotating");
        await VerifyAsync(server, clientDir);

        var newRoot = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
        Assert.Throws<TrustVerificationException>(() => repo.RotateRoot(RoleNames.Root, [newRoot.Public], 1, [newRoot]));
        Assert.Equal(2, repo.RotateRoot(RoleNames.Root, [newRoot.Public], 1, [_root, newRoot]));
        repo.Publish(Public, [_online], [_online]);

        var result = await VerifyAsync(server, clientDir);
        Assert.Equal(Image.TargetName, result.TargetName);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Public, "2.root.json")), File.ReadAllBytes(Path.Combine(clientDir, "root.json")));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
