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
        string dir = Path.Combine(self, "hctr-c1");
        Directory.CreateDirectory(self);
        foreach (string f in (string[])["cgroup.subtree_control"])
        {
            File.WriteAllText(Path.Combine(self, f), "");
        }

        string procSelf = Path.Combine(_root, "self-cgroup");
        File.WriteAllText(procSelf, "0::/user.slice/hctr.scope\n");
        var manager = new CgroupV2Manager(_root, procSelf) { KernelFilesForTest = KernelFiles };
        var plan = new CgroupPlan(CgroupLayout.V2, "hctr-c1", ["memory", "pids"],
            [new CgroupSetting("", "memory.max", "67108864", TestPlans.At(1)), new CgroupSetting("", "pids.max", "64", TestPlans.At(2))]);

        IReadOnlyList<string>? planned = null;
        var dirs = manager.Create(plan, d => planned = Directory.Exists(dir) ? ["made too early"] : d);
        manager.AddProcess(dirs, 4242);

        Assert.Equal([dir], planned);
        Assert.Equal([dir], dirs);
        Assert.Equal("+memory +pids", File.ReadAllText(Path.Combine(self, "cgroup.subtree_control")));
        Assert.Equal("67108864", File.ReadAllText(Path.Combine(dir, "memory.max")));
        Assert.Equal("64", File.ReadAllText(Path.Combine(dir, "pids.max")));
        Assert.Equal("4242", File.ReadAllText(Path.Combine(dir, "cgroup.procs")));
    }

    /// <summary>What cgroupfs gives a new directory (the part these tests write to).</summary>
    private static void KernelFiles(string dir)
    {
        foreach (string f in (string[])["memory.max", "pids.max", "cgroup.procs"])
        {
            File.WriteAllText(Path.Combine(dir, f), "");
        }
    }

    [Fact]
    public void An_existing_cgroup_is_never_joined_and_is_left_as_it_was()
    {
        string procSelf = Path.Combine(_root, "self-cgroup");
        File.WriteAllText(procSelf, "0::/\n");
        string other = Directory.CreateDirectory(Path.Combine(_root, "hctr-busy")).FullName;
        File.WriteAllText(Path.Combine(other, "cgroup.procs"), "4242\n");
        var e = Assert.Throws<SyscallException>(() => new CgroupV2Manager(_root, procSelf) { KernelFilesForTest = KernelFiles }
            .Create(new CgroupPlan(CgroupLayout.V2, "hctr-busy", [], [new CgroupSetting("", "pids.max", "64", TestPlans.At(1))])));
        Assert.Equal("mkdir", e.Operation);
        Assert.Equal(17, e.Errno); // EEXIST
        Assert.Contains("a container never joins a cgroup it did not create", e.Message);
        Assert.Equal("4242\n", File.ReadAllText(Path.Combine(other, "cgroup.procs")));
        Assert.False(File.Exists(Path.Combine(other, "pids.max")));
    }

    [Theory]
    [InlineData("c1")]
    [InlineData("hctr-")]
    [InlineData("hctr-..")]
    [InlineData("hctr-a/b")]
    [InlineData("../hctr-x")]
    [InlineData("hctr-x y")]
    public void A_cgroup_name_other_than_hctr_NAME_is_refused_before_anything_is_created(string name)
    {
        string procSelf = Path.Combine(_root, "self-cgroup");
        File.WriteAllText(procSelf, "0::/\n");
        var e = Assert.Throws<ArgumentException>(() => new CgroupV2Manager(_root, procSelf).Create(new CgroupPlan(CgroupLayout.V2, name, [], [])));
        Assert.Contains("cgroup name", e.Message);
        Assert.Empty(Directory.GetDirectories(_root));
    }

    [Fact]
    public void A_controller_that_is_not_a_name_is_refused()
    {
        string procSelf = Path.Combine(_root, "self-cgroup");
        File.WriteAllText(procSelf, "0::/\n");
        File.WriteAllText(Path.Combine(_root, "cgroup.subtree_control"), "");
        Assert.Throws<ArgumentException>(() => new CgroupV2Manager(_root, procSelf).Create(new CgroupPlan(CgroupLayout.V2, "hctr-x", ["memory -pids"], [])));
        Assert.Equal("", File.ReadAllText(Path.Combine(_root, "cgroup.subtree_control")));
    }

    [Fact]
    public void Refuses_settings_spelled_for_v1() =>
        Assert.Throws<ArgumentException>(() => new CgroupV2Manager(_root).Create(new CgroupPlan(CgroupLayout.V1, "c", [], [])));

    [Fact]
    public void Missing_setting_file_fails_with_the_path()
    {
        File.WriteAllText(Path.Combine(_root, "self"), "0::/\n");
        var e = Assert.Throws<SyscallException>(() => new CgroupV2Manager(_root, Path.Combine(_root, "self"))
            .Create(new CgroupPlan(CgroupLayout.V2, "hctr-c2", [], [new CgroupSetting("", "memory.max", "1", TestPlans.At(1))])));
        Assert.Equal(2, e.Errno);
        Assert.EndsWith("hctr-c2/memory.max", e.Path);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
