using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>landlock_create_ruleset / add_rule / restrict_self.</summary>
internal static unsafe class LandlockCalls
{
    public const uint LANDLOCK_CREATE_RULESET_VERSION = 1;
    public const int LANDLOCK_RULE_PATH_BENEATH = 1;
    public const int LANDLOCK_RULE_NET_PORT = 2;

    /// <summary>Rights that apply to a non-directory inode: EXECUTE, WRITE_FILE, READ_FILE, TRUNCATE, IOCTL_DEV.</summary>
    public const ulong FileRights = 1UL | 2UL | 4UL | (1UL << 14) | (1UL << 15);

    [StructLayout(LayoutKind.Sequential)]
    private struct RulesetAttr
    {
        public ulong HandledAccessFs;
        public ulong HandledAccessNet;
        public ulong Scoped;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct PathBeneathAttr
    {
        public ulong AllowedAccess;
        public int ParentFd;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NetPortAttr
    {
        public ulong AllowedAccess;
        public ulong Port;
    }

    public static int AbiVersion() =>
        (int)Libc.Syscall(SyscallNumbers.LandlockCreateRuleset, 0, 0, LANDLOCK_CREATE_RULESET_VERSION, 0, 0);

    public static int CreateRuleset(ulong fs, ulong net, ulong scoped, int abi)
    {
        var attr = new RulesetAttr { HandledAccessFs = fs, HandledAccessNet = net, Scoped = scoped };
        // ABI 1-3 know only the first field, 4-5 the first two; the kernel rejects unknown non-zero tails.
        int size = abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
        return (int)Libc.Syscall(SyscallNumbers.LandlockCreateRuleset, (nint)(&attr), size, 0, 0, 0);
    }

    public static int AddPathRule(int ruleset, int parentFd, ulong access)
    {
        var attr = new PathBeneathAttr { AllowedAccess = access, ParentFd = parentFd };
        return (int)Libc.Syscall(SyscallNumbers.LandlockAddRule, ruleset, LANDLOCK_RULE_PATH_BENEATH, (nint)(&attr), 0, 0);
    }

    public static int AddNetRule(int ruleset, ushort port, ulong access)
    {
        var attr = new NetPortAttr { AllowedAccess = access, Port = port };
        return (int)Libc.Syscall(SyscallNumbers.LandlockAddRule, ruleset, LANDLOCK_RULE_NET_PORT, (nint)(&attr), 0, 0);
    }

    public static int RestrictSelf(int ruleset) =>
        (int)Libc.Syscall(SyscallNumbers.LandlockRestrictSelf, ruleset, 0, 0, 0, 0);
}
