using Hctr.Policy.Host;
using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Cgroups;

/// <summary>
/// cgroup v1: one directory per controller hierarchy, <c>{root}/{controller}/{hctr's cgroup there}/{plan name}</c>.
/// Settings name their controller. cpuset gets its parent's cpus/mems first (an empty cpuset admits no task).
/// </summary>
public sealed class CgroupV1Manager(string root = "/sys/fs/cgroup", string procSelfCgroup = "/proc/self/cgroup") : ICgroupManager
{
    public IReadOnlyList<string> Create(CgroupPlan plan, Action<IReadOnlyList<string>>? beforeCreate = null)
    {
        var layout = Layout(plan);
        beforeCreate?.Invoke([.. layout.Where(d => d.Own).Select(d => d.Dir)]);
        var dirs = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = new List<string>();
        try
        {
            foreach (var (controller, parent, dir, own) in layout)
            {
                dirs[controller] = dir;
                if (!own)
                {
                    continue; // co-mounted with a controller before it: the same directory
                }

                CgroupFiles.CreateExclusive(dir);
                created.Add(dir);
                if (controller == "cpuset")
                {
                    foreach (string file in (string[])["cpuset.cpus", "cpuset.mems"])
                    {
                        CgroupFiles.Write(Path.Combine(dir, file), File.ReadAllText(Path.Combine(parent, file)).Trim());
                    }
                }
            }

            foreach (var s in plan.Settings)
            {
                if (!dirs.TryGetValue(s.Controller, out string? dir))
                {
                    throw new SyscallException("open", Interop.Errno.ENOENT, $"{s.Controller}/{s.File} (controller not in the plan)");
                }

                CgroupFiles.Write(Path.Combine(dir, s.File), s.Value);
            }

            return created;
        }
        catch
        {
            Destroy(created);
            throw;
        }
    }

    /// <summary>
    /// Per controller of the plan: its hierarchy's directory of hctr's own cgroup (the parent), the container's
    /// directory under it, and whether that directory is this controller's to create (false for a controller
    /// co-mounted with an earlier one, as cpu and cpuacct linked to cpu,cpuacct: one hierarchy, one directory).
    /// </summary>
    private List<(string Controller, string Parent, string Dir, bool Own)> Layout(CgroupPlan plan)
    {
        if (plan.Layout != CgroupLayout.V1)
        {
            throw new ArgumentException("the plan's cgroup settings are spelled for v2", nameof(plan));
        }

        CgroupFiles.CheckName(plan.Name);
        var self = CgroupFiles.SelfCgroups(procSelfCgroup);
        var byHierarchy = new HashSet<string>(StringComparer.Ordinal);
        var layout = new List<(string, string, string, bool)>();
        foreach (string controller in plan.Controllers)
        {
            CgroupFiles.CheckController(controller);
            string hierarchyPath = Path.Combine(root, controller);
            string hierarchy = Directory.ResolveLinkTarget(hierarchyPath, returnFinalTarget: true)?.FullName ?? hierarchyPath;
            string parent = Path.Combine(root, controller, (self.GetValueOrDefault(controller) ?? "/").TrimStart('/'));
            layout.Add((controller, parent, Path.Combine(parent, plan.Name), byHierarchy.Add(hierarchy)));
        }

        return layout;
    }

    public void AddProcess(IReadOnlyList<string> directories, int pid)
    {
        foreach (string dir in directories)
        {
            CgroupFiles.Write(Path.Combine(dir, "cgroup.procs"), pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// v1 hierarchies are thread-granular: the calling thread writes "0" (itself) to each directory's <c>tasks</c>.
    /// It goes back to the directories' parents, the cgroups of hctr they were created under (<see cref="Create"/>).
    /// Until then it counts against the container's pids limit, for the length of one clone (the compiler refuses
    /// limits below 2, HCTR1609, so there is room).
    /// </summary>
    public IDisposable? EnterForClone(IReadOnlyList<string> directories)
    {
        // If entering one fails, the way back undoes the others (entering a cgroup the thread is in is a no-op).
        var back = new ThreadReturn([.. directories.Select(d => Path.GetDirectoryName(d) ?? "/")]);
        try
        {
            foreach (string dir in directories)
            {
                CgroupFiles.Write(Path.Combine(dir, "tasks"), "0");
            }
        }
        catch
        {
            back.Dispose();
            throw;
        }

        return back;
    }

    private sealed class ThreadReturn(IReadOnlyList<string> parents) : IDisposable
    {
        private bool done;

        public void Dispose()
        {
            if (done)
            {
                return;
            }

            done = true;
            SyscallException? first = null;
            foreach (string parent in parents)
            {
                try
                {
                    CgroupFiles.Write(Path.Combine(parent, "tasks"), "0");
                }
                catch (SyscallException e)
                {
                    first ??= e;
                }
            }

            if (first is not null)
            {
                throw first;
            }
        }
    }

    public bool OomKilled(IReadOnlyList<string> directories) => CgroupFiles.AnyOomKill(directories, "memory.oom_control");

    public void Destroy(IReadOnlyList<string> directories)
    {
        foreach (string dir in directories.Reverse())
        {
            CgroupFiles.KillAndRemove(dir, "cgroup.procs", useCgroupKill: false);
        }
    }

    public bool RemoveIfEmpty(IReadOnlyList<string> directories) => CgroupFiles.RemoveIfEmpty(directories);
}
