using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Hctr.Policy.Explain;

/// <summary>Syscalls a reviewer should notice when allowed, with why. Names in alphabetical order.</summary>
internal static class DangerousSyscalls
{
    private static readonly FrozenDictionary<string, string> Why = new Dictionary<string, string>
    {
        ["acct"] = "switches process accounting",
        ["add_key"] = "uses kernel keyrings, which are not namespaced",
        ["bpf"] = "loads eBPF programs into the kernel",
        ["clone"] = "can create namespaces when namespace flags are allowed",
        ["clone3"] = "creates processes with flags a filter cannot read (namespaces included)",
        ["delete_module"] = "unloads kernel modules",
        ["finit_module"] = "loads kernel modules",
        ["fsconfig"] = "configures new mounts",
        ["fsmount"] = "creates mounts",
        ["fsopen"] = "creates mounts",
        ["init_module"] = "loads kernel modules",
        ["io_uring_enter"] = "io_uring: a large kernel attack surface whose operations seccomp does not see",
        ["io_uring_register"] = "io_uring: a large kernel attack surface whose operations seccomp does not see",
        ["io_uring_setup"] = "io_uring: a large kernel attack surface whose operations seccomp does not see",
        ["ioperm"] = "accesses I/O ports",
        ["iopl"] = "accesses I/O ports",
        ["kcmp"] = "compares kernel objects of other processes",
        ["kexec_file_load"] = "loads a new kernel",
        ["kexec_load"] = "loads a new kernel",
        ["keyctl"] = "uses kernel keyrings, which are not namespaced",
        ["mount"] = "mounts file systems",
        ["move_mount"] = "moves mounts",
        ["open_by_handle_at"] = "opens files by handle, the classic container escape",
        ["open_tree"] = "clones mount trees",
        ["perf_event_open"] = "uses performance counters (kernel information leaks)",
        ["pidfd_getfd"] = "copies file descriptors out of other processes",
        ["pivot_root"] = "changes the root mount",
        ["process_vm_readv"] = "reads other processes' memory",
        ["process_vm_writev"] = "writes other processes' memory",
        ["ptrace"] = "traces and controls other processes",
        ["reboot"] = "reboots or halts",
        ["request_key"] = "uses kernel keyrings, which are not namespaced",
        ["setns"] = "joins other namespaces",
        ["swapoff"] = "changes swap",
        ["swapon"] = "changes swap",
        ["syslog"] = "reads the kernel log",
        ["umount2"] = "unmounts file systems",
        ["unshare"] = "creates namespaces (a large kernel attack surface, user namespaces above all)",
        ["userfaultfd"] = "handles page faults in user space, a common exploit aid",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ImmutableArray<string> Names { get; } = [.. Why.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// These reach only processes the workload could already trace (same user namespace, ptrace access
    /// checks), so they are a medium risk; everything else in the table reaches the kernel or the host.
    /// </summary>
    private static readonly FrozenSet<string> Contained =
        new[] { "kcmp", "pidfd_getfd", "process_vm_readv", "process_vm_writev", "ptrace" }.ToFrozenSet(StringComparer.Ordinal);

    public static bool TryGet(string name, out string why) => Why.TryGetValue(name, out why!);

    public static RiskLevel Level(string name) => Contained.Contains(name) ? RiskLevel.Medium : RiskLevel.High;
}
