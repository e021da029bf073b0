using Hctr.Trust.Client;
using Hctr.Trust.Crypto;
using Hctr.Trust.Images;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Repository;

[Trait("Category", "Unit")]
public sealed class RepositoryDirectoryTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hctr-repo-").FullName;
    private readonly SigningKey _root = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _targets = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _online = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _team = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private static readonly byte[] Manifest = "{\"schemaVersion\":2}"u8.ToArray();

    private string Public => Path.Combine(_work, "public");

    private RepositoryDirectory Init()
    {
        var repo = new RepositoryDirectory(Path.Combine(_work, "repo"), TimeProvider.System);
        repo.Init(new Dictionary<string, IReadOnlyList<PublicKey>>
        {
            [RoleNames.Root] = [_root.Public], [RoleNames.Targets] = [_targets.Public],
            [RoleNames.Snapshot] = [_online.Public], [RoleNames.Timestamp] = [_online.Public],
        }, new Dictionary<string, int>(), [_root]);
        return repo;
    }

    private Task<ImageVerification> VerifyAsync(string image)
    {
        var store = new FileMetadataStore(Path.Combine(_work, "client"));
        if (store.TryRead("root.json") is null) store.Write("root.json", File.ReadAllBytes(Path.Combine(Public, "1.root.json")));
        var updater = new Updater(store, new DirectoryFetcher(Public), new Uri("http://repo.invalid/"), TimeProvider.System);
        Assert.True(ImageReference.TryParse(image, out var reference, out _));
        return ImageVerifier.VerifyAsync(updater, reference!, Manifest);
    }

    [Fact]
    public async Task DelegatedRole_SignsItsPaths_AndClientsFindIt()
    {
        var repo = Init();
        repo.Delegate(RoleNames.Targets, "team", [_team.Public], 1, ["registry.example/team/*"], terminating: true, _targets);
        repo.AddTarget("registry.example/team/app:v1", Manifest, _team, "team");
        repo.Publish(Public, [_online], [_online]);

        var result = await VerifyAsync("registry.example/team/app:v1");

        Assert.Equal([RoleNames.Targets, "team"], result.RolePath);
        Assert.Equal([_team.KeyId], result.SignerKeyIds);
    }

    [Fact]
    public void DelegatedRole_RefusesTargetsOutsideItsPaths()
    {
        var repo = Init();
        repo.Delegate(RoleNames.Targets, "team", [_team.Public], 1, ["registry.example/team/*"], terminating: true, _targets);
        var e = Assert.Throws<TrustVerificationException>(() => repo.AddTarget("registry.example/other/app:v1", Manifest, _team, "team"));
        Assert.Equal(TrustFailureReason.TargetNotFound, e.Reason);
    }

    [Fact]
    public void Sign_WithKeyOutsideTheRole_IsRefused()
    {
        var repo = Init();
        var e = Assert.Throws<TrustVerificationException>(() => repo.AddTarget("registry.example/app:v1", Manifest, _online));
        Assert.Equal(TrustFailureReason.ThresholdNotMet, e.Reason);
    }

    [Fact]
    public async Task Republish_BumpsVersions_AndClientsUpdate()
    {
        var repo = Init();
        repo.AddTarget("registry.example/app:v1", Manifest, _targets);
        repo.Publish(Public, [_online], [_online]);
        await VerifyAsync("registry.example/app:v1");

        repo.AddTarget("registry.example/app:v2", Manifest, _targets);
        repo.Publish(Public, [_online], [_online]);

        Assert.True(File.Exists(Path.Combine(Public, "2.targets.json")));
        Assert.True(File.Exists(Path.Combine(Public, "2.snapshot.json")));
        var result = await VerifyAsync("registry.example/app:v2");
        Assert.Equal("registry.example/app:v2", result.TargetName);
    }

    [Fact]
    public async Task RootRotation_TwoOfTwo_SignedInTurn()
    {
        var second = SigningKey.Generate(KeyAlgorithm.Ed25519);
        var repo = new RepositoryDirectory(Path.Combine(_work, "repo"), TimeProvider.System);
        repo.Init(new Dictionary<string, IReadOnlyList<PublicKey>>
        {
            [RoleNames.Root] = [_root.Public, second.Public], [RoleNames.Targets] = [_targets.Public],
            [RoleNames.Snapshot] = [_online.Public], [RoleNames.Timestamp] = [_online.Public],
        }, new Dictionary<string, int> { [RoleNames.Root] = 2 }, [_root, second]);
        repo.AddTarget("registry.example/app:v1", Manifest, _targets);
        repo.Publish(Public, [_online], [_online]);
        await VerifyAsync("registry.example/app:v1");

        var newTargets = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
        var first = repo.StageRootRotation(RoleNames.Targets, [newTargets.Public], 1, [_root]);
        Assert.False(first.Complete);
        Assert.Contains("1 of 2", first.Missing);
        Assert.Equal(1, repo.Root.Version);
        var done = repo.SignPendingRoot(second);
        Assert.True(done.Complete, done.Missing);
        Assert.Equal(2, repo.Root.Version);
        repo.SignRole(RoleNames.Targets, newTargets);
        repo.Publish(Public, [_online], [_online]);

        var result = await VerifyAsync("registry.example/app:v1");
        Assert.Equal([newTargets.KeyId], result.SignerKeyIds);
    }

    [Fact]
    public void Init_Twice_IsRefused()
    {
        var repo = Init();
        var e = Assert.Throws<TrustVerificationException>(() => repo.Init(new Dictionary<string, IReadOnlyList<PublicKey>>(), new Dictionary<string, int>(), [_root]));
        Assert.Equal(TrustFailureReason.LocalState, e.Reason);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
