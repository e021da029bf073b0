using System.Security.Cryptography;
using System.Text;
using Hctr.Policy.Compile;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Plan;
using Xunit;

namespace Hctr.Policy.Tests.Loading;

/// <summary>The one profile digest: trust-policy pins and plans. It covers every base a profile extends.</summary>
[Trait("Category", "Unit")]
public class ProfileDigestChainTests
{
    private const string Base = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: base}\nspec:\n  resources: {pids: 100}\n";
    private const string Child = "apiVersion: hctr.dev/v1\nkind: SecurityProfile\nmetadata: {name: child}\nextends: base.yaml\nspec:\n  resources: {pids: 50}\n";

    private static string Sha(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_profile_without_a_base_digests_as_the_sha256_of_its_text()
    {
        var r = MemorySource.Load(Base);
        Assert.True(r.Succeeded);
        Assert.Equal(Sha(Base), r.Digest);
        Assert.Equal(Sha(Base), r.Profile!.SourceDigest);
    }

    [Fact]
    public void A_change_in_the_base_changes_the_childs_digest()
    {
        var before = MemorySource.Load(Child, ("base.yaml", Base));
        var after = MemorySource.Load(Child, ("base.yaml", Base.Replace("pids: 100", "pids: 200", StringComparison.Ordinal)));
        Assert.True(before.Succeeded && after.Succeeded);
        Assert.NotEqual(before.Digest, after.Digest);
        Assert.NotEqual(Sha(Child), before.Digest); // not the leaf alone
    }

    [Fact]
    public void The_digest_depends_on_content_not_on_names()
    {
        var here = MemorySource.Load(Child, ("base.yaml", Base));
        var files = new Dictionary<string, string> { ["elsewhere/child.yaml"] = Child, ["base.yaml"] = Base };
        var there = ProfileLoader.Load("elsewhere/child.yaml", new MemorySource(files));
        Assert.True(there.Succeeded, string.Join("\n", there.Diagnostics));
        Assert.Equal(here.Digest, there.Digest);
    }

    [Fact]
    public void The_plan_carries_the_same_digest()
    {
        var r = MemorySource.Load(Child, ("base.yaml", Base));
        var plan = PlanCompiler.Compile(r.Profile!, LaunchRequest.Example, HostFacts.Reference).Plan!;
        Assert.Equal(r.Digest, plan.ProfileDigest);
    }
}
