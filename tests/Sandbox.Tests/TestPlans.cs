using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Sandbox.Tests;

/// <summary>
/// Hand-built plans mirroring the PlanCompiler's defaults (mounts, masked/read-only paths, docker's default
/// capabilities, user namespace root mapped to <see cref="HostIdBase"/>). Tests change what they observe with <c>with</c>.
/// </summary>
internal static class TestPlans
{
    public const uint HostIdBase = 100000;
    public const ulong CLONE_NEWNS = 0x00020000, CLONE_NEWCGROUP = 0x02000000, CLONE_NEWUTS = 0x04000000,
        CLONE_NEWIPC = 0x08000000, CLONE_NEWUSER = 0x10000000, CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000;

    private const ulong NoSuid = 2, NoDev = 4, NoExec = 8, RdOnly = 1, Bind = 4096, Rec = 16384;

    /// <summary>CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE NET_RAW SYS_CHROOT MKNOD AUDIT_WRITE SETFCAP.</summary>
    public static readonly ulong DefaultCaps = Mask(0, 1, 3, 4, 5, 6, 7, 8, 10, 13, 18, 27, 29, 31);

    public static SourceLocation At(int line) => new("test.yaml", line, 1);

    public static ulong Mask(params int[] caps) => caps.Aggregate(0UL, (m, c) => m | (1UL << c));

    public static LaunchPlan Default(string rootfs, params string[] argv) => new()
    {
        ProfileName = "test",
        ProfileDigest = "sha256:test",
        Namespaces = new NamespacePlan(
            ["user", "mount", "pid", "uts", "ipc", "cgroup", "net"],
            CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWCGROUP | CLONE_NEWNET),
        IdMaps = new IdMapPlan([new IdMapEntry(0, HostIdBase, 65536)], [new IdMapEntry(0, HostIdBase, 65536)], DenySetgroups: false, At(3)),
        Process = new ProcessPlan([.. argv], ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root"], "/", 0, 0, [], "testhost", Terminal: false, Init: false),
        Rootfs = new RootfsPlan(rootfs, ReadOnly: false, At(5)),
        Mounts =
        [
            new MountStep("proc", "/proc", "proc", NoSuid | NoDev | NoExec, "", MountTargetKind.Directory, At(10)),
            new MountStep("tmpfs", "/dev", "tmpfs", NoSuid, "mode=755,size=65536k", MountTargetKind.Directory, At(11)),
            new MountStep("devpts", "/dev/pts", "devpts", NoSuid | NoExec, "newinstance,ptmxmode=0666,mode=0620", MountTargetKind.Directory, At(12)),
            new MountStep("shm", "/dev/shm", "tmpfs", NoSuid | NoDev | NoExec, "mode=1777,size=65536k", MountTargetKind.Directory, At(13)),
            new MountStep("mqueue", "/dev/mqueue", "mqueue", NoSuid | NoDev | NoExec, "", MountTargetKind.Directory, At(14)),
            new MountStep("sysfs", "/sys", "sysfs", NoSuid | NoDev | NoExec | RdOnly, "", MountTargetKind.Directory, At(15)),
            Device("null", 16), Device("zero", 17), Device("full", 18), Device("random", 19), Device("urandom", 20), Device("tty", 21),
        ],
        MaskedPaths = [.. new[] { "/proc/kcore", "/proc/keys", "/proc/timer_list", "/proc/acpi", "/proc/scsi", "/sys/firmware" }.Select(p => new PathStep(p, At(30)))],
        ReadOnlyPaths = [.. new[] { "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger" }.Select(p => new PathStep(p, At(31)))],
        Rlimits = [],
        Sysctls = [],
        Cgroup = new CgroupPlan(CgroupLayout.V1, "hctr-test-" + Guid.NewGuid().ToString("N")[..12], ["pids"], [new CgroupSetting("pids", "pids.max", "1024", At(40))]),
        Network = new NetworkPlan(NetworkMode.None, LoopbackUp: true, At(45)),
        Capabilities = new CapabilityPlan(DefaultCaps, DefaultCaps, DefaultCaps, 0, 0, [], At(50)),
        NoNewPrivileges = true,
        NoNewPrivilegesOrigin = At(51),
        Landlock = null,
        AppArmor = new AppArmorPlan("hctr-test", "", Load: false),
        Seccomp = new SeccompPlan("", 0, 0, NeedsListener: false, At(60)),
    };

    private static MountStep Device(string name, int line) =>
        new($"/dev/{name}", $"/dev/{name}", "", Bind | NoSuid, "", MountTargetKind.File, At(line));

    public static LaunchPlan WithArgv(this LaunchPlan plan, params string[] argv) =>
        plan with { Process = plan.Process with { Argv = [.. argv] } };
}
