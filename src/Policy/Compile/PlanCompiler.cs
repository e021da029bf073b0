using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>
/// Effective profile + launch request + host facts → <see cref="LaunchPlan"/>. Pure and deterministic: no I/O,
/// no clock, no environment; the same inputs give the same <see cref="PlanJson"/> bytes. Problems in the input
/// are diagnostics, never exceptions; every stage runs so that all problems are reported at once, and the
/// plan is withheld when any of them is an error.
/// </summary>
public static class PlanCompiler
{
    public static PlanCompileResult Compile(SecurityProfile profile, LaunchRequest request, HostFacts host) =>
        Compile(profile, request, host, SeccompStage.Build);

    /// <summary>The seam tests use to stand in for the seccomp stage when they test the other stages alone.</summary>
    internal static PlanCompileResult Compile(
        SecurityProfile profile,
        LaunchRequest request,
        HostFacts host,
        Func<SeccompProfile, HostFacts, DiagnosticBag, SeccompPlan> seccompStage)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(seccompStage);

        var c = new CompileContext(profile, request, host, new DiagnosticBag());
        var process = ProcessStage.Build(c);
        var network = NetworkStage.Build(c);
        var namespaces = NamespaceStage.Build(profile, network.Mode);
        var ids = IdMapStage.Build(c);
        var mounts = MountStage.Build(c, namespaces, ids);
        var plan = new LaunchPlan
        {
            ProfileName = profile.Name,
            ProfileDigest = profile.SourceDigest.Length > 0 ? profile.SourceDigest : ProfileDigest.Compute(profile),
            Namespaces = namespaces,
            IdMaps = ids,
            Process = process,
            Rootfs = new RootfsPlan(request.RootfsPath, profile.Filesystem.ReadOnlyRootfs.Value, profile.Filesystem.ReadOnlyRootfs.Origin),
            Mounts = mounts,
            MaskedPaths = PathStage.Build(c, profile.Filesystem.MaskedPaths, "spec.filesystem.maskedPaths"),
            ReadOnlyPaths = PathStage.Build(c, profile.Filesystem.ReadOnlyPaths, "spec.filesystem.readOnlyPaths"),
            Rlimits = RlimitStage.Build(c),
            Sysctls = SysctlStage.Build(c, namespaces),
            Cgroup = CgroupStage.Build(c),
            Network = network,
            Capabilities = CapabilityStage.Build(c),
            NoNewPrivileges = profile.NoNewPrivileges.Value,
            NoNewPrivilegesOrigin = profile.NoNewPrivileges.Origin,
            Landlock = LandlockStage.Build(c, mounts),
            AppArmor = AppArmorStage.Build(c),
            Seccomp = seccompStage(profile.Seccomp, host, c.Diagnostics),
        };

        return new PlanCompileResult(c.Diagnostics.HasErrors ? null : plan, c.Diagnostics.ToImmutable());
    }
}
