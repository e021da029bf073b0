using Hctr.Policy.Compile;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Plan;
using Hctr.Policy.Tests.Golden;
using Xunit;

namespace Hctr.Policy.Tests.Compile;

/// <summary>
/// The plan cache compiles once with placeholder id and rootfs and binds the real ones: for every shipped
/// profile, binding must give exactly the bytes a compile for that container gives.
/// </summary>
[Trait("Category", "Unit")]
public class PlanBinderTests
{
    public static TheoryData<string> ShippedProfiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.Profiles, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedProfiles))]
    public void Binding_equals_compiling_for_that_container(string file)
    {
        var loaded = ProfileLoader.Load("profiles/" + file, new RepoRelativeSource(RepoPaths.Root));
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var request = new LaunchRequest { Argv = ["/bin/true"], ContainerId = PlanBinder.CacheContainerId, RootfsPath = PlanBinder.CacheRootfsPath };
        var cached = PlanCompiler.Compile(loaded.Profile!, request, HostFacts.Reference).Plan!;
        foreach (var (id, rootfs) in new[] { ("web1", "/srv/rootfs"), ("a.b-c_d", "/run/hctr/a.b-c_d/rootfs") })
        {
            var direct = PlanCompiler.Compile(loaded.Profile!, request with { ContainerId = id, RootfsPath = rootfs }, HostFacts.Reference).Plan!;
            Assert.Equal(PlanJson.SerializeToString(direct), PlanJson.SerializeToString(PlanBinder.Bind(cached, id, rootfs)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("x y")]
    public void An_invalid_id_is_refused(string id)
    {
        var loaded = ProfileLoader.Load("profiles/default.yaml", new RepoRelativeSource(RepoPaths.Root));
        var plan = PlanCompiler.Compile(loaded.Profile!, LaunchRequest.Example, HostFacts.Reference).Plan!;
        Assert.Throws<ArgumentException>(() => PlanBinder.Bind(plan, id, "/r"));
    }
}
