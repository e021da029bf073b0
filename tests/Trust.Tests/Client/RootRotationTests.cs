using Hctr.Trust.Crypto;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Client;

[Trait("Category", "Unit")]
public sealed class RootRotationTests
{
    private static void ReplaceRootKey(RepositorySimulator r)
    {
        var fresh = SigningKey.Generate(KeyAlgorithm.Ed25519);
        r.Signers[RoleNames.Root] = [fresh];
        r.RoleKeys[RoleNames.Root] = new RoleKeys([fresh.KeyId], 1);
    }

    [Fact]
    public async Task Rotation_ChainOfRoots_IsFollowedAndPersisted()
    {
        var repo = new RepositorySimulator();
        repo.RotateRoot(ReplaceRootKey);
        repo.RotateRoot(ReplaceRootKey);
        repo.RotateRoot(_ => { });
        var store = new InMemoryMetadataStore();

        var client = repo.NewClient(store);
        await client.RefreshAsync();

        Assert.Equal(4, client.Trusted.Root.Version);
        Assert.Equal(repo.RootBytes(4), store.Files["root.json"]);
        Assert.Contains("metadata/5.root.json", repo.FetchLog);
    }

    [Fact]
    public async Task Rotation_NotSignedByOldRootKeys_IsRefused()
    {
        var repo = new RepositorySimulator();
        ReplaceRootKey(repo);
        repo.RootVersion = 2;
        repo.PublishRoot(); // signed by the new key only

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.ThresholdNotMet, RoleNames.Root), (e.Reason, e.Role));
    }

    [Fact]
    public async Task Rotation_NotSignedByNewRootKeys_IsRefused()
    {
        var repo = new RepositorySimulator();
        var old = repo.Signers[RoleNames.Root].ToList();
        ReplaceRootKey(repo);
        repo.RootVersion = 2;
        repo.PublishRoot(onlySigners: old);

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.ThresholdNotMet, RoleNames.Root), (e.Reason, e.Role));
    }

    [Fact]
    public async Task Rotation_OldRootKeyCompromised_CannotSignNextRoot()
    {
        var repo = new RepositorySimulator();
        var compromised = repo.Signers[RoleNames.Root].ToList();
        repo.RotateRoot(ReplaceRootKey); // v2 revokes the old key
        // The attacker, holding only the revoked key, publishes v3 that trusts the attacker's key.
        var attacker = SigningKey.Generate(KeyAlgorithm.Ed25519);
        repo.Signers[RoleNames.Root] = [attacker];
        repo.RoleKeys[RoleNames.Root] = new RoleKeys([attacker.KeyId], 1);
        repo.RootVersion = 3;
        repo.PublishRoot(onlySigners: [.. compromised, attacker]);

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.ThresholdNotMet, RoleNames.Root), (e.Reason, e.Role));
    }

    [Fact]
    public async Task Rotation_FileNamedNPlusOneWithOtherVersion_IsRefused()
    {
        var repo = new RepositorySimulator();
        repo.RootVersion = 3;
        byte[] v3 = repo.PublishRoot();
        repo.Files.Remove("metadata/3.root.json");
        repo.Files["metadata/2.root.json"] = v3;

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => repo.NewClient().RefreshAsync());
        Assert.Equal((TrustFailureReason.VersionMismatch, RoleNames.Root), (e.Reason, e.Role));
    }

    [Fact]
    public async Task Rotation_SameVersionReplayed_IsRollback()
    {
        var repo = new RepositorySimulator();
        repo.Files["metadata/2.root.json"] = repo.RootBytes(1);

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => repo.NewClient().RefreshAsync());
        Assert.Equal(TrustFailureReason.Rollback, e.Reason);
    }

    [Fact]
    public async Task Rotation_ThresholdTwoOfThree_NeedsTwoOldAndTwoNewSignatures()
    {
        var repo = new RepositorySimulator();
        var keys = Enumerable.Range(0, 3).Select(_ => SigningKey.Generate(KeyAlgorithm.Ed25519)).ToList();
        repo.RotateRoot(r =>
        {
            r.Signers[RoleNames.Root] = keys;
            r.RoleKeys[RoleNames.Root] = new RoleKeys(keys.Select(k => k.KeyId).ToList(), 2);
        });
        var onlyOne = keys.Take(1).ToList();
        repo.RootVersion = 3;
        repo.PublishRoot(onlySigners: onlyOne);

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => repo.NewClient().RefreshAsync());
        Assert.Equal(TrustFailureReason.ThresholdNotMet, e.Reason);
        Assert.Contains("1 of 2", e.Message);

        repo.PublishRoot(onlySigners: keys.Skip(1));
        var client = repo.NewClient();
        await client.RefreshAsync();
        Assert.Equal(3, client.Trusted.Root.Version);
    }

    [Fact]
    public async Task Rotation_StopsAtMaximumRotations()
    {
        var repo = new RepositorySimulator();
        for (int i = 0; i < 10; i++) repo.RotateRoot(_ => { });

        var client = repo.NewClient(options: new Hctr.Trust.Client.UpdaterOptions { MaxRootRotations = 4 });
        await client.RefreshAsync();
        Assert.Equal(5, client.Trusted.Root.Version);
    }
}
