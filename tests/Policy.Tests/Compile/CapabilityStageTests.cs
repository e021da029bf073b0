using Hctr.Policy.Capabilities;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Compile;

[Trait("Category", "Unit")]
public class CapabilityStageTests
{
    private const ulong NetBind = 1UL << 10;
    private const ulong Chown = 1UL << 0;

    [Fact]
    public void Added_caps_fill_four_sets_and_ambient_stays_empty_for_root()
    {
        var caps = CompileOk(Strict().WithCaps(Capability.NetBindService, Capability.Chown), Request(uid: 0)).Capabilities;
        Assert.Equal(NetBind | Chown, caps.Bounding);
        Assert.Equal(NetBind | Chown, caps.Permitted);
        Assert.Equal(NetBind | Chown, caps.Inheritable);
        Assert.Equal(NetBind | Chown, caps.Effective);
        Assert.Equal(0UL, caps.Ambient);
        Assert.Equal(["CAP_CHOWN", "CAP_NET_BIND_SERVICE"], caps.Names);
    }

    [Fact]
    public void Non_root_gets_ambient_so_caps_survive_execve()
    {
        var caps = CompileOk(Strict().WithCaps(Capability.NetBindService), Request(uid: 1000)).Capabilities;
        Assert.Equal(NetBind, caps.Ambient);
    }

    [Fact]
    public void No_caps_is_all_zero()
    {
        var caps = CompileOk(Strict(), Request(uid: 1000)).Capabilities;
        Assert.Equal(0UL, caps.Bounding | caps.Effective | caps.Permitted | caps.Inheritable | caps.Ambient);
    }
}
