using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Cgroups;

/// <summary>Creates a container's cgroup(s), applies the plan's settings, adds processes, and removes them.</summary>
public interface ICgroupManager
{
    /// <summary>Creates the directories and writes every setting, in plan order. Returns the created directories.</summary>
    IReadOnlyList<string> Create(CgroupPlan plan);

    void AddProcess(IReadOnlyList<string> directories, int pid);

    /// <summary>True when the kernel's OOM killer killed a process in these cgroups (read before <see cref="Destroy"/>).</summary>
    bool OomKilled(IReadOnlyList<string> directories);

    /// <summary>Kills every process left in <paramref name="directories"/> and removes them (deepest first). Missing ones are fine.</summary>
    void Destroy(IReadOnlyList<string> directories);
}
