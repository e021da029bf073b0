using Hctr.Trust.Client;
using Hctr.Trust.Metadata;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Client;

[Trait("Category", "Unit")]
public sealed class UpdaterTests
{
    [Fact]
    public async Task Refresh_FreshRepository_PersistsTheExactVerifiedBytes()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();

        await repo.NewClient(store).RefreshAsync();

        Assert.Equal(repo.Files["metadata/timestamp.json"], store.Files["timestamp.json"]);
        Assert.Equal(repo.Files["metadata/1.snapshot.json"], store.Files["snapshot.json"]);
        Assert.Equal(repo.Files["metadata/1.targets.json"], store.Files["targets.json"]);
        Assert.Equal(["metadata/2.root.json", "metadata/timestamp.json", "metadata/1.snapshot.json", "metadata/1.targets.json"], repo.FetchLog);
    }

    [Fact]
    public async Task Refresh_Unchanged_UsesLocalSnapshotAndTargets()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();
        await repo.NewClient(store).RefreshAsync();
        repo.FetchLog.Clear();

        await repo.NewClient(store).RefreshAsync();

        Assert.Equal(["metadata/2.root.json", "metadata/timestamp.json"], repo.FetchLog);
    }

    [Fact]
    public async Task Refresh_WithoutConsistentSnapshots_FetchesPlainNames()
    {
        var repo = new RepositorySimulator();
        repo.RotateRoot(r => r.ConsistentSnapshot = false);
        repo.Publish(bumpTargets: true);
        var target = repo.AddTarget(RoleNames.Targets, "dir/file.txt", "hello"u8.ToArray());
        repo.Publish(bumpTargets: true);
        var client = repo.NewClient();

        var info = await client.GetTargetInfoAsync("dir/file.txt");
        byte[] data = await client.DownloadTargetAsync(info!.Target, RepositorySimulator.TargetsUrl);

        Assert.Equal("hello"u8.ToArray(), data);
        Assert.Contains("metadata/snapshot.json", repo.FetchLog);
        Assert.Contains("targets/dir/file.txt", repo.FetchLog);
        Assert.Equal((target.Path, target.Length, target.Hashes["sha256"]), (info.Target.Path, info.Target.Length, info.Target.Hashes["sha256"]));
    }

    [Fact]
    public async Task Download_ConsistentSnapshot_FetchesHashPrefixedName()
    {
        var repo = new RepositorySimulator();
        var target = repo.AddTarget(RoleNames.Targets, "registry.example:5000/app:v1", "{\"manifest\":1}"u8.ToArray());
        repo.Publish(bumpTargets: true);
        var client = repo.NewClient();

        var info = await client.GetTargetInfoAsync("registry.example:5000/app:v1");
        byte[] data = await client.DownloadTargetAsync(info!.Target, RepositorySimulator.TargetsUrl);

        Assert.Equal(target.Length, data.Length);
        Assert.Equal([RoleNames.Targets], info.RolePath);
        Assert.Equal([repo.Signers[RoleNames.Targets][0].KeyId], info.SignerKeyIds);
        Assert.Contains($"targets/registry.example:5000/{target.Hashes["sha256"]}.app:v1", repo.FetchLog);
    }

    [Fact]
    public async Task GetTargetInfo_UnknownTarget_ReturnsNull()
    {
        var repo = new RepositorySimulator();
        Assert.Null(await repo.NewClient().GetTargetInfoAsync("nope"));
    }

    [Fact]
    public async Task Refresh_TimestampKeptWhenRemoteHasSameVersion()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();
        await repo.NewClient(store).RefreshAsync();
        byte[] before = store.Files["timestamp.json"];

        var client = repo.NewClient(store);
        await client.RefreshAsync();

        Assert.Same(before, store.Files["timestamp.json"]);
        Assert.Equal(1, client.Trusted.Timestamp!.Version);
    }

    [Fact]
    public void Constructor_WithoutTrustedRoot_IsLocalStateError()
    {
        var e = Assert.Throws<TrustVerificationException>(() =>
            new Updater(new InMemoryMetadataStore(), new RepositorySimulator(), RepositorySimulator.MetadataUrl, TimeProvider.System));
        Assert.Equal(TrustFailureReason.LocalState, e.Reason);
    }
}
