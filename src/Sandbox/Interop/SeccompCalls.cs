using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>seccomp(2).</summary>
internal static unsafe class SeccompCalls
{
    public const uint SECCOMP_SET_MODE_FILTER = 1;
    public const uint SECCOMP_GET_ACTION_AVAIL = 2;
    public const uint SECCOMP_FILTER_FLAG_SPEC_ALLOW = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct SockFprog
    {
        public ushort Len;
        public nint Filter;
    }

    /// <summary>Loads <paramref name="program"/> (struct sock_filter records, 8 bytes each) on the calling thread.</summary>
    public static int SetFilter(ReadOnlySpan<byte> program, uint flags)
    {
        fixed (byte* p = program)
        {
            var prog = new SockFprog { Len = (ushort)(program.Length / 8), Filter = (nint)p };
            return (int)Libc.Syscall(SyscallNumbers.Seccomp, SECCOMP_SET_MODE_FILTER, flags, (nint)(&prog), 0, 0);
        }
    }

    /// <summary>True when the kernel accepts SPEC_ALLOW: an invalid (null) program then fails with EFAULT, not EINVAL.</summary>
    public static bool SpecAllowSupported()
    {
        long r = Libc.Syscall(SyscallNumbers.Seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, 0, 0, 0);
        return r < 0 && Errno.Last == 14 /* EFAULT */;
    }
}
