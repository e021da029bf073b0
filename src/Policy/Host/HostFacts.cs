using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Host;

/// <summary>
/// What the compiler needs to know about the host, as data. Sandbox probes the real host once
/// (HostProbe); tests and golden files use <see cref="Reference"/> so compiled bytes do not depend on
/// the machine.
/// </summary>
public sealed record HostFacts
{
    public required SeccompArch Arch { get; init; }

    public required Version Kernel { get; init; }

    /// <summary>0 when Landlock is unavailable.</summary>
    public required int LandlockAbi { get; init; }

    public required bool AppArmorEnabled { get; init; }

    public required CgroupLayout Cgroups { get; init; }

    /// <summary>SECCOMP_FILTER_FLAG_SPEC_ALLOW is accepted (Linux ≥ 5.10 with the flag compiled in).</summary>
    public required bool SeccompSpecAllow { get; init; }

    /// <summary>A fixed x86_64 host: kernel 6.8, Landlock ABI 6, AppArmor on, cgroup v2.</summary>
    public static HostFacts Reference { get; } = new()
    {
        Arch = SeccompArch.X86_64,
        Kernel = new Version(6, 8),
        LandlockAbi = 6,
        AppArmorEnabled = true,
        Cgroups = CgroupLayout.V2,
        SeccompSpecAllow = true,
    };
}
