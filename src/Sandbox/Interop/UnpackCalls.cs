using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>
/// The *at syscalls image unpacking needs: everything is relative to a directory fd, nothing follows a
/// symlink at the last component, and parents are resolved with openat2(RESOLVE_IN_ROOT) so no path
/// (absolute, <c>..</c>, symlink) can leave the root. Used only through <see cref="Fs.RootedFs"/>.
/// </summary>
internal static unsafe partial class UnpackCalls
{
    public const int AT_FDCWD = -100;
    public const int AT_SYMLINK_NOFOLLOW = 0x100;
    public const int AT_REMOVEDIR = 0x200;
    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_CREAT = 0x40;
    public const int O_EXCL = 0x80;
    public const int O_TRUNC = 0x200;
    public const int O_NONBLOCK = 0x800;
    public const int AT_EMPTY_PATH = 0x1000;
    public const int O_DIRECTORY = 0x10000;
    public const int O_NOFOLLOW = 0x20000;
    public const int O_CLOEXEC = 0x80000;
    public const int O_PATH = 0x200000;
    public const ulong RESOLVE_NO_MAGICLINKS = 0x02;
    public const ulong RESOLVE_IN_ROOT = 0x10;
    public const uint S_IFCHR = 0x2000;
    public const uint S_IFBLK = 0x6000;
    public const uint S_IFIFO = 0x1000;
    public const int ENOENT = 2;
    public const int EEXIST = 17;
    public const int ENOSYS = 38;

    /// <summary>openat2(2) is 437 on every architecture that uses the generic syscall table (x86_64 included).</summary>
    private const long SYS_openat2 = 437;

    [StructLayout(LayoutKind.Sequential)]
    public struct OpenHow
    {
        public ulong Flags;
        public ulong Mode;
        public ulong Resolve;
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall4(long number, int dirfd, byte* path, OpenHow* how, nuint size);

    public static int OpenAt2(int dirfd, string path, in OpenHow how)
    {
        byte[] bytes = Utf8z(path);
        OpenHow copy = how;
        fixed (byte* p = bytes)
        {
            return (int)Syscall4(SYS_openat2, dirfd, p, &copy, (nuint)sizeof(OpenHow));
        }
    }

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int OpenAt(int dirfd, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MkdirAt(int dirfd, string path, uint mode);

    [LibraryImport("libc", EntryPoint = "symlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SymlinkAt(string target, int newdirfd, string linkpath);

    [LibraryImport("libc", EntryPoint = "linkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LinkAt(int olddirfd, string oldpath, int newdirfd, string newpath, int flags);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnlinkAt(int dirfd, string path, int flags);

    [LibraryImport("libc", EntryPoint = "mknodat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MknodAt(int dirfd, string path, uint mode, ulong dev);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    public static partial int FChmod(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "fchmodat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FChmodAt(int dirfd, string path, uint mode, int flags);

    [LibraryImport("libc", EntryPoint = "fchownat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FChownAt(int dirfd, string path, uint uid, uint gid, int flags);

    [LibraryImport("libc", EntryPoint = "fsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int FSetXattr(int fd, string name, byte* value, nuint size, int flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>lstat-like: the file type and mode bits of <paramref name="path"/> under <paramref name="dirfd"/>.</summary>
    public static int StatMode(int dirfd, string path, out uint mode, int extraFlags = 0)
    {
        byte* buffer = stackalloc byte[256];
        int rc = Statx(dirfd, path, AT_SYMLINK_NOFOLLOW | extraFlags, 0x2 /* STATX_MODE */, buffer);
        mode = rc == 0 ? (uint)*(ushort*)(buffer + 28) : 0u;
        return rc;
    }

    public static int SetXattr(int fd, string name, ReadOnlySpan<byte> value)
    {
        fixed (byte* v = value)
        {
            return FSetXattr(fd, name, v, (nuint)value.Length, 0);
        }
    }

    public static ulong MakeDev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8)
        | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);

    private static byte[] Utf8z(string s)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(s) + 1];
        System.Text.Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }
}
