using Hctr.Policy.Host;
using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Cgroups;

/// <summary>
/// cgroup v2: one directory <c>{root}/{hctr's cgroup}/{plan name}</c>; the plan's controllers are enabled in the
/// parent's cgroup.subtree_control first. Removal uses cgroup.kill (Linux ≥ 5.14) and falls back to SIGKILL per pid.
/// </summary>
public sealed class CgroupV2Manager(string root = "/sys/fs/cgroup", string procSelfCgroup = "/proc/self/cgroup") : ICgroupManager
{
    /// <summary>Called with a new cgroup directory before its settings are written: a test on a scratch tree stands
    /// in for the kernel there and provides the interface files a real cgroupfs directory is born with.</summary>
    internal Action<string>? KernelFilesForTest { get; init; }

    public bool RemoveIfEmpty(IReadOnlyList<string> directories) => CgroupFiles.RemoveIfEmpty(directories);

    public IReadOnlyList<string> Create(CgroupPlan plan, Action<IReadOnlyList<string>>? beforeCreate = null)
    {
        if (plan.Layout != CgroupLayout.V2)
        {
            throw new ArgumentException("the plan's cgroup settings are spelled for v1", nameof(plan));
        }

        CgroupFiles.CheckName(plan.Name);
        foreach (string controller in plan.Controllers)
        {
            CgroupFiles.CheckController(controller);
        }

        string self = CgroupFiles.SelfCgroups(procSelfCgroup).GetValueOrDefault("") ?? "/";
        string parent = Path.Combine(root, self.TrimStart('/'));
        if (plan.Controllers.Count > 0)
        {
            CgroupFiles.Write(Path.Combine(parent, "cgroup.subtree_control"), string.Join(' ', plan.Controllers.Select(c => "+" + c)));
        }

        string dir = Path.Combine(parent, plan.Name);
        beforeCreate?.Invoke([dir]);
        CgroupFiles.CreateExclusive(dir);
        try
        {
            KernelFilesForTest?.Invoke(dir);
            foreach (var s in plan.Settings)
            {
                CgroupFiles.Write(Path.Combine(dir, s.File), s.Value);
            }
        }
        catch
        {
            Destroy([dir]);
            throw;
        }

        return [dir];
    }

    public void AddProcess(IReadOnlyList<string> directories, int pid)
    {
        foreach (string dir in directories)
        {
            CgroupFiles.Write(Path.Combine(dir, "cgroup.procs"), pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>v2 moves whole processes only (outside threaded subtrees): no thread enters; see <see cref="CloneIntoDirectory"/>.</summary>
    public IDisposable? EnterForClone(IReadOnlyList<string> directories) => null;

    /// <summary>The container's one directory: the child is born in it (clone3 CLONE_INTO_CGROUP).</summary>
    public string? CloneIntoDirectory(IReadOnlyList<string> directories) => directories.Count == 1 ? directories[0] : null;

    public bool OomKilled(IReadOnlyList<string> directories) => CgroupFiles.AnyOomKill(directories, "memory.events");

    public void Destroy(IReadOnlyList<string> directories)
    {
        foreach (string dir in directories.Reverse())
        {
            CgroupFiles.KillAndRemove(dir, "cgroup.procs", useCgroupKill: true);
        }
    }
}
