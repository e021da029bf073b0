using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>
/// Everything the Sandbox applies for one launch, as pure data, decided by <c>PlanCompiler</c>. Sandbox
/// makes no decisions and adds no defaults: a setting not here is not applied. Each step keeps the profile
/// line it came from. One canonical JSON form (PlanJson) serves the init stage, golden files and
/// <c>hctr profile compile --emit plan</c>.
/// </summary>
public sealed record LaunchPlan
{
    public int FormatVersion { get; init; } = 1;

    public required string ProfileName { get; init; }

    /// <summary>sha256 of the profile sources that produced this plan.</summary>
    public required string ProfileDigest { get; init; }

    public required NamespacePlan Namespaces { get; init; }

    public required IdMapPlan IdMaps { get; init; }

    public required ProcessPlan Process { get; init; }

    public required RootfsPlan Rootfs { get; init; }

    /// <summary>Mounts in the order they are made, after the rootfs and before pivot_root.</summary>
    public required IReadOnlyList<MountStep> Mounts { get; init; }

    public required IReadOnlyList<PathStep> MaskedPaths { get; init; }

    public required IReadOnlyList<PathStep> ReadOnlyPaths { get; init; }

    public required IReadOnlyList<RlimitStep> Rlimits { get; init; }

    public required IReadOnlyList<SysctlStep> Sysctls { get; init; }

    public required CgroupPlan Cgroup { get; init; }

    public required NetworkPlan Network { get; init; }

    public required CapabilityPlan Capabilities { get; init; }

    public required bool NoNewPrivileges { get; init; }

    public required SourceLocation NoNewPrivilegesOrigin { get; init; }

    /// <summary>Null when the host has no Landlock (a warning was issued at compile time).</summary>
    public LandlockPlan? Landlock { get; init; }

    public required AppArmorPlan AppArmor { get; init; }

    public required SeccompPlan Seccomp { get; init; }
}
