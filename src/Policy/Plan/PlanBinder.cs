namespace Hctr.Policy.Plan;

/// <summary>
/// What a compiled plan may take from one run without compiling again. The container id reaches a plan
/// only as the cgroup's name (<c>hctr-ID</c>) and the root filesystem's host path only as
/// <see cref="RootfsPlan.Path"/> (PlanCompiler), so a plan compiled for one container serves another once
/// those two are rewritten; everything else in a plan is decided by the compiler and is never patched. The
/// plan cache (Engine) compiles with <see cref="CacheContainerId"/> and <see cref="CacheRootfsPath"/> and binds
/// the real values here. (An image's rootfs lives in a directory per container.)
/// </summary>
public static class PlanBinder
{
    /// <summary>The id a cached plan is compiled for; never a real container's (ids are checked, this one is fixed).</summary>
    public const string CacheContainerId = "plan-cache";

    /// <summary>The rootfs path a cached plan is compiled for.</summary>
    public const string CacheRootfsPath = "/plan-cache/rootfs";

    public const string CgroupPrefix = "hctr-";

    /// <summary>1-128 characters of [A-Za-z0-9_.-], and not "." or "..": safe as one path component.</summary>
    public static bool IsValidContainerId(string id) =>
        id.Length is > 0 and <= 128 && id is not ("." or "..")
        && id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.');

    /// <summary><c>hctr-NAME</c>, NAME a valid container id: the only cgroup names hctr creates (and so the only ones
    /// it may later kill and remove). The compiler writes <c>hctr-ID</c>; a plan run as written may choose NAME.</summary>
    public static bool IsValidCgroupName(string name) =>
        name.StartsWith(CgroupPrefix, StringComparison.Ordinal) && IsValidContainerId(name[CgroupPrefix.Length..]);

    /// <summary>
    /// The plan for container <paramref name="id"/> whose root filesystem is <paramref name="rootfsPath"/>;
    /// throws <see cref="ArgumentException"/> for an invalid id.
    /// </summary>
    public static LaunchPlan Bind(LaunchPlan plan, string id, string rootfsPath)
    {
        if (!IsValidContainerId(id))
        {
            throw new ArgumentException($"container id '{id}' must be 1-128 characters of [A-Za-z0-9_.-]", nameof(id));
        }

        return plan with { Cgroup = plan.Cgroup with { Name = CgroupPrefix + id }, Rootfs = plan.Rootfs with { Path = rootfsPath } };
    }
}
