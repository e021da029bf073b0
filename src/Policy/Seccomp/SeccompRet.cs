namespace Hctr.Policy.Seccomp;

/// <summary>SECCOMP_RET_* values (include/uapi/linux/seccomp.h) and the seccomp_data layout.</summary>
internal static class SeccompRet
{
    public const uint KillProcess = 0x80000000;
    public const uint KillThread = 0x00000000;
    public const uint Trap = 0x00030000;
    public const uint Errno = 0x00050000;
    public const uint UserNotif = 0x7fc00000;
    public const uint Trace = 0x7ff00000;
    public const uint Log = 0x7ffc0000;
    public const uint Allow = 0x7fff0000;
    public const uint ActionFullMask = 0xffff0000;
    public const uint DataMask = 0x0000ffff;

    /// <summary>Offsets in struct seccomp_data.</summary>
    public const uint NrOffset = 0;
    public const uint ArchOffset = 4;
    public const uint IpOffset = 8;
    public const uint ArgsOffset = 16;
    public const int DataSize = 64;

    /// <summary>The x32 ABI marks its syscall numbers with this bit (__X32_SYSCALL_BIT).</summary>
    public const uint X32SyscallBit = 0x40000000;

    /// <summary>BPF_MAXINSNS: the kernel refuses longer filters.</summary>
    public const int MaxInstructions = 4096;

    /// <summary>A readable name for a return value, e.g. "ERRNO(1)" or "ALLOW".</summary>
    public static string Describe(uint ret)
    {
        var data = ret & DataMask;
        return (ret & ActionFullMask) switch
        {
            KillProcess => "KILL_PROCESS",
            KillThread => "KILL_THREAD",
            Trap => "TRAP",
            Errno => $"ERRNO({data})",
            UserNotif => "USER_NOTIF",
            Trace => $"TRACE({data})",
            Log => "LOG",
            Allow => "ALLOW",
            _ => $"0x{ret:x8}",
        };
    }
}
