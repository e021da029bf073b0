using Hctr.Trust.Client;
using Hctr.Trust.Crypto;
using Hctr.Trust.Images;
using Hctr.Trust.Metadata;
using Hctr.Trust.Repository;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Repository;

/// <summary><see cref="RepositoryDirectory.DelegateSuccinct"/> and <see cref="RepositoryDirectory.RoleForSigning"/>.</summary>
[Trait("Category", "Unit")]
public sealed class RepositoryDirectorySuccinctTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hctr-succinct-").FullName;
    private readonly SigningKey _root = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _targets = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _online = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _binA = SigningKey.Generate(KeyAlgorithm.Ed25519);
    private readonly SigningKey _binB = SigningKey.Generate(KeyAlgorithm.EcdsaP256);
    private static readonly byte[] Manifest = "{\"schemaVersion\":2}"u8.ToArray();

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Staged => Path.Combine(_work, "repo", "staged");

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

    [Fact]
    public async Task Two_of_two_bins_publish_and_a_target_verifies_through_its_bin_once_both_signed()
    {
        var repo = Init();
        var bins = repo.DelegateSuccinct(RoleNames.Targets, 3, "b", [_binA.Public, _binB.Public], 2, [_binA, _binB], _targets);
        Assert.Equal(["b-0", "b-1", "b-2", "b-3", "b-4", "b-5", "b-6", "b-7"], bins);
        Assert.All(bins, b => Assert.True(File.Exists(Path.Combine(Staged, $"{b}.json"))));

        const string name = "registry.example/team/app:v1";
        string bin = repo.RoleForSigning(name, RoleNames.Targets, _binA.KeyId);
        Assert.Contains(bin, bins);
        Assert.Equal(RoleNames.Targets, repo.RoleForSigning(name, RoleNames.Targets, _targets.KeyId));
        repo.AddTarget(name, Manifest, _binA, bin);
        string pub = Path.Combine(_work, "public");
        var e = Assert.Throws<TrustVerificationException>(() => repo.Publish(pub, [_online], [_online]));
        Assert.Contains("1 of 2", e.Message);
        repo.AddTarget(name, Manifest, _binB, bin);
        repo.Publish(pub, [_online], [_online]);

        var store = new FileMetadataStore(Path.Combine(_work, "client"));
        store.Write("root.json", File.ReadAllBytes(Path.Combine(pub, "1.root.json")));
        var updater = new Updater(store, new DirectoryFetcher(pub), new Uri("http://repo.invalid/"), TimeProvider.System);
        Assert.True(ImageReference.TryParse("registry.example/team/app:v1", out var reference, out _));
        var result = await ImageVerifier.VerifyAsync(updater, reference!, Manifest);
        Assert.Equal([RoleNames.Targets, bin], result.RolePath);
        Assert.Equal(new[] { _binA.KeyId, _binB.KeyId }.Order(), result.SignerKeyIds.Order());
    }

    [Theory]
    [InlineData(0, "b", 1, TrustFailureReason.Malformed)]
    [InlineData(RepositoryDirectory.MaxSuccinctBitLength + 1, "b", 1, TrustFailureReason.Malformed)]
    [InlineData(2, "", 1, TrustFailureReason.Malformed)]
    [InlineData(2, "../x", 1, TrustFailureReason.Malformed)]
    [InlineData(2, "targets", 1, TrustFailureReason.Malformed)]
    [InlineData(2, "b", 3, TrustFailureReason.Malformed)]
    [InlineData(2, "b", 2, TrustFailureReason.ThresholdNotMet)] // only binA's private key is given
    public void Bad_delegations_are_refused_and_write_nothing(int bits, string prefix, int threshold, TrustFailureReason reason)
    {
        var repo = Init();
        var before = Directory.GetFiles(Staged).Select(f => (f, File.ReadAllBytes(f))).ToList();
        var e = Assert.Throws<TrustVerificationException>(() =>
            repo.DelegateSuccinct(RoleNames.Targets, bits, prefix, [_binA.Public, _binB.Public], threshold, [_binA], _targets));
        Assert.Equal(reason, e.Reason);
        Assert.Equal(before.Select(b => b.f), Directory.GetFiles(Staged));
        Assert.All(before, b => Assert.Equal(b.Item2, File.ReadAllBytes(b.f)));
    }

    [Fact]
    public void A_crash_after_the_bins_before_the_delegator_is_repaired_by_running_it_again()
    {
        var repo = Init();
        // What a crash between the bins and the delegator leaves: empty bins, an undelegating targets role.
        var staged = File.ReadAllBytes(Path.Combine(Staged, "targets.json"));
        repo.DelegateSuccinct(RoleNames.Targets, 1, "b", [_binA.Public], 1, [_binA], _targets);
        File.WriteAllBytes(Path.Combine(Staged, "targets.json"), staged);

        Assert.Equal(2, repo.DelegateSuccinct(RoleNames.Targets, 1, "b", [_binA.Public], 1, [_binA], _targets).Count);
        Assert.NotNull(TargetsMetadata.Parse(File.ReadAllBytes(Path.Combine(Staged, "targets.json")), "targets").Delegations?.Succinct);
    }

    [Fact]
    public void A_bin_holding_targets_is_never_overwritten()
    {
        var repo = Init();
        var undelegated = File.ReadAllBytes(Path.Combine(Staged, "targets.json"));
        repo.DelegateSuccinct(RoleNames.Targets, 1, "b", [_binA.Public], 1, [_binA], _targets);
        const string name = "registry.example/a:v1";
        string bin = repo.RoleForSigning(name, RoleNames.Targets, _binA.KeyId);
        repo.AddTarget(name, Manifest, _binA, bin);
        File.WriteAllBytes(Path.Combine(Staged, "targets.json"), undelegated);

        var e = Assert.Throws<TrustVerificationException>(() => repo.DelegateSuccinct(RoleNames.Targets, 1, "b", [_binA.Public], 1, [_binA], _targets));
        Assert.Equal(TrustFailureReason.LocalState, e.Reason);
        Assert.Contains(name, File.ReadAllText(Path.Combine(Staged, $"{bin}.json")));
    }
}
