using System.Collections.Frozen;
using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>The lint catalogue. Ids are stable: never renumber, only add. Documented in docs/lint.md.</summary>
public static class LintRules
{
    public static readonly LintRule DangerousCapability = new("HCTR-L001", Severity.Error, "dangerous capability granted",
        "these capabilities reach the host kernel (mounts, modules, ptrace, BPF, raw devices)", "drop it; grant a narrower capability or move the work to the host", 25);

    public static readonly LintRule NoUserNamespace = new("HCTR-L002", Severity.Error, "no user namespace",
        "without a user namespace container root is host root", "use userNamespace.mode: auto", 40);

    public static readonly LintRule HostRootMapped = new("HCTR-L003", Severity.Error, "container root mapped to host root",
        "a map that reaches host uid/gid 0 gives the container host root", "map container 0 to an unprivileged host range; remove allowHostRootUnsafe", 40);

    public static readonly LintRule SeccompDefaultAllow = new("HCTR-L004", Severity.Error, "seccomp default allow",
        "a denylist lets every syscall nobody thought of, including new ones", "set seccomp.defaultAction: errno(EPERM) and list what is needed", 30);

    public static readonly LintRule DangerousSyscall = new("HCTR-L005", Severity.Error, "dangerous syscall allowed",
        "these syscalls are the usual kernel attack surface for container escapes", "deny it before the allowlist (e.g. the @debug, @mount, @bpf groups)", 10);

    public static readonly LintRule NamespaceCreation = new("HCTR-L006", Severity.Error, "namespace creation allowed",
        "clone/unshare with CLONE_NEW* flags (or clone3, whose flags a filter cannot read) exposes unprivileged user namespaces",
        "allow clone only with args [{index: 0, op: masked-eq, mask: 0x7E020000, value: 0}]; deny unshare; clone3 errno(ENOSYS)", 15);

    public static readonly LintRule WritableKernelFs = new("HCTR-L007", Severity.Error, "writable /proc/sys or /sys",
        "write access to kernel tunables changes the host", "grant read only beneath /proc and /sys", 30);

    public static readonly LintRule HostNetwork = new("HCTR-L008", Severity.Error, "host network namespace",
        "network mode host shares the host's interfaces, ports and abstract sockets", "use bridge or none", 25);

    public static readonly LintRule NoPidsLimit = new("HCTR-L009", Severity.Warning, "no pids limit",
        "a fork bomb exhausts the host's pid space", "set resources.pids, e.g. 512", 5);

    public static readonly LintRule NoMemoryLimit = new("HCTR-L010", Severity.Warning, "no memory limit",
        "the container can push the host into the OOM killer", "set resources.memory, e.g. 1Gi", 5);

    public static readonly LintRule NoNewPrivsOff = new("HCTR-L011", Severity.Warning, "no_new_privs off",
        "setuid binaries and file capabilities can regain privileges", "set noNewPrivileges: true", 10);

    public static readonly LintRule ExtraDevices = new("HCTR-L012", Severity.Warning, "devices beyond the defaults",
        "each device node is a host kernel driver the container can drive", "remove the device or document why it is needed", 10);

    public static readonly LintRule WritableRootfs = new("HCTR-L013", Severity.Warning, "writable root filesystem",
        "a writable image lets an attacker persist and drop binaries", "set filesystem.readOnlyRootfs: true and use tmpfs/volumes for state", 5);

    public static readonly LintRule ExecutableTmpfs = new("HCTR-L014", Severity.Warning, "executable tmpfs",
        "a writable, executable mount is where downloaded payloads run", "add noexec (and nosuid, nodev) to the tmpfs options", 5);

    public static readonly LintRule WidenDeclared = new("HCTR-L015", Severity.Warning, "widening of the base profile declared",
        "'widen:' lets this profile grant more than the profile it extends", "narrow the profile and drop the widen entry, or justify it", 10);

    public static readonly LintRule UnsafeSwitch = new("HCTR-L016", Severity.Warning, "unsafe switch used",
        "switches spelled ...Unsafe or setuid-keeping weaken the sandbox on purpose", "remove the switch, or suppress with a reason", 15);

    public static readonly LintRule SuppressionWithoutReason = new("HCTR-L017", Severity.Error, "suppression without a reason",
        "every disabled rule needs a recorded justification", "write '# hctr-lint: disable=HCTR-Lnnn reason: why'", 0);

    public static readonly LintRule SuppressionUnknownRule = new("HCTR-L018", Severity.Warning, "suppression names an unknown rule",
        "a typo in a suppression silently suppresses nothing", "use an id from docs/lint.md", 0);

    public static ImmutableArray<LintRule> All { get; } =
    [
        DangerousCapability, NoUserNamespace, HostRootMapped, SeccompDefaultAllow, DangerousSyscall, NamespaceCreation, WritableKernelFs,
        HostNetwork, NoPidsLimit, NoMemoryLimit, NoNewPrivsOff, ExtraDevices, WritableRootfs, ExecutableTmpfs, WidenDeclared, UnsafeSwitch,
        SuppressionWithoutReason, SuppressionUnknownRule,
    ];

    public static FrozenDictionary<string, LintRule> ById { get; } = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
}
