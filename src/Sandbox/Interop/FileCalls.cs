using System.Runtime.InteropServices;

namespace Hctr.Sandbox.Interop;

/// <summary>open/read/write/close and friends.</summary>
internal static unsafe partial class FileCalls
{
    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_RDWR = 2;
    public const int O_CREAT = 0x40;
    public const int O_EXCL = 0x80;
    public const int O_NOCTTY = 0x100;
    public const int O_TRUNC = 0x200;
    public const int O_DIRECTORY = 0x10000;
    public const int O_NOFOLLOW = 0x20000;
    public const int O_CLOEXEC = 0x80000;
    public const int O_PATH = 0x200000;
    public const int AT_FDCWD = -100;
    public const int AT_EMPTY_PATH = 0x1000;
    public const int F_GETFD = 1;
    public const int F_SETFD = 2;
    public const int FD_CLOEXEC = 1;
    public const uint MFD_CLOEXEC = 1;
    public const uint MFD_ALLOW_SEALING = 2;
    public const ushort S_IFMT = 0xF000;
    public const ushort S_IFDIR = 0x4000;

    [LibraryImport(Libc.Name, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, uint mode);

    [LibraryImport(Libc.Name, EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int openat(int dirfd, string path, int flags, uint mode);

    [LibraryImport(Libc.Name, EntryPoint = "close", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport(Libc.Name, EntryPoint = "read", SetLastError = true)]
    public static partial nint read(int fd, byte* buf, nint count);

    [LibraryImport(Libc.Name, EntryPoint = "write", SetLastError = true)]
    public static partial nint write(int fd, byte* buf, nint count);

    [LibraryImport(Libc.Name, EntryPoint = "pipe2", SetLastError = true)]
    public static partial int pipe2(int* fds, int flags);

    [LibraryImport(Libc.Name, EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int memfd_create(string name, uint flags);

    [LibraryImport(Libc.Name, EntryPoint = "lseek", SetLastError = true)]
    public static partial long lseek(int fd, long offset, int whence);

    [LibraryImport(Libc.Name, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int fcntl(int fd, int cmd, int arg);

    [LibraryImport(Libc.Name, EntryPoint = "dup", SetLastError = true)]
    public static partial int dup(int fd);

    [LibraryImport(Libc.Name, EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mkdirat(int dirfd, string path, uint mode);

    [LibraryImport(Libc.Name, EntryPoint = "rmdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rmdir(string path);

    [LibraryImport(Libc.Name, EntryPoint = "symlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int symlinkat(string target, int dirfd, string linkpath);

    [LibraryImport(Libc.Name, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int statx(int dirfd, string path, int flags, uint mask, byte* buf);

    [LibraryImport(Libc.Name, EntryPoint = "fstatvfs", SetLastError = true)]
    public static partial int fstatvfs(int fd, byte* buf);

    [LibraryImport(Libc.Name, EntryPoint = "chdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chdir(string path);

    [LibraryImport(Libc.Name, EntryPoint = "fchdir", SetLastError = true)]
    public static partial int fchdir(int fd);

    [LibraryImport(Libc.Name, EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int access(string path, int mode);

    public static int CloseRange(uint first, uint last, int flags) =>
        (int)Libc.Syscall(SyscallNumbers.CloseRange, first, last, flags, 0, 0);

    /// <summary>The file type bits (S_IFMT) of an open fd.</summary>
    public static ushort FileType(int fd)
    {
        byte* buf = stackalloc byte[256];
        Errno.Check(statx(fd, "", AT_EMPTY_PATH, 1 /* STATX_TYPE */, buf), "statx");
        return (ushort)(*(ushort*)(buf + 28) & S_IFMT);
    }

    /// <summary>The id of the mount holding fd (statx STATX_MNT_ID, Linux 5.8+).</summary>
    public static ulong MountId(int fd)
    {
        byte* buf = stackalloc byte[256];
        Errno.Check(statx(fd, "", AT_EMPTY_PATH, 0x1000 /* STATX_MNT_ID */, buf), "statx", "STATX_MNT_ID");
        return (*(uint*)buf & 0x1000) != 0 ? *(ulong*)(buf + 144) : throw new SyscallException("statx", Errno.ENOSYS, "STATX_MNT_ID");
    }

    /// <summary>The ST_* flags of the mount holding fd (statvfs f_flag; LP64 layout).</summary>
    public static ulong MountFlags(int fd)
    {
        byte* buf = stackalloc byte[128];
        Errno.Check(fstatvfs(fd, buf), "fstatvfs");
        return *(ulong*)(buf + 72);
    }

    /// <summary>open(O_WRONLY|O_TRUNC) and one write: for procfs, sysfs and cgroupfs files, where a value is one write.</summary>
    public static void WriteText(string path, string value)
    {
        using var fd = new SafeFd(Errno.Check(open(path, O_WRONLY | O_CLOEXEC | O_TRUNC, 0), "open", path));
        WriteAll(fd.Fd, System.Text.Encoding.UTF8.GetBytes(value), path);
    }

    public static void WriteAll(int fd, ReadOnlySpan<byte> data, string what)
    {
        fixed (byte* p = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = write(fd, p + done, data.Length - done);
                if (n < 0)
                {
                    if (Errno.Last == Errno.EINTR)
                    {
                        continue;
                    }

                    throw new SyscallException("write", Errno.Last, what);
                }

                done += (int)n;
            }
        }
    }

    /// <summary>Reads one byte; false at end of file.</summary>
    public static bool ReadOne(int fd, string what)
    {
        byte b;
        while (true)
        {
            nint n = read(fd, &b, 1);
            if (n >= 0)
            {
                return n == 1;
            }

            if (Errno.Last != Errno.EINTR)
            {
                throw new SyscallException("read", Errno.Last, what);
            }
        }
    }

    public static byte[] ReadToEnd(int fd, string what, int limit)
    {
        var result = new List<byte>();
        byte* buf = stackalloc byte[8192];
        while (true)
        {
            nint n = read(fd, buf, 8192);
            if (n < 0)
            {
                if (Errno.Last == Errno.EINTR)
                {
                    continue;
                }

                throw new SyscallException("read", Errno.Last, what);
            }

            if (n == 0)
            {
                return [.. result];
            }

            if (result.Count + n > limit)
            {
                throw new SyscallException("read", 7 /* E2BIG */, what);
            }

            result.AddRange(new ReadOnlySpan<byte>(buf, (int)n));
        }
    }

    public static (SafeFd Read, SafeFd Write) Pipe(int flags = O_CLOEXEC)
    {
        int* fds = stackalloc int[2];
        Errno.Check(pipe2(fds, flags), "pipe2");
        return (new SafeFd(fds[0]), new SafeFd(fds[1]));
    }
}
