using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Cgroups;

/// <summary>Creates a container's cgroup(s), applies the plan's settings, adds processes, and removes them.</summary>
public interface ICgroupManager
{
    /// <summary>
    /// Creates the directories and writes every setting, in plan order. Returns the created directories. Fails if
    /// one exists: a container never joins a cgroup it did not create. <paramref name="beforeCreate"/>, when given,
    /// gets the directories before the first mkdir: a run records them (as pending) so that a later hctr can remove
    /// them if this one is killed between the mkdir and the record of what it made.
    /// </summary>
    IReadOnlyList<string> Create(CgroupPlan plan, Action<IReadOnlyList<string>>? beforeCreate = null);

    /// <summary>
    /// Removes those of <paramref name="directories"/> that hold no process, with rmdir only (never a kill: a pending
    /// directory may be another container's, whose Create won the name), waiting a little while exiting tasks are
    /// still counted. True when none is left.
    /// </summary>
    bool RemoveIfEmpty(IReadOnlyList<string> directories);

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
