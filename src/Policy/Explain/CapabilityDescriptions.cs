using System.Collections.Frozen;
using Hctr.Policy.Capabilities;

namespace Hctr.Policy.Explain;

/// <summary>What each capability grants, in a few words (capabilities(7)), and which ones a reviewer should look at twice.</summary>
internal static class CapabilityDescriptions
{
    private static readonly FrozenDictionary<Capability, (string Grants, RiskLevel? Risk)> Table = new Dictionary<Capability, (string, RiskLevel?)>
    {
        [Capability.Chown] = ("change the owner of any file", null),
        [Capability.DacOverride] = ("read, write and execute files regardless of permission bits", null),
        [Capability.DacReadSearch] = ("read any file and search any directory; open files by handle (open_by_handle_at)", RiskLevel.High),
        [Capability.Fowner] = ("act as the owner of any file (chmod, utime, ACLs)", null),
        [Capability.Fsetid] = ("keep set-user/group-ID bits when changing files", null),
        [Capability.Kill] = ("send signals to processes of other users", null),
        [Capability.Setgid] = ("change group IDs and supplementary groups", null),
        [Capability.Setuid] = ("change user IDs", null),
        [Capability.Setpcap] = ("change capability sets and the bounding set of its own threads", null),
        [Capability.LinuxImmutable] = ("set the immutable and append-only file attributes", RiskLevel.Low),
        [Capability.NetBindService] = ("bind ports below 1024", null),
        [Capability.NetBroadcast] = ("broadcast and listen to multicast", null),
        [Capability.NetAdmin] = ("configure interfaces, routes, firewall rules and sockets of the network namespace", RiskLevel.High),
        [Capability.NetRaw] = ("open raw and packet sockets (craft packets, spoof on the bridge)", RiskLevel.Medium),
        [Capability.IpcLock] = ("lock memory (mlock) beyond the rlimit", RiskLevel.Low),
        [Capability.IpcOwner] = ("bypass permission checks on System V IPC objects", RiskLevel.Low),
        [Capability.SysModule] = ("load and unload kernel modules", RiskLevel.High),
        [Capability.SysRawio] = ("raw I/O: I/O ports, /dev/mem, raw block devices", RiskLevel.High),
        [Capability.SysChroot] = ("use chroot", null),
        [Capability.SysPtrace] = ("trace and inspect any process it can see (ptrace, process_vm_*)", RiskLevel.High),
        [Capability.SysPacct] = ("turn process accounting on and off", RiskLevel.Low),
        [Capability.SysAdmin] = ("mount, create namespaces, and many other administrative operations (\"the new root\")", RiskLevel.High),
        [Capability.SysBoot] = ("reboot and load a new kernel (kexec)", RiskLevel.High),
        [Capability.SysNice] = ("raise priorities, set real-time scheduling and CPU/memory placement of any process", RiskLevel.Medium),
        [Capability.SysResource] = ("exceed resource limits and quotas", RiskLevel.Medium),
        [Capability.SysTime] = ("set the system clock (not namespaced: changes the host's time)", RiskLevel.High),
        [Capability.SysTtyConfig] = ("configure terminals (vhangup)", RiskLevel.Low),
        [Capability.Mknod] = ("create device nodes (the device cgroup still decides what can be opened)", null),
        [Capability.Lease] = ("take leases on any file", RiskLevel.Low),
        [Capability.AuditWrite] = ("write records to the kernel audit log", null),
        [Capability.AuditControl] = ("configure kernel auditing", RiskLevel.High),
        [Capability.Setfcap] = ("set file capabilities", null),
        [Capability.MacOverride] = ("override mandatory access control (AppArmor/SELinux/Smack)", RiskLevel.High),
        [Capability.MacAdmin] = ("configure mandatory access control", RiskLevel.High),
        [Capability.Syslog] = ("read and clear the kernel log (kernel addresses leak)", RiskLevel.High),
        [Capability.WakeAlarm] = ("set alarms that wake the system", RiskLevel.Low),
        [Capability.BlockSuspend] = ("block system suspend", RiskLevel.Low),
        [Capability.AuditRead] = ("read the kernel audit log", RiskLevel.Medium),
        [Capability.Perfmon] = ("use performance monitoring (perf_event_open)", RiskLevel.High),
        [Capability.Bpf] = ("load BPF programs and create maps", RiskLevel.High),
        [Capability.CheckpointRestore] = ("checkpoint/restore: choose PIDs, read other processes' state", RiskLevel.Medium),
    }.ToFrozenDictionary();

    public static string Grants(Capability c) => Table.TryGetValue(c, out var e) ? e.Grants : "(no description)";

    public static RiskLevel? Risk(Capability c) => Table.TryGetValue(c, out var e) ? e.Risk : RiskLevel.Medium;
}
