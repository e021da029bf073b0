using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>errno values hctr acts on, their names, and the one helper that turns a failed call into an exception.</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int EBADF = 9;
    public const int ECHILD = 10;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int EPIPE = 32;
    public const int ENOEXEC = 8;
    public const int ENOSYS = 38;
    public const int ELOOP = 40;
    public const int EOPNOTSUPP = 95;
    public const int EXDEV = 18;
    public const int EROFS = 30;

    private static readonly FrozenDictionary<int, string> Names = new Dictionary<int, string>
    {
        [1] = "EPERM", [2] = "ENOENT", [3] = "ESRCH", [4] = "EINTR", [5] = "EIO", [7] = "E2BIG", [8] = "ENOEXEC",
        [9] = "EBADF", [10] = "ECHILD", [11] = "EAGAIN", [12] = "ENOMEM", [13] = "EACCES", [14] = "EFAULT",
        [16] = "EBUSY", [17] = "EEXIST", [18] = "EXDEV", [19] = "ENODEV", [20] = "ENOTDIR", [21] = "EISDIR",
        [22] = "EINVAL", [24] = "EMFILE", [26] = "ETXTBSY", [28] = "ENOSPC", [30] = "EROFS", [32] = "EPIPE",
        [36] = "ENAMETOOLONG", [38] = "ENOSYS", [39] = "ENOTEMPTY", [40] = "ELOOP", [95] = "EOPNOTSUPP",
        [98] = "EADDRINUSE", [99] = "EADDRNOTAVAIL",
    }.ToFrozenDictionary();

    public static string Name(int errno) => Names.TryGetValue(errno, out var name) ? name : $"errno {errno}";

    public static int Last => Marshal.GetLastPInvokeError();

    /// <summary>Returns <paramref name="result"/>, or throws <see cref="SyscallException"/> with the call's errno when it is negative.</summary>
    public static int Check(int result, string operation, string? path = null) =>
        result < 0 ? throw new SyscallException(operation, Last, path) : result;

    public static long Check(long result, string operation, string? path = null) =>
        result < 0 ? throw new SyscallException(operation, Last, path) : result;
}
