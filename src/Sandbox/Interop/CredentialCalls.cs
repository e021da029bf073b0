using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>Ids, capabilities, prctl, hostname, rlimits.</summary>
internal static unsafe partial class CredentialCalls
{
    public const int PR_SET_PDEATHSIG = 1;
    public const int PR_SET_DUMPABLE = 4;
    public const int PR_SET_KEEPCAPS = 8;
    public const int PR_CAPBSET_READ = 23;
    public const int PR_CAPBSET_DROP = 24;
    public const int PR_SET_NO_NEW_PRIVS = 38;
    public const int PR_CAP_AMBIENT = 47;
    public const int PR_CAP_AMBIENT_RAISE = 2;
    public const int PR_CAP_AMBIENT_CLEAR_ALL = 4;
    public const uint LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    [LibraryImport(Libc.Name, EntryPoint = "setresuid", SetLastError = true)]
    public static partial int setresuid(uint r, uint e, uint s);

    [LibraryImport(Libc.Name, EntryPoint = "setresgid", SetLastError = true)]
    public static partial int setresgid(uint r, uint e, uint s);

    [LibraryImport(Libc.Name, EntryPoint = "setgroups", SetLastError = true)]
    public static partial int setgroups(nint size, uint* list);

    [LibraryImport(Libc.Name, EntryPoint = "prctl", SetLastError = true)]
    public static partial int prctl(int option, ulong a2, ulong a3, ulong a4, ulong a5);

    [LibraryImport(Libc.Name, EntryPoint = "sethostname", SetLastError = true)]
    public static partial int sethostname(byte* name, nint len);

    [LibraryImport(Libc.Name, EntryPoint = "prlimit", SetLastError = true)]
    public static partial int prlimit(int pid, int resource, ulong* newLimit, ulong* oldLimit);

    /// <summary>The calling thread's permitted set (capget).</summary>
    public static ulong PermittedNow()
    {
        uint* header = stackalloc uint[2] { LINUX_CAPABILITY_VERSION_3, 0 };
        uint* data = stackalloc uint[6];
        Errno.Check(Libc.Syscall(SyscallNumbers.Capget, (nint)header, (nint)data, 0, 0, 0), "capget");
        return data[1] | ((ulong)data[4] << 32);
    }

    /// <summary>capset(2) for the calling thread only (the raw syscall: glibc does not broadcast it).</summary>
    public static int Capset(ulong effective, ulong permitted, ulong inheritable)
    {
        uint* header = stackalloc uint[2] { LINUX_CAPABILITY_VERSION_3, 0 };
        uint* data = stackalloc uint[6]
        {
            (uint)effective, (uint)permitted, (uint)inheritable,
            (uint)(effective >> 32), (uint)(permitted >> 32), (uint)(inheritable >> 32),
        };
        return (int)Libc.Syscall(SyscallNumbers.Capset, (nint)header, (nint)data, 0, 0, 0);
    }
}
