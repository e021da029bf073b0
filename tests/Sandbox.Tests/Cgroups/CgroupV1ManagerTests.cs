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

    [Fact]
    public void A_thread_enters_for_the_clone_and_goes_back_while_the_process_stays()
    {
        if (!Directory.Exists("/sys/fs/cgroup/pids"))
        {
            return; // a pure v2 host: the v2 manager moves processes only
        }

        var manager = new CgroupV1Manager();
        var dirs = manager.Create(new CgroupPlan(CgroupLayout.V1, "hctr-unit-" + Guid.NewGuid().ToString("N")[..8], ["pids", "devices"], []));
        string before = Line(File.ReadAllText("/proc/self/cgroup"), "pids");
        string inside = "", processWhileInside = "", after = "";
        string? refused = null;
        RunOnThread(() =>
        {
            using (var handle = manager.EnterForClone(dirs))
            {
                Assert.NotNull(handle);
                inside = Line(File.ReadAllText("/proc/thread-self/cgroup"), "pids");
                processWhileInside = Line(File.ReadAllText("/proc/self/cgroup"), "pids");
                // hctr never kills itself: with one of its threads still inside, removal refuses instead.
                refused = Assert.Throws<SyscallException>(() => manager.Destroy(dirs)).Message;
            }

            after = Line(File.ReadAllText("/proc/thread-self/cgroup"), "pids");
        });

        string pidsDir = dirs.Single(d => d.Contains("/pids/", StringComparison.Ordinal));
        Assert.EndsWith(inside, pidsDir);
        Assert.Equal(before, processWhileInside);
        Assert.Equal(before, after);
        Assert.Contains("a thread of hctr is still in it", refused);
        manager.Destroy(dirs);
        Assert.All(dirs, d => Assert.False(Directory.Exists(d)));
    }

    [Fact]
    public void A_cgroup_that_exists_is_never_joined_and_its_processes_live_on()
    {
        if (!Directory.Exists("/sys/fs/cgroup/pids"))
        {
            return;
        }

        string name = "hctr-unit-" + Guid.NewGuid().ToString("N")[..8];
        var manager = new CgroupV1Manager();
        // Another container's cgroup (pids only): a process in it, and a memory hierarchy where this name is free.
        var other = manager.Create(new CgroupPlan(CgroupLayout.V1, name, ["pids"], []));
        using var sleeper = System.Diagnostics.Process.Start("sleep", ["30"])!;
        try
        {
            manager.AddProcess(other, sleeper.Id);
            var e = Assert.Throws<SyscallException>(() => manager.Create(new CgroupPlan(CgroupLayout.V1, name, ["memory", "pids"],
                [new CgroupSetting("pids", "pids.max", "1", TestPlans.At(1))])));
            Assert.Equal(17, e.Errno); // EEXIST
            Assert.False(sleeper.HasExited);
            Assert.Contains(sleeper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(other[0], "cgroup.procs")));
            Assert.Equal("max", File.ReadAllText(Path.Combine(other[0], "pids.max")).Trim());
            string memoryDir = Path.Combine("/sys/fs/cgroup/memory", Line(File.ReadAllText("/proc/self/cgroup"), "memory").TrimStart('/'), name);
            Assert.True(Directory.Exists(Path.GetDirectoryName(memoryDir)), memoryDir);
            Assert.False(Directory.Exists(memoryDir), "the directory this attempt created is removed again");
        }
        finally
        {
            manager.Destroy(other);
        }

        Assert.True(sleeper.WaitForExit(5000));
    }

    [Fact]
    public void Create_names_its_directories_before_making_them_and_remove_if_empty_never_kills()
    {
        if (!Directory.Exists("/sys/fs/cgroup/pids"))
        {
            return;
        }

        var manager = new CgroupV1Manager();
        var plan = new CgroupPlan(CgroupLayout.V1, "hctr-unit-" + Guid.NewGuid().ToString("N")[..8], ["devices", "pids"], []);
        IReadOnlyList<string> planned = [];
        var created = manager.Create(plan, dirs =>
        {
            planned = dirs;
            Assert.All(dirs, d => Assert.False(Directory.Exists(d))); // named before the first mkdir
        });
        Assert.Equal(planned, created);

        using var sleeper = System.Diagnostics.Process.Start("sleep", ["30"])!;
        manager.AddProcess([created[1]], sleeper.Id);
        Assert.False(manager.RemoveIfEmpty(created)); // pids holds the sleeper: left, and the sleeper lives
        Assert.False(sleeper.HasExited);
        Assert.True(Directory.Exists(created[1]));
        Assert.False(Directory.Exists(created[0]), "the empty one (devices) is removed");
        manager.Destroy(created);
        Assert.True(sleeper.WaitForExit(5000));
        Assert.True(manager.RemoveIfEmpty(created), "gone counts as removed");
    }

    private static string Line(string procCgroup, string controller) =>
        procCgroup.Split('\n').Select(l => l.Split(':', 3)).Single(f => f.Length == 3 && f[1].Split(',').Contains(controller))[2];

    private static void RunOnThread(Action action)
    {
        Exception? error = null;
        var t = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        t.Start();
        t.Join();
        if (error is not null)
        {
            throw new Xunit.Sdk.XunitException("on the thread: " + error);
        }
    }
}
