using Hctr.Engine.Containers;
using Xunit;

namespace Hctr.Engine.Tests.Containers;

[Trait("Category", "Unit")]
public sealed class ContainerStateTests
{
    [Fact]
    public void State_round_trips()
    {
        var state = new ContainerState("web1", 123, 456789, 4242, ["/sys/fs/cgroup/pids/hctr-web1", "/sys/fs/cgroup/memory/x/hctr-web1"]);
        var parsed = ContainerState.TryParse(state.Serialize());
        Assert.NotNull(parsed);
        Assert.Equal(state.Serialize(), parsed.Serialize());
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("id x\nhctr-pid notanumber\n")]
    public void Malformed_state_is_null(string text) => Assert.Null(ContainerState.TryParse(text));
}
