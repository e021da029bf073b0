using Hctr.Trust.Crypto;
using Hctr.Trust.Metadata;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Client;

[Trait("Category", "Unit")]
public sealed class DelegationTests
{
    private static SigningKey Delegate(RepositorySimulator repo, string delegator, string name, bool terminating,
        IReadOnlyList<string>? paths = null, IReadOnlyList<string>? prefixes = null)
    {
        var key = SigningKey.Generate(KeyAlgorithm.Ed25519);
        repo.DelegatedSigners[name] = [key];
        repo.TargetVersions[name] = 1;
        var existing = repo.DelegationsOf.GetValueOrDefault(delegator);
        var keys = new Dictionary<string, PublicKey>(existing?.Keys ?? new Dictionary<string, PublicKey>()) { [key.KeyId] = key.Public };
        var roles = (existing?.Roles ?? []).Append(new DelegatedRole(name, new RoleKeys([key.KeyId], 1), terminating, paths ?? (prefixes is null ? ["*"] : null), prefixes)).ToList();
        repo.DelegationsOf[delegator] = Delegations.Create(keys, roles);
        return key;
    }

    [Fact]
    public async Task Target_InNestedDelegation_IsFoundWithRolePath()
    {
        var repo = new RepositorySimulator();
        Delegate(repo, RoleNames.Targets, "images", terminating: false, paths: ["registry.example/*"]);
        var teamKey = Delegate(repo, "images", "team-a", terminating: false, paths: ["registry.example/app:*"]);
        repo.AddTarget("team-a", "registry.example/app:v1", "manifest"u8.ToArray());
        repo.Publish(bumpTargets: true);

        var info = await repo.NewClient().GetTargetInfoAsync("registry.example/app:v1");

        Assert.NotNull(info);
        Assert.Equal([RoleNames.Targets, "images", "team-a"], info.RolePath);
        Assert.Equal([teamKey.KeyId], info.SignerKeyIds);
    }

    [Fact]
    public async Task PathPattern_DoesNotCrossSlash()
    {
        var repo = new RepositorySimulator();
        Delegate(repo, RoleNames.Targets, "images", terminating: false, paths: ["*"]);
        repo.AddTarget("images", "registry.example/app:v1", "manifest"u8.ToArray());
        repo.Publish(bumpTargets: true);

        Assert.Null(await repo.NewClient().GetTargetInfoAsync("registry.example/app:v1"));
    }

    [Fact]
    public async Task TerminatingDelegation_StopsSearch()
    {
        var repo = new RepositorySimulator();
        Delegate(repo, RoleNames.Targets, "first", terminating: true, paths: ["app/*"]);
        Delegate(repo, RoleNames.Targets, "second", terminating: false, paths: ["app/*"]);
        repo.AddTarget("second", "app/x", "from second"u8.ToArray());
        repo.Publish(bumpTargets: true);

        var client = repo.NewClient();
        Assert.Null(await client.GetTargetInfoAsync("app/x"));
        Assert.DoesNotContain(repo.FetchLog, f => f.Contains("second"));
    }

    [Fact]
    public async Task NonTerminatingDelegation_Backtracks()
    {
        var repo = new RepositorySimulator();
        Delegate(repo, RoleNames.Targets, "first", terminating: false, paths: ["app/*"]);
        Delegate(repo, RoleNames.Targets, "second", terminating: false, paths: ["app/*"]);
        repo.AddTarget("second", "app/x", "from second"u8.ToArray());
        repo.Publish(bumpTargets: true);

        var info = await repo.NewClient().GetTargetInfoAsync("app/x");
        Assert.Equal([RoleNames.Targets, "second"], info!.RolePath);
    }

    [Fact]
    public async Task FirstMatchingRoleWins_OverLaterRoles()
    {
        var repo = new RepositorySimulator();
        Delegate(repo, RoleNames.Targets, "first", terminating: false, paths: ["app/*"]);
        Delegate(repo, RoleNames.Targets, "second", terminating: false, paths: ["app/*"]);
        repo.AddTarget("first", "app/x", "from first"u8.ToArray());
        repo.AddTarget("second", "app/x", "from second"u8.ToArray());
        repo.Publish(bumpTargets: true);

        var info = await repo.NewClient().GetTargetInfoAsync("app/x");
        Assert.Equal([RoleNames.Targets, "first"], info!.RolePath);
    }

