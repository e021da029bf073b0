using Hctr.Trust.Crypto;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Client;

/// <summary>Every attack of the TUF specification (section 1.5.2), each refused with a typed reason.</summary>
[Trait("Category", "Unit")]
public sealed class AttackTests
{
    private static async Task<TrustVerificationException> RefuseAsync(Func<Task> action) =>
        await Assert.ThrowsAsync<TrustVerificationException>(action);

    [Fact]
    public async Task RollbackAttack_OlderTimestamp_IsRefused()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();
        repo.Publish();
        await repo.NewClient(store).RefreshAsync();
        byte[] newer = repo.Files["metadata/timestamp.json"];
        repo.TimestampVersion -= 2;
        repo.PublishTimestamp(MetadataDocuments.MetaFor(repo.SnapshotVersion, repo.Files[$"metadata/{repo.SnapshotVersion}.snapshot.json"]));
        Assert.NotEqual(newer, repo.Files["metadata/timestamp.json"]);

        var e = await RefuseAsync(() => repo.NewClient(store).RefreshAsync());
        Assert.Equal(TrustFailureReason.Rollback, e.Reason);
        Assert.Contains("rollback from version 2 to 1", e.Message);
    }

    [Fact]
    public async Task RollbackAttack_TimestampNamesOlderSnapshot_IsRefused()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();
        repo.Publish();
        await repo.NewClient(store).RefreshAsync();
        repo.PublishTimestamp(MetadataDocuments.MetaFor(1, repo.Files["metadata/1.snapshot.json"]));

        var e = await RefuseAsync(() => repo.NewClient(store).RefreshAsync());
        Assert.Equal(TrustFailureReason.Rollback, e.Reason);
    }

    [Fact]
    public async Task RollbackAttack_SnapshotNamesOlderTargets_IsRefused()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();
        repo.Publish(bumpTargets: true);
        await repo.NewClient(store).RefreshAsync();
        repo.TargetVersions[RoleNames.Targets] = 0;
        repo.Publish(bumpTargets: true);

        var e = await RefuseAsync(() => repo.NewClient(store).RefreshAsync());
        Assert.Equal(TrustFailureReason.Rollback, e.Reason);
        Assert.Equal(RoleNames.Targets + ".json", e.Role);
    }

    [Fact]
    public async Task FreezeAttack_ExpiredTimestamp_IsRefused()
    {
        var repo = new RepositorySimulator();
        repo.Time.Now = repo.Expires[RoleNames.Timestamp].AddSeconds(1);
        repo.Expires[RoleNames.Root] = repo.Time.Now.AddDays(365);
        repo.RotateRoot(_ => { });

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal(TrustFailureReason.Expired, e.Reason);
        Assert.Equal(RoleNames.Timestamp, e.Role);
    }

    [Fact]
    public async Task FreezeAttack_ExpiredSnapshot_IsRefused()
    {
        var repo = new RepositorySimulator();
        repo.Expires[RoleNames.Snapshot] = repo.Time.Now.AddSeconds(-1);
        repo.Publish();

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.Expired, RoleNames.Snapshot), (e.Reason, e.Role));
    }

    [Fact]
    public async Task FreezeAttack_ExpiredTargets_IsRefused()
    {
        var repo = new RepositorySimulator();
        repo.Expires[RoleNames.Targets] = repo.Time.Now.AddSeconds(-1);
        repo.Publish(bumpTargets: true);

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.Expired, RoleNames.Targets), (e.Reason, e.Role));
    }

    [Fact]
    public async Task FreezeAttack_ExpiredRoot_IsRefused()
    {
        var repo = new RepositorySimulator();
        repo.Time.Now = repo.Expires[RoleNames.Root].AddSeconds(1);

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.Expired, RoleNames.Root), (e.Reason, e.Role));
    }

    [Fact]
    public async Task ExpiredIntermediateRoot_IsAccepted_WhenFinalRootIsValid()
    {
        var repo = new RepositorySimulator();
        repo.Time.Now = repo.Expires[RoleNames.Root].AddDays(1);
        repo.Expires[RoleNames.Root] = repo.Time.Now.AddDays(30);
        repo.Expires[RoleNames.Timestamp] = repo.Expires[RoleNames.Snapshot] = repo.Expires[RoleNames.Targets] = repo.Time.Now.AddDays(7);
        repo.RotateRoot(_ => { });
        repo.Publish(bumpTargets: true);

        var client = repo.NewClient();
        await client.RefreshAsync();
        Assert.Equal(2, client.Trusted.Root.Version);
    }

    [Fact]
    public async Task MixAndMatchAttack_SnapshotVersionDiffersFromTimestamp_IsRefused()
    {
        var repo = new RepositorySimulator { MetaWithHashes = false };
        repo.Publish();
        // Serve the old snapshot (version 1) where the timestamp says version 2 lives.
        repo.Files["metadata/2.snapshot.json"] = repo.Files["metadata/1.snapshot.json"];

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.VersionMismatch, RoleNames.Snapshot), (e.Reason, e.Role));
    }

    [Fact]
    public async Task MixAndMatchAttack_TargetsVersionDiffersFromSnapshot_IsRefused()
    {
        var repo = new RepositorySimulator { MetaWithHashes = false };
        repo.Publish(bumpTargets: true);
        repo.Files["metadata/2.targets.json"] = repo.Files["metadata/1.targets.json"];

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.VersionMismatch, RoleNames.Targets), (e.Reason, e.Role));
    }

    [Fact]
    public async Task MixAndMatchAttack_SnapshotBytesDifferFromTimestampHash_IsRefused()
    {
        var repo = new RepositorySimulator();
        repo.Publish();
        byte[] other = MetadataSigner.Sign(
            MetadataDocuments.Snapshot(2, repo.Expires[RoleNames.Snapshot], new Dictionary<string, MetaFile> { ["targets.json"] = new(1, null, null) }),
            repo.Signers[RoleNames.Snapshot]);
        var expected = repo.Files["metadata/2.snapshot.json"];
        repo.Files["metadata/2.snapshot.json"] = other.Length <= expected.Length ? other : other[..expected.Length];

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.True(e.Reason is TrustFailureReason.HashMismatch or TrustFailureReason.LengthMismatch, e.ToString());
    }

    [Fact]
    public async Task EndlessDataAttack_HugeTimestamp_IsCutAtCap()
    {
        var repo = new RepositorySimulator();
        repo.Files["metadata/timestamp.json"] = new byte[1 << 20];

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal(TrustFailureReason.SizeCapExceeded, e.Reason);
    }

    [Fact]
    public async Task EndlessDataAttack_SnapshotLongerThanTimestampSays_IsCutAtTrustedLength()
    {
        var repo = new RepositorySimulator();
        var original = repo.Files["metadata/1.snapshot.json"];
        repo.Files["metadata/1.snapshot.json"] = [.. original, .. new byte[100]];

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal(TrustFailureReason.SizeCapExceeded, e.Reason);
    }

    [Fact]
    public async Task EndlessDataAttack_TargetLongerThanTrusted_IsRefused()
    {
        var repo = new RepositorySimulator();
        var target = repo.AddTarget(RoleNames.Targets, "app.bin", "payload"u8.ToArray());
        repo.Publish(bumpTargets: true);
        repo.Files[$"targets/{target.Hashes["sha256"]}.app.bin"] = "payload and a lot more"u8.ToArray();
        var client = repo.NewClient();
        var info = await client.GetTargetInfoAsync("app.bin");

        var e = await RefuseAsync(() => client.DownloadTargetAsync(info!.Target, RepositorySimulator.TargetsUrl));
        Assert.Equal(TrustFailureReason.SizeCapExceeded, e.Reason);
    }

    [Fact]
    public async Task ArbitrarySoftwareAttack_TamperedTarget_IsRefused()
    {
        var repo = new RepositorySimulator();
        var target = repo.AddTarget(RoleNames.Targets, "app.bin", "payload"u8.ToArray());
        repo.Publish(bumpTargets: true);
        repo.Files[$"targets/{target.Hashes["sha256"]}.app.bin"] = "paylOad"u8.ToArray();
        var client = repo.NewClient();
        var info = await client.GetTargetInfoAsync("app.bin");

        var e = await RefuseAsync(() => client.DownloadTargetAsync(info!.Target, RepositorySimulator.TargetsUrl));
        Assert.Equal(TrustFailureReason.HashMismatch, e.Reason);
    }

    [Fact]
    public async Task ArbitraryKeyAttack_TimestampSignedByUnknownKey_IsRefused()
    {
        var repo = new RepositorySimulator();
        repo.Signers[RoleNames.Timestamp] = [SigningKey.Generate(KeyAlgorithm.Ed25519)];
        repo.Publish();

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.ThresholdNotMet, RoleNames.Timestamp), (e.Reason, e.Role));
    }

    [Fact]
    public async Task ArbitraryKeyAttack_SnapshotSignedByTimestampKey_IsRefused()
    {
        var repo = new RepositorySimulator();
        repo.Signers[RoleNames.Snapshot] = repo.Signers[RoleNames.Timestamp];
        repo.Publish();

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.ThresholdNotMet, RoleNames.Snapshot), (e.Reason, e.Role));
    }

    [Fact]
    public async Task ThresholdNotMet_OneOfTwoTargetsSignatures_IsRefused()
    {
        var repo = new RepositorySimulator();
        var second = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
        repo.RotateRoot(r =>
        {
            r.ExtraKeys[second.KeyId] = second.Public;
            r.RoleKeys[RoleNames.Targets] = new RoleKeys([r.Signers[RoleNames.Targets][0].KeyId, second.KeyId], 2);
        });
        repo.Publish(bumpTargets: true);

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.True(e.Reason == TrustFailureReason.ThresholdNotMet, e.Message);
        Assert.Equal(RoleNames.Targets, e.Role);
        Assert.Contains("1 of 2", e.Message);
    }

    [Fact]
    public async Task ThresholdNotMet_SameKeySigningTwice_CountsOnce()
    {
        var repo = new RepositorySimulator();
        var second = SigningKey.Generate(KeyAlgorithm.Ed25519);
        repo.RotateRoot(r =>
        {
            r.ExtraKeys[second.KeyId] = second.Public;
            r.RoleKeys[RoleNames.Timestamp] = new RoleKeys([r.Signers[RoleNames.Timestamp][0].KeyId, second.KeyId], 2);
        });
        var key = repo.Signers[RoleNames.Timestamp][0];
        repo.Signers[RoleNames.Timestamp] = [key, key];
        repo.Publish();

        var e = await RefuseAsync(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.ThresholdNotMet, RoleNames.Timestamp), (e.Reason, e.Role));
    }

    [Fact]
    public async Task FastForwardAttack_RecoveredAfterTimestampKeyRotation()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();
        // The attacker holds the timestamp key and pushes a far-future version.
        repo.TimestampVersion = 1000;
        repo.Publish();
        await repo.NewClient(store).RefreshAsync();

        // Without a key rotation the honest repository can never get back below 1001.
        repo.TimestampVersion = 2;
        repo.Publish();
        var e = await RefuseAsync(() => repo.NewClient(store).RefreshAsync());
        Assert.Equal(TrustFailureReason.Rollback, e.Reason);

        // The repository rotates the timestamp key: the client forgets the fast-forwarded timestamp.
        repo.RotateRoot(r =>
        {
            var fresh = SigningKey.Generate(KeyAlgorithm.Ed25519);
            r.Signers[RoleNames.Timestamp] = [fresh];
            r.RoleKeys[RoleNames.Timestamp] = new RoleKeys([fresh.KeyId], 1);
        });
        repo.TimestampVersion = 2;
        repo.Publish();
        var client = repo.NewClient(store);
        await client.RefreshAsync();
        Assert.Equal(3, client.Trusted.Timestamp!.Version);
    }

    [Fact]
    public async Task FreezeAttack_ReplayingTheSameTimestampAfterItExpired_IsRefused()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();
        await repo.NewClient(store).RefreshAsync();
        // Later, the mirror keeps serving the very same (now expired) timestamp.
        repo.Time.Now = repo.Expires[RoleNames.Timestamp].AddMinutes(1);
        repo.Expires[RoleNames.Root] = repo.Time.Now.AddDays(30);
        repo.RotateRoot(_ => { });

        var e = await RefuseAsync(() => repo.NewClient(store).RefreshAsync());
        Assert.Equal((TrustFailureReason.Expired, RoleNames.Timestamp), (e.Reason, e.Role));
    }

    [Fact]
    public async Task RollbackAttack_SnapshotDroppingATargetsFile_IsRefused()
    {
        var repo = new RepositorySimulator();
        var store = new InMemoryMetadataStore();
        repo.DelegatedSigners["images"] = [SigningKey.Generate(KeyAlgorithm.Ed25519)];
        repo.TargetVersions["images"] = 1;
        repo.Publish();
        await repo.NewClient(store).RefreshAsync();
        repo.TargetVersions.Remove("images");
        repo.Publish();

        var e = await RefuseAsync(() => repo.NewClient(store).RefreshAsync());
        Assert.Equal(TrustFailureReason.Rollback, e.Reason);
        Assert.Contains("images.json", e.Message);
    }
}
