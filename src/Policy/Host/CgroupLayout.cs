namespace Hctr.Policy.Host;

public enum CgroupLayout
{
    /// <summary>Controllers on v1 hierarchies (cgroup2 may be mounted, without controllers).</summary>
    V1,

    /// <summary>The unified hierarchy with controllers.</summary>
    V2,
}
