using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Cgroups;

/// <summary>Creates a container's cgroup(s), applies the plan's settings, adds processes, and removes them.</summary>
public interface ICgroupManager
{
    /// <summary>Creates the directories and writes every setting, in plan order. Returns the created directories.</summary>
    IReadOnlyList<string> Create(CgroupPlan plan);

    void AddProcess(IReadOnlyList<string> directories, int pid);

    /// <summary>
    /// Moves the calling thread into the directories so that the process it clones next is born in them, and
    /// returns what moves it back (dispose right after the clone). Null where the layout cannot move one thread:
    /// there the child is born in <see cref="CloneIntoDirectory"/>, or else moved with <see cref="AddProcess"/>
    /// after the clone. Why: moving a whole process
    /// (<c>cgroup.procs</c>) takes the kernel's global threadgroup semaphore for writing, which after an idle
    /// spell first waits an RCU grace period (5-15 ms here); moving only the calling thread does not.
    /// </summary>
    IDisposable? EnterForClone(IReadOnlyList<string> directories);

    /// <summary>
    /// The cgroup v2 directory the child is born in through clone3(CLONE_INTO_CGROUP, Linux 5.7): no move after
    /// the clone (which waits for an RCU grace period) and a cgroup namespace rooted at the container's cgroup.
    /// Null where the layout has none (v1 uses <see cref="EnterForClone"/>).
    /// </summary>
    string? CloneIntoDirectory(IReadOnlyList<string> directories) => null;

    /// <summary>True when the kernel's OOM killer killed a process in these cgroups (read before <see cref="Destroy"/>).</summary>
    bool OomKilled(IReadOnlyList<string> directories);

    /// <summary>Kills every process left in <paramref name="directories"/> and removes them (deepest first). Missing ones are fine.</summary>
    void Destroy(IReadOnlyList<string> directories);
}