    [Fact]
    public async Task PathHashPrefixes_SelectRole()
    {
        var repo = new RepositorySimulator();
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("app/x"u8));
        Delegate(repo, RoleNames.Targets, "other-bin", terminating: false, prefixes: [hash[0] == '0' ? "1" : "0"]);
        Delegate(repo, RoleNames.Targets, "bin", terminating: false, prefixes: [hash[..2]]);
        repo.AddTarget("bin", "app/x", "x"u8.ToArray());
        repo.Publish(bumpTargets: true);

        var info = await repo.NewClient().GetTargetInfoAsync("app/x");
        Assert.Equal([RoleNames.Targets, "bin"], info!.RolePath);
        Assert.DoesNotContain(repo.FetchLog, f => f.Contains("other-bin"));
    }

    [Fact]
    public async Task SuccinctHashBins_TargetIsInItsBin()
    {
        var repo = new RepositorySimulator();
        var key = SigningKey.Generate(KeyAlgorithm.Ed25519);
        var succinct = new SuccinctRoles(new RoleKeys([key.KeyId], 1), 8, "bins");
        repo.DelegationsOf[RoleNames.Targets] = Delegations.CreateSuccinct(new Dictionary<string, PublicKey> { [key.KeyId] = key.Public }, succinct);
        string bin = succinct.RoleForTarget("registry.example/app:v1");
        for (int i = 0; i < succinct.BinCount; i++)
        {
            repo.DelegatedSigners[succinct.BinName(i)] = [key];
            repo.TargetVersions[succinct.BinName(i)] = 1;
        }
        repo.AddTarget(bin, "registry.example/app:v1", "manifest"u8.ToArray());
        repo.Publish(bumpTargets: true);

        var info = await repo.NewClient().GetTargetInfoAsync("registry.example/app:v1");

        Assert.Equal([RoleNames.Targets, bin], info!.RolePath);
        Assert.Matches("^bins-[0-9a-f]{2}$", bin);
        Assert.Single(repo.FetchLog, f => f.Contains("bins-"));
    }

    [Fact]
    public async Task DelegatedRole_SignedByWrongKey_IsRefused()
    {
        var repo = new RepositorySimulator();
        Delegate(repo, RoleNames.Targets, "images", terminating: false);
        repo.DelegatedSigners["images"] = [SigningKey.Generate(KeyAlgorithm.Ed25519)];
        repo.Publish(bumpTargets: true);

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => repo.NewClient().GetTargetInfoAsync("x"));
        Assert.Equal((TrustFailureReason.ThresholdNotMet, "images"), (e.Reason, e.Role));
    }

    [Fact]
    public async Task DelegatedRole_MissingFromSnapshot_IsRefused()
    {
        var repo = new RepositorySimulator();
        Delegate(repo, RoleNames.Targets, "images", terminating: false);
        repo.Publish(bumpTargets: true);
        repo.TargetVersions.Remove("images");
        repo.Publish(bumpTargets: true);

        var e = await Assert.ThrowsAsync<TrustVerificationException>(() => repo.NewClient().GetTargetInfoAsync("x"));
        Assert.Equal(TrustFailureReason.MissingMetadata, e.Reason);
    }

    [Fact]
    public async Task DelegationCycle_IsBoundedByVisitedSet()
    {
        var repo = new RepositorySimulator();
        Delegate(repo, RoleNames.Targets, "a", terminating: false);
        Delegate(repo, "a", "b", terminating: false);
        var bKeys = repo.DelegationsOf["a"];
        repo.DelegationsOf["b"] = bKeys; // b delegates back to b
        repo.Publish(bumpTargets: true);

        Assert.Null(await repo.NewClient().GetTargetInfoAsync("x"));
    }
}
