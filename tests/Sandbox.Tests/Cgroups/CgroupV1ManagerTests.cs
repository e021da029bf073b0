using Hctr.Policy.Host;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Cgroups;

namespace Hctr.Sandbox.Tests.Cgroups;

/// <summary>The v1 writer on this machine's real hierarchies.</summary>
[Trait("Category", "Kernel")]
public sealed class CgroupV1ManagerTests
{
    [Fact]
    public void Creates_applies_and_destroys_real_cgroups_killing_what_is_left()
    {
        if (!Directory.Exists("/sys/fs/cgroup/pids"))
        {
            return; // a pure v2 host: the v2 tests cover it
        }

        string name = "hctr-unit-" + Guid.NewGuid().ToString("N")[..8];
        var manager = new CgroupV1Manager();
        var plan = new CgroupPlan(CgroupLayout.V1, name, ["pids", "memory"],
            [new CgroupSetting("pids", "pids.max", "7", TestPlans.At(1)), new CgroupSetting("memory", "memory.limit_in_bytes", "268435456", TestPlans.At(2))]);
        var dirs = manager.Create(plan);
        using var sleeper = System.Diagnostics.Process.Start("sleep", ["30"])!;
        manager.AddProcess(dirs, sleeper.Id);

        string pidsDir = dirs.Single(d => d.Contains("/pids/", StringComparison.Ordinal));
        Assert.Equal("7", File.ReadAllText(Path.Combine(pidsDir, "pids.max")).Trim());
        Assert.Contains(sleeper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(pidsDir, "cgroup.procs")));

        manager.Destroy(dirs);
        Assert.True(sleeper.WaitForExit(5000));
        Assert.All(dirs, d => Assert.False(Directory.Exists(d)));
    }
}
