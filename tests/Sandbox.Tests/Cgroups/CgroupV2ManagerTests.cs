using Hctr.Policy.Host;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Cgroups;

namespace Hctr.Sandbox.Tests.Cgroups;

/// <summary>The v2 writer against a scratch tree laid out like cgroupfs (files the kernel would provide are pre-created).</summary>
[Trait("Category", "Unit")]
public sealed class CgroupV2ManagerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hctr-cg2-").FullName;

    [Fact]
    public void Creates_under_own_cgroup_enables_controllers_and_writes_settings_in_order()
    {
        string self = Path.Combine(_root, "user.slice/hctr.scope");
        string dir = Path.Combine(self, "c1");
        Directory.CreateDirectory(dir);
        foreach (string f in (string[])["cgroup.subtree_control"])
        {
            File.WriteAllText(Path.Combine(self, f), "");
        }

        foreach (string f in (string[])["memory.max", "pids.max", "cgroup.procs"])
        {
            File.WriteAllText(Path.Combine(dir, f), "");
        }

        string procSelf = Path.Combine(_root, "self-cgroup");
        File.WriteAllText(procSelf, "0::/user.slice/hctr.scope\n");
        var manager = new CgroupV2Manager(_root, procSelf);
        var plan = new CgroupPlan(CgroupLayout.V2, "c1", ["memory", "pids"],
            [new CgroupSetting("", "memory.max", "67108864", TestPlans.At(1)), new CgroupSetting("", "pids.max", "64", TestPlans.At(2))]);

        var dirs = manager.Create(plan);
        manager.AddProcess(dirs, 4242);

        Assert.Equal([dir], dirs);
        Assert.Equal("+memory +pids", File.ReadAllText(Path.Combine(self, "cgroup.subtree_control")));
        Assert.Equal("67108864", File.ReadAllText(Path.Combine(dir, "memory.max")));
        Assert.Equal("64", File.ReadAllText(Path.Combine(dir, "pids.max")));
        Assert.Equal("4242", File.ReadAllText(Path.Combine(dir, "cgroup.procs")));
    }

    [Fact]
    public void Refuses_settings_spelled_for_v1() =>
        Assert.Throws<ArgumentException>(() => new CgroupV2Manager(_root).Create(new CgroupPlan(CgroupLayout.V1, "c", [], [])));

    [Fact]
    public void Missing_setting_file_fails_with_the_path()
    {
        File.WriteAllText(Path.Combine(_root, "self"), "0::/\n");
        var e = Assert.Throws<SyscallException>(() => new CgroupV2Manager(_root, Path.Combine(_root, "self"))
            .Create(new CgroupPlan(CgroupLayout.V2, "c2", [], [new CgroupSetting("", "memory.max", "1", TestPlans.At(1))])));
        Assert.Equal(2, e.Errno);
        Assert.EndsWith("c2/memory.max", e.Path);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
