using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class NamespaceStageTests
{
    [Fact]
    public void Strict_profile_gets_every_namespace()
    {
        var ns = CompileOk(Strict()).Namespaces;
        Assert.Equal(["user", "mount", "pid", "uts", "ipc", "cgroup", "net"], ns.Namespaces);
        Assert.Equal(0x10000000UL | 0x20000 | 0x20000000 | 0x04000000 | 0x08000000 | 0x02000000 | 0x40000000, ns.CloneFlags);
    }

    [Fact]
    public void Host_network_shares_the_net_namespace()
    {
        var plan = CompileOk(Strict().WithModes(NetworkMode.None, NetworkMode.Host), Request() with { Network = NetworkMode.Host });
        Assert.DoesNotContain("net", plan.Namespaces.Namespaces);
        Assert.Equal(0UL, plan.Namespaces.CloneFlags & 0x40000000);
        Assert.Equal(NetworkMode.Host, plan.Network.Mode);
        Assert.False(plan.Network.LoopbackUp);
    }

    [Fact]
    public void HostUnsafe_user_namespace_is_not_created()
    {
        var plan = CompileOk(Strict().WithUserns(UserNamespaceMode.HostUnsafe));
        Assert.DoesNotContain("user", plan.Namespaces.Namespaces);
        Assert.Equal(0UL, plan.Namespaces.CloneFlags & 0x10000000);
        Assert.Empty(plan.IdMaps.Uid);
    }

    [Fact]
    public void Default_network_mode_is_the_profiles_first()
    {
        var plan = CompileOk(Strict().WithModes(NetworkMode.Bridge, NetworkMode.None));
        Assert.Equal(NetworkMode.Bridge, plan.Network.Mode);
        Assert.True(plan.Network.LoopbackUp);
    }

    [Fact]
    public void Requested_mode_not_allowed_is_an_error()
    {
        var r = Run(Strict(), Request() with { Network = NetworkMode.Bridge });
        Assert.Null(r.Plan);
        Assert.Contains(DiagnosticCodes.RequestNotAllowed, r.Codes(Severity.Error));
    }
}
