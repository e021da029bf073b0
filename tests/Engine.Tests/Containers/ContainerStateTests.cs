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

    [Fact]
    public void Pending_cgroups_round_trip_and_each_state_of_a_run_is_longer_than_the_one_before()
    {
        // A run's state is rewritten in place and never truncated: each write must be longer than the last.
        string[] dirs = ["/sys/fs/cgroup/pids/hctr-web1", "/sys/fs/cgroup/devices/hctr-web1"];
        var first = new ContainerState("web1", 123, 456789, 0, []);
        var planned = first with { PendingCgroupDirectories = dirs };
        var created = new ContainerState("web1", 123, 456789, 2, dirs) { PendingCgroupDirectories = dirs };
        Assert.Equal(dirs, ContainerState.TryParse(planned.Serialize())!.PendingCgroupDirectories);
        Assert.Equal(created.Serialize(), ContainerState.TryParse(created.Serialize())!.Serialize());
        Assert.True(planned.Serialize().Length > first.Serialize().Length);
        Assert.True(created.Serialize().Length > planned.Serialize().Length);
        Assert.StartsWith(first.Serialize()[..first.Serialize().IndexOf("init-pid", StringComparison.Ordinal)], created.Serialize());
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("id x\nhctr-pid notanumber\n")]
    public void Malformed_state_is_null(string text) => Assert.Null(ContainerState.TryParse(text));
}
