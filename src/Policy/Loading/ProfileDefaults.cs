using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;
using FileAccess = Hctr.Policy.Model.FileAccess;

namespace Hctr.Policy.Loading;

/// <summary>
/// Fills what no layer set with hctr's strict defaults (docs/profile-format.md lists them). A missing section
/// means strict, never open. Default values are located at the profile's name line, so explain and lint can
/// still point somewhere.
/// </summary>
internal static class ProfileDefaults
{
    public static readonly ImmutableArray<string> MaskedPaths =
    [
        "/proc/acpi", "/proc/asound", "/proc/interrupts", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
        "/proc/sched_debug", "/proc/scsi", "/proc/timer_list", "/proc/timer_stats", "/sys/devices/virtual/powercap",
        "/sys/firmware",
    ];

    public static readonly ImmutableArray<string> ReadOnlyPaths =
        ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    public const uint AutoRangeSize = 65536;

    public const long PidsMax = 1024;

    public static SecurityProfile Complete(ProfileLayer l, ImmutableArray<string> sources, DiagnosticBag d)
    {
        var at = l.Name.Origin;
        var expander = new SyscallExpander(l.Groups, d);
        expander.CheckGroups();
        var rules = l.Rules ?? (l.SeccompSection is null ? DefaultSeccompRules(at) : []);
        var readOnlyRoot = l.ReadOnlyRootfs ?? new Located<bool>(true, at);
        var tmpfs = l.Tmpfs ?? [new TmpfsMount("/tmp", 64UL << 20, 1023, ["nosuid", "nodev", "noexec"], at)];
        return new SecurityProfile
        {
            Name = l.Name.Value,
            Description = l.Description ?? "",
            Origin = at,
            Sources = sources,
            Capabilities = new CapabilityProfile(l.CapAdd ?? []),
            NoNewPrivileges = l.NoNewPrivileges ?? new Located<bool>(true, at),
            UserNamespace = new UserNamespaceProfile(
                l.UsernsMode ?? new Located<UserNamespaceMode>(UserNamespaceMode.Auto, at),
                l.UsernsSize ?? AutoRangeSize,
                l.UidMappings ?? [],
                l.GidMappings ?? [],
                l.AllowHostRootUnsafe ?? new Located<bool>(false, at)),
            Seccomp = new SeccompProfile(
                l.DefaultAction ?? new Located<SeccompAction>(new SeccompAction(SeccompActionKind.Errno, 1), at),
                l.UnknownAction ?? new Located<SeccompAction>(new SeccompAction(SeccompActionKind.Errno, 38), at),
                l.Architectures ?? [],
                [.. rules.Select(r => new SeccompRuleSpec(r.Syscalls, expander.Expand(r.Syscalls), r.Args, r.Action, r.Origin, r.Comment))]),
            Filesystem = new FilesystemProfile(
                readOnlyRoot,
                l.MaskedPaths ?? [.. MaskedPaths.Select(p => new Located<string>(p, at))],
                l.ReadOnlyPaths ?? [.. ReadOnlyPaths.Select(p => new Located<string>(p, at))],
                tmpfs,
                l.Volumes ?? [],
                l.Access ?? DefaultAccess(readOnlyRoot.Value, tmpfs, l.Volumes ?? [], at),
                l.AllowSetuid ?? new Located<bool>(false, at)),
            Network = new NetworkProfile(
                l.NetworkModes ?? [new Located<NetworkMode>(NetworkMode.None, at)],
                l.TcpBind ?? [],
                l.TcpConnect ?? []),
            Resources = new ResourceProfile(
                l.Memory ?? new Located<ulong?>(null, at),
                l.Pids ?? new Located<long?>(PidsMax, at),
                l.Cpu),
            Rlimits = l.Rlimits ?? [new RlimitEntry("nofile", 1024, 1024, at), new RlimitEntry("core", 0, 0, at)],
            Sysctls = l.Sysctls ?? [],
            Devices = l.Devices ?? [],
            AppArmorRules = l.AppArmorRules ?? [],
            Widen = l.Widen,
        };
    }

    /// <summary>
    /// The seccomp rules of a profile without a seccomp section: Docker's default semantics without the
    /// capability-dependent parts — its unconditional allowlist, arch_prctl and modify_ldt (x86), clone without
    /// namespace flags, clone3 answered ENOSYS so libc falls back to clone, socket for every family but AF_ALG
    /// and AF_VSOCK, and personality for Docker's five values.
    /// </summary>
    private static ImmutableArray<RawRule> DefaultSeccompRules(SourceLocation at)
    {
        const string why = "built-in default (no seccomp section)";
        RawRule Allow(string name, params ArgCondition[] args) =>
            new([new Located<string>(name, at)], [.. args], SeccompAction.Allow, at, why);
        return
        [
            Allow("@default"),
            Allow("arch_prctl"),
            Allow("modify_ldt"),
            Allow("clone", new ArgCondition(0, ArgOp.MaskedEq, 0, 0x7E020000)),
            new RawRule([new Located<string>("clone3", at)], [], new SeccompAction(SeccompActionKind.Errno, 38), at, why),
            Allow("socket", new ArgCondition(0, ArgOp.Lt, 38)),
            Allow("socket", new ArgCondition(0, ArgOp.Eq, 39)),
            Allow("socket", new ArgCondition(0, ArgOp.Gt, 40)),
            Allow("personality", new ArgCondition(0, ArgOp.Eq, 0)),
            Allow("personality", new ArgCondition(0, ArgOp.Eq, 8)),
            Allow("personality", new ArgCondition(0, ArgOp.Eq, 0x20000)),
            Allow("personality", new ArgCondition(0, ArgOp.Eq, 0x20008)),
            Allow("personality", new ArgCondition(0, ArgOp.Eq, 0xffffffff)),
        ];
    }

    /// <summary>
    /// Without an access list: read and execute everywhere; write to /dev, /proc, tmpfs mounts and volumes that
    /// may be read-write, and to the whole tree when the rootfs is writable.
    /// </summary>
    private static ImmutableArray<PathAccessRule> DefaultAccess(bool readOnlyRoot, ImmutableArray<TmpfsMount> tmpfs, ImmutableArray<VolumeRule> volumes, SourceLocation at)
    {
        var rw = FileAccess.Read | FileAccess.Write;
        var list = ImmutableArray.CreateBuilder<PathAccessRule>();
        list.Add(new PathAccessRule("/", readOnlyRoot ? FileAccess.Read | FileAccess.Execute : rw | FileAccess.Execute, at));
        if (readOnlyRoot)
        {
            list.Add(new PathAccessRule("/dev", rw, at));
            list.Add(new PathAccessRule("/proc", rw, at));
            list.AddRange(tmpfs.Select(t => new PathAccessRule(t.Path, t.Options.Contains("noexec") ? rw : rw | FileAccess.Execute, t.Origin)));
            list.AddRange(volumes.Where(v => v.Modes.Contains(VolumeMode.ReadWrite)).Select(v => new PathAccessRule(v.Target, rw, v.Origin)));
        }

        return list.ToImmutable();
    }
}
